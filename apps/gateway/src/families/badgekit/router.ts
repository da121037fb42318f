/**
 * The BadgeKit API family (badgekit-api.md), mounted at the root. Each
 * resource declares its routes in its own folder (routes, input parsing and
 * presenters together); every error leaves in BadgeKit's format, whose
 * pieces the admin and public families share (src/badgekit-format/).
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from '@laurel/service-kit';
import { badgekitAuth, type ConsumerKeys } from '../../badgekit-format/auth.js';
import type { BadgeKitDeps } from '../../badgekit-format/deps.js';
import { badgekitErrors } from '../../badgekit-format/error-handler.js';
import { RouteTable } from '../../badgekit-format/route-table.js';
import type { RouteRegistry } from '../../openapi/registry.js';
import { mountApplications } from './applications/applications.js';
import { mountBadges } from './badges/badges.js';
import { mountClaimCodes } from './claim-codes/claim-codes.js';
import { mountInstances } from './instances/instances.js';
import { mountMilestones } from './milestones/milestones.js';
import { mountIssuers } from './organizations/issuers.js';
import { mountPrograms } from './organizations/programs.js';
import { mountSystems } from './organizations/systems.js';

export interface BadgeKitOptions extends BadgeKitDeps {
  consumers: ConsumerKeys;
  logger: Logger;
  registry: RouteRegistry;
}

/** The original's version string; monitoring may match on `app` (§10.5). */
const HEALTH_BODY = { app: 'BadgeKit API', version: '0.2.22' };

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
