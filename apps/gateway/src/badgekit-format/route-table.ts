/**
 * Part of the BadgeKit wire format (src/badgekit-format/), shared by the
 * badgekit, admin and public families: how a route is declared. The request
 * pipeline of §2.1 in its order (routing, then accept negotiation, body
 * parsing, authorization, any steps after it, handler), 405 with an `Allow`
 * header for a known path with another method, and an entry in the route
 * registry that /openapi.json is generated from.
 */
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { Family, RouteDoc, RouteRegistry } from '../openapi/registry.js';
import { badgekitBody, readRawBody } from './body.js';
import { BadgeKitError } from './errors.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Handlers = Partial<Record<Method, RequestHandler>>;
export type RouteDocs = Partial<Record<Method, RouteDoc>>;

const PRODUCIBLE = ['application/json', 'text/plain', 'application/octet-stream', 'application/javascript'];

export function acceptCheck(req: Request, _res: Response, next: NextFunction): void {
  // A missing header and wildcards pass; req.accepts answers false when nothing fits.
  if (req.headers.accept && !req.accepts(PRODUCIBLE)) {
    next(new BadgeKitError(406, { code: 'NotAcceptableError', message: `Server accepts: ${PRODUCIBLE.join(', ')}` }));
    return;
  }
  next();
}

/** How a family's routes differ from BadgeKit's own. */
export interface RouteTableOptions {
  /** The family the routes are documented under. */
  family?: Family;
  /** Parses the raw bytes once read; BadgeKit's parser (§2.3) unless the family reads bodies its own way. */
  parseBody?: RequestHandler;
  /** Steps between authorization and the handler, e.g. the admin API's site lookup. */
  afterAuth?: readonly RequestHandler[];
  /** Documentation every route of the table shares; a route's own documentation overrides it. */
  docDefaults?: Partial<RouteDoc>;
}

export class RouteTable {
  private readonly family: Family;
  private readonly parseBody: RequestHandler;
  private readonly afterAuth: readonly RequestHandler[];
  private readonly docDefaults: Partial<RouteDoc>;

  constructor(
    readonly router: Router,
    private readonly auth: RequestHandler,
    private readonly registry: RouteRegistry,
    options: RouteTableOptions = {},
  ) {
    this.family = options.family ?? 'badgekit';
    this.parseBody = options.parseBody ?? badgekitBody;
    this.afterAuth = options.afterAuth ?? [];
    this.docDefaults = options.docDefaults ?? {};
  }

  /**
   * Declares the methods of one path. Every method must be documented; routes
   * are authenticated unless `options.public` (BadgeKit §3.5).
   */
  declare(path: string, handlers: Handlers, docs: RouteDocs, options: { public?: boolean } = {}): void {
    const route = this.router.route(path);
    const pipeline: RequestHandler[] = [
      acceptCheck,
      readRawBody,
      this.parseBody,
      ...(options.public ? [] : [this.auth, ...this.afterAuth]),
    ];
    const allowed = Object.keys(handlers) as Method[];
    for (const method of allowed) {
      const handler = handlers[method];
      const doc = docs[method];
      if (!handler) continue;
      if (!doc) throw new Error(`${method} ${path} has no documentation`);
      this.registry.add({
        ...this.docDefaults,
        ...doc,
        family: this.family,
        method,
        path,
        authenticated: !options.public,
      });
      route[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](...pipeline, handler);
    }
    route.all((req: Request, res: Response, next: NextFunction) => {
      // HEAD is served by GET routes; anything else that reaches here is not allowed.
      res.setHeader('Allow', allowed.join(', '));
      next(new BadgeKitError(405, { code: 'MethodNotAllowedError', message: `${req.method} is not allowed` }));
    });
  }
}
