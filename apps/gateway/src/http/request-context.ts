/**
 * Gateway-wide HTTP plumbing that every family shares: path normalization
 * (BadgeKit §2.1 stage 1, harmless for the others), a request id that follows
 * the request into every gRPC call and log line, and request metrics.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger, Metrics } from '@laurel/service-kit';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
  }
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

export function requestContext(logger: Logger, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const offered = req.headers['x-request-id'];
    req.requestId = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
    res.setHeader('X-Request-Id', req.requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // The route pattern, not the URL, keeps the label set small.
      const route = (req.route as { path?: unknown } | undefined)?.path;
      metrics.httpDuration.observe({ method: req.method, route: typeof route === 'string' ? route : 'unmatched', status: String(res.statusCode) }, seconds);
      logger.debug({ requestId: req.requestId, method: req.method, url: req.url, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    next();
  };
}
