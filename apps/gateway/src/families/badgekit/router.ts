/**
 * The BadgeKit API family (badgekit-api.md), mounted at the root. Each
 * resource declares its routes in its own module; every error leaves in
 * BadgeKit's format.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from '@laurel/service-kit';
import type { RouteRegistry } from '../../openapi/registry.js';
import { badgekitAuth, type ConsumerKeys } from './auth.js';
import { mountApplications } from './applications.js';
import { mountBadges } from './badges.js';
import { mountClaimCodes } from './claim-codes.js';
import type { BadgeKitDeps } from './deps.js';
import { toBadgeKitError } from './errors.js';
import { edgeProblemOf, fullPath, sendEdgeProblem } from '../../http/edge-guard.js';
import { familyOfPath } from '../../http/edge-response.js';
import { mountInstances } from './instances.js';
import { mountIssuers } from './issuers.js';
import { mountMilestones } from './milestones.js';
import { mountPrograms } from './programs.js';
import { redactUrl } from '../../http/request-context.js';
import { RouteTable } from './router-kit.js';
import { mountSystems } from './systems.js';

export interface BadgeKitOptions extends BadgeKitDeps {
  consumers: ConsumerKeys;
  logger: Logger;
  registry: RouteRegistry;
}

/** The original's version string; monitoring may match on `app` (§10.5). */
const HEALTH_BODY = { app: 'BadgeKit API', version: '0.2.22' };

/** The error handler of BadgeKit-format routers (BadgeKit itself and its public documents). */
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
    if (problem.status >= 500) logger.error({ err: error, requestId: req.requestId, url: redactUrl(req.url) }, 'request failed');
    res.status(problem.status).json(problem.body);
  };
}

export function badgekitRouter(options: BadgeKitOptions): Router {
  const router = express.Router({ caseSensitive: false, strict: false });
  const auth = badgekitAuth({ masterSecret: options.config.BADGEKIT_MASTER_SECRET, consumers: options.consumers });
  const routes = new RouteTable(router, auth, options.registry);
  const deps: BadgeKitDeps = { clients: options.clients, config: options.config, members: options.members };

  // Exactly `/` and `/healthcheck` skip authorization (§3.5); with a query string they need a token.
  router.get(['/', '/healthcheck'], (req: Request, res: Response, next: NextFunction) => {
    if (!req.url.includes('?')) {
      res.json(HEALTH_BODY);
      return;
    }
    auth(req, res, (error?: unknown) => (error ? next(error) : res.json(HEALTH_BODY)));
  });

  mountSystems(routes, deps);
  mountIssuers(routes, deps);
  mountPrograms(routes, deps);
  mountBadges(routes, deps);
  mountMilestones(routes, deps);
  mountClaimCodes(routes, deps);
  mountInstances(routes, deps);
  mountApplications(routes, deps);

  router.use(badgekitErrors(options.logger));
  return router;
}

/** BadgeKit's answer for a path no route matches (§2.1 stage 2); also the gateway's last resort. */
export function badgekitNotFound(req: Request, res: Response): void {
  res.status(404).json({ code: 'ResourceNotFound', message: `${req.url} does not exist` });
}
