/**
 * Part of the BadgeKit wire format (src/badgekit-format/), shared by the
 * badgekit, admin and public families: the error handler of BadgeKit-format
 * routers (BadgeKit itself, the admin API and the public documents).
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '@laurel/service-kit';
import { edgeProblemOf, fullPath, sendEdgeProblem } from '../http/edge-guard.js';
import { familyOfPath } from '../http/edge-response.js';
import { redactUrl } from '../http/request-context.js';
import { toBadgeKitError } from './errors.js';

export function badgekitErrors(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    // Mounted at the root, this also sees other families' errors: those are answered in their own format.
    const family = familyOfPath(fullPath(req));
    if (family !== 'badgekit' && family !== 'admin') {
      next(error);
      return;
    }
    // The client's own mistakes in reading the request (limits, encodings, the URL) are the edge's to word.
    const edge = edgeProblemOf(req, error);
    if (edge) {
      sendEdgeProblem(req, res, edge);
      return;
    }
    const problem = toBadgeKitError(error);
    if (problem.status >= 500)
      logger.error({ err: error, requestId: req.requestId, url: redactUrl(req.url) }, 'request failed');
    res.status(problem.status).json(problem.body);
  };
}
