/**
 * Gateway-wide HTTP plumbing that every family shares: path normalization
 * (BadgeKit §2.1 stage 1, harmless for the others), a request id that follows
 * the request into every gRPC call and log line, request metrics and the
 * access log.
 */
import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import type { Logger, Metrics } from '@laurel/service-kit';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
  }
}

/**
 * What every gRPC call made for this request carries, so service logs line up with the gateway's.
 * The trace context travels by itself (OpenTelemetry's HTTP and gRPC instrumentations).
 */
export function callOptions(req: Request): { requestId: string } {
  return { requestId: req.requestId };
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
    // The HTTP instrumentation's server span; 'finish' runs outside the request's context, so take it now.
    const spanContext = trace.getActiveSpan()?.spanContext();
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // The route pattern, not the URL, keeps the label set small and ids out of the log.
      const route = routeOf(req);
      httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      logger.info({
        requestId: req.requestId, trace_id: spanContext?.traceId, span_id: spanContext?.spanId,
        method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000),
      }, 'request');
    });
    next();
  };
}
