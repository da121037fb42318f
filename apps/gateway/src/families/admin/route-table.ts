/**
 * How an admin route is declared: BadgeKit's pipeline order (§2.1) —
 * routing, accept negotiation, body parsing, authorization, the site lookup,
 * then the handler — 405 with `Allow` for another method, and an entry in
 * the registry /openapi.json is built from. Unlike BadgeKit's RouteTable it
 * knows PATCH (members are updated partially).
 */
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { RouteDoc, RouteRegistry } from '../../openapi/registry.js';
import { readRawBody } from '../badgekit/body.js';
import { BadgeKitError } from '../badgekit/errors.js';
import { acceptCheck } from '../badgekit/router-kit.js';
import { adminBody } from './body.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type AdminHandlers = Partial<Record<Method, RequestHandler>>;
export type AdminDocs = Partial<Record<Method, RouteDoc>>;

export class AdminRoutes {
  constructor(
    readonly router: Router,
    private readonly auth: RequestHandler,
    private readonly site: RequestHandler,
    private readonly registry: RouteRegistry,
  ) {}

  declare(path: string, handlers: AdminHandlers, docs: AdminDocs): void {
    const route = this.router.route(path);
    const pipeline: RequestHandler[] = [acceptCheck, readRawBody, adminBody, this.auth, this.site];
    const allowed = Object.keys(handlers) as Method[];
    for (const method of allowed) {
      const handler = handlers[method];
      const doc = docs[method];
      if (!handler) continue;
      if (!doc) throw new Error(`${method} ${path} has no documentation`);
      // The admin API reads JSON only (admin-api.md).
      this.registry.add({ contentTypes: ['application/json'], ...doc, family: 'admin', method, path, authenticated: true });
      route[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](...pipeline, handler);
    }
    route.all((req: Request, res: Response, next: NextFunction) => {
      res.setHeader('Allow', allowed.join(', '));
      next(new BadgeKitError(405, { code: 'MethodNotAllowedError', message: `${req.method} is not allowed` }));
    });
  }
}
