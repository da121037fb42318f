/**
 * How a BadgeKit route is declared: the request pipeline of §2.1 in its order
 * (routing, then accept negotiation, body parsing, authorization, handler),
 * and 405 with an `Allow` header for a known path with another method.
 */
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { badgekitBody, readRawBody } from './body.js';
import { BadgeKitError } from './errors.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Handlers = Partial<Record<Method, RequestHandler>>;

const PRODUCIBLE = ['application/json', 'text/plain', 'application/octet-stream', 'application/javascript'];

export function acceptCheck(req: Request, _res: Response, next: NextFunction): void {
  // A missing header and wildcards pass; req.accepts answers false when nothing fits.
  if (req.headers.accept && !req.accepts(PRODUCIBLE)) {
    next(new BadgeKitError(406, { code: 'NotAcceptableError', message: `Server accepts: ${PRODUCIBLE.join(', ')}` }));
    return;
  }
  next();
}

export function declareRoutes(router: Router, path: string, handlers: Handlers, auth: RequestHandler | undefined): void {
  const route = router.route(path);
  const pipeline: RequestHandler[] = [acceptCheck, readRawBody, badgekitBody, ...(auth ? [auth] : [])];
  const allowed = Object.keys(handlers) as Method[];
  for (const method of allowed) {
    const handler = handlers[method];
    if (!handler) continue;
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    route[verb](...pipeline, handler);
  }
  route.all((req: Request, res: Response, next: NextFunction) => {
    // HEAD is served by GET routes; anything else that reaches here is not allowed.
    res.setHeader('Allow', allowed.join(', '));
    next(new BadgeKitError(405, { code: 'MethodNotAllowedError', message: `${req.method} is not allowed` }));
  });
}
