/**
 * The BadgeKit API family (badgekit-api.md), mounted at the root. Each
 * resource registers its routes here; every error leaves in BadgeKit's format.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from '@laurel/service-kit';
import type { ServiceClients } from '../../clients.js';
import { badgekitAuth, type ConsumerKeys } from './auth.js';
import { BadgeKitError, toBadgeKitError } from './errors.js';
import { mountSystems } from './systems.js';

export interface BadgeKitOptions {
  clients: ServiceClients;
  masterSecret: string;
  consumers: ConsumerKeys;
  logger: Logger;
}

/** The original's version string; monitoring may match on `app` (§10.5). */
const HEALTH_BODY = { app: 'BadgeKit API', version: '0.2.22' };

/** body-parser's own failures (too large, bad encoding) in BadgeKit's shape. */
function fromBodyParserError(error: unknown): BadgeKitError | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return new BadgeKitError(413, { code: 'PayloadTooLarge', message: 'Request body is too large' });
  if (type === 'encoding.unsupported') return new BadgeKitError(415, { code: 'UnsupportedMediaTypeError', message: 'Unsupported content encoding' });
  if (type === 'request.aborted' || type === 'request.size.invalid') return new BadgeKitError(400, { code: 'InvalidContent', message: 'Incomplete request body' });
  return undefined;
}

export function badgekitRouter(options: BadgeKitOptions): Router {
  const router = express.Router({ caseSensitive: false, strict: false });
  const auth = badgekitAuth({ masterSecret: options.masterSecret, consumers: options.consumers });

  // Exactly `/` and `/healthcheck` skip authorization (§3.5); with a query string they need a token.
  router.get(['/', '/healthcheck'], (req: Request, res: Response, next: NextFunction) => {
    if (!req.url.includes('?')) {
      res.json(HEALTH_BODY);
      return;
    }
    auth(req, res, (error?: unknown) => (error ? next(error) : res.json(HEALTH_BODY)));
  });

  mountSystems(router, options.clients, auth);

  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const problem = fromBodyParserError(error) ?? toBadgeKitError(error);
    if (problem.status >= 500) options.logger.error({ err: error, requestId: req.requestId, url: req.url }, 'BadgeKit request failed');
    res.status(problem.status).json(problem.body);
  });
  return router;
}

/** BadgeKit's answer for a path no route matches (§2.1 stage 2); also the gateway's last resort. */
export function badgekitNotFound(req: Request, res: Response): void {
  res.status(404).json({ code: 'ResourceNotFound', message: `${req.url} does not exist` });
}
