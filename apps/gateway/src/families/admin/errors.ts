/**
 * Admin errors leave in BadgeKit's `{code, message, details}` shape, with one
 * addition: a service that does not offer an operation yet (gRPC
 * UNIMPLEMENTED, e.g. during a rolling upgrade) answers 501 NotImplemented,
 * so a client can tell "not yet" from a failure.
 */
import type { NextFunction, Request, Response } from 'express';
import { isDomainError, type Logger } from '@laurel/service-kit';
import { badgekitErrors } from '../../badgekit-format/error-handler.js';

export function adminErrors(logger: Logger) {
  const badgekit = badgekitErrors(logger);
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (isDomainError(error) && error.reason === 'Unimplemented') {
      res.status(501).json({ code: 'NotImplemented', message: error.message });
      return;
    }
    badgekit(error, req, res, next);
  };
}
