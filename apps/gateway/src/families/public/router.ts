/**
 * Public documents (no authorization, BadgeKit §10 and model.md "Public
 * documents"): badge lists and badge classes, issuer organizations, images,
 * and hosted assertions. Errors in BadgeKit's format.
 *
 * They are meant to be fetched by anyone, browser verifiers included, so
 * every `/public` answer allows any origin (and preflights are answered);
 * the authenticated families stay same-origin. Each document carries a
 * strong ETag and is answered 304 when unchanged; caches must revalidate
 * every time (`no-cache`), so a revocation is seen by the next fetch.
 * The family is its own Express app only so that it can turn ETags on for
 * itself while the rest of the gateway keeps them off.
 */
import cors from 'cors';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '@laurel/service-kit';
import type { RouteRegistry } from '../../openapi/registry.js';
import type { BadgeKitDeps } from '../../badgekit-format/deps.js';
import { badgekitErrors } from '../../badgekit-format/error-handler.js';
import { RouteTable } from '../../badgekit-format/route-table.js';
import { mountPublicAssertions } from './assertions.js';
import { mountBakedImages } from './baked-images.js';
import { mountPublicBadges } from './badges.js';
import { mountPublicCredentials } from './credentials.js';
import { mountPublicDidWeb } from './did-web.js';
import { mountPublicImages } from './images.js';
import { mountPublicOrganizations } from './organizations.js';

export interface PublicOptions extends BadgeKitDeps {
  logger: Logger;
  registry: RouteRegistry;
}

export const PUBLIC_CACHE_CONTROL = 'public, no-cache';

const anyOrigin = cors({ origin: '*', methods: ['GET', 'HEAD'], exposedHeaders: ['ETag'], maxAge: 86_400 });

function revalidate(_req: Request, res: Response, next: NextFunction): void {
  res.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  next();
}

export function publicRouter(options: PublicOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  const router = express.Router({ caseSensitive: false, strict: false });
  router.use('/public', anyOrigin, revalidate);
  const noAuth = (_req: unknown, _res: unknown, next: () => void) => next();
  const routes = new RouteTable(router, noAuth, options.registry, { family: 'public' });
  const deps: BadgeKitDeps = { clients: options.clients, config: options.config, members: options.members };
  mountPublicAssertions(routes, deps);
  mountPublicCredentials(routes, deps);
  mountPublicDidWeb(routes, deps);
  mountPublicOrganizations(routes, deps);
  mountPublicBadges(routes, deps);
  mountPublicImages(routes, deps);
  mountBakedImages(routes, deps);
  router.use(badgekitErrors(options.logger));
  app.use(router);
  return app;
}
