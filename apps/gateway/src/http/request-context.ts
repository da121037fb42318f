/**
 * Gateway-wide HTTP plumbing that every family shares: path normalization
 * (BadgeKit §2.1 stage 1, harmless for the others), a request id that follows
 * the request into every gRPC call and log line, request metrics and the
 * access log.
 */
import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { RequestScope, runInRequestScope, type Logger, type Metrics } from '@laurel/service-kit';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
    /** The catalog stamp this request's calls share (service-kit request-scope.ts); absent outside requestContext. */
    scope?: RequestScope;
  }
}

/**
 * What every gRPC call made for this request carries: its id, so service logs line up with the
 * gateway's, and its scope, so that the request reads the catalog's change version once for all its
 * cached catalog calls and for the services it calls. Passed by hand, which is exact whatever
 * callbacks Express and its body parsers run the next middleware in; requestContext also makes it
 * the current scope, so that the few calls made without callOptions (consumer-key lookups) share it
 * where Node's async context reaches them, and read their own where it does not.
 * The trace context travels by itself (OpenTelemetry's HTTP and gRPC instrumentations).
 */
export function callOptions(req: Request): { requestId: string; scope?: RequestScope } {
  return { requestId: req.requestId, ...(req.scope && { scope: req.scope }) };
}

/** Collapses runs of `/`, and drops a `/` before `?` or at the end (the root stays `/`). */
export function normalizePath(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt);
  let normalized = path.replace(/\/{2,}/g, '/');
  if (normalized.length > 1 && normalized.endsWith('/')) normalized = normalized.slice(0, -1);
  return normalized + query;
}

export function normalizeUrl(req: Request, _res: Response, next: NextFunction): void {
  req.url = normalizePath(req.url);
  next();
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

// Where logs and traces see a URL (redact-url.ts has no imports, so main.ts can hand it to telemetry early).
export { redactUrl } from './redact-url.js';

/** The Express route pattern that answered (`/systems/:slug/badges`), never the URL with its ids. */
export function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
}

export function requestContext(logger: Logger, metrics: Metrics) {
  const httpDuration = metrics.httpDuration();
  return (req: Request, res: Response, next: NextFunction): void => {
    const offered = req.headers['x-request-id'];
    req.requestId = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
    res.setHeader('X-Request-Id', req.requestId);
    // A fresh scope per request, never one built from the client's headers: a stamp is only trusted
    // from Laurel's own processes, so a `laurel-catalog-version` header sent here is ignored.
    const scope = new RequestScope();
    req.scope = scope;
    // Answered (or abandoned): work still running for it reads stamps of its own.
    res.on('close', () => scope.end());
    // The HTTP instrumentation's server span; 'finish' runs outside the request's context, so take it now.
    const spanContext = trace.getActiveSpan()?.spanContext();
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // The route pattern, not the URL, keeps the label set small and ids out of the log.
      const route = routeOf(req);
      httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      logger.info(
        {
          requestId: req.requestId,
          trace_id: spanContext?.traceId,
          span_id: spanContext?.spanId,
          method: req.method,
          route,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
        },
        'request',
      );
    });
    runInRequestScope(scope, next);
  };
}
