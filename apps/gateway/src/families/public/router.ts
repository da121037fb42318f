/**
 * Public documents (no authorization, BadgeKit §10 and model.md "Public
 * documents"): badge lists and badge classes, issuer organizations, images,
 * and (with the issuance issue) hosted assertions. Errors in BadgeKit's format.
 */
import express, { type Router } from 'express';
import type { Logger } from '@laurel/service-kit';
import type { RouteRegistry } from '../../openapi/registry.js';
import type { BadgeKitDeps } from '../badgekit/deps.js';
import { badgekitErrors } from '../badgekit/router.js';
import { RouteTable } from '../badgekit/router-kit.js';
import { mountPublicAssertions } from './assertions.js';
import { mountPublicBadges } from './badges.js';
import { mountPublicImages } from './images.js';
import { mountPublicOrganizations } from './organizations.js';

export interface PublicOptions extends BadgeKitDeps {
  logger: Logger;
  registry: RouteRegistry;
}

export function publicRouter(options: PublicOptions): Router {
  const router = express.Router({ caseSensitive: false, strict: false });
  const noAuth = (_req: unknown, _res: unknown, next: () => void) => next();
  const routes = new RouteTable(router, noAuth, options.registry, 'public');
  const deps: BadgeKitDeps = { clients: options.clients, config: options.config, members: options.members };
  mountPublicAssertions(routes, deps);
  mountPublicOrganizations(routes, deps);
  mountPublicBadges(routes, deps);
  mountPublicImages(routes, deps);
  router.use(badgekitErrors(options.logger));
  return router;
}
