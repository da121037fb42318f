/**
 * Gateway-wide HTTP plumbing that every family shares: path normalization
 * (BadgeKit §2.1 stage 1, harmless for the others), a request id that follows
 * the request into every gRPC call and log line, and request metrics.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger, Metrics } from '@laurel/service-kit';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
    /** W3C trace context: the caller's, or a new trace started here. */
    traceparent: string;
  }
}

const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Continues the caller's trace with a new span id for this hop, or starts a trace. */
export function nextTraceparent(incoming: string | undefined): string {
  const span = randomBytes(8).toString('hex');
  if (incoming && TRACEPARENT.test(incoming)) {
    const [, traceId, , flags] = incoming.split('-');
    return `00-${traceId}-${span}-${flags}`;
  }
  return `00-${randomBytes(16).toString('hex')}-${span}-01`;
}

/** What every gRPC call made for this request carries, so service logs line up with the gateway's. */
export function callOptions(req: Request): { requestId: string; traceparent: string } {
  return { requestId: req.requestId, traceparent: req.traceparent };
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

const V2_TOKEN_PATH = /^(\/api\/v2\/(?:Outcome|Badges|Badge|Logout|User)\/)[^/?]+/i;
const TOKEN_PARAMETER = /([?&](?:t|strToken|developerKey|password|secret)=)[^&]*/gi;

/**
 * The URL as logs may show it: login tokens travel in v2 paths and KickApps'
 * `t` parameter, and a log line must not become a credential (v2-badge-api.md).
 */
export function redactUrl(url: string): string {
  return url.replace(V2_TOKEN_PATH, '$1***').replace(TOKEN_PARAMETER, '$1***');
}

export function requestContext(logger: Logger, metrics: Metrics) {
  const httpDuration = metrics.httpDuration();
  return (req: Request, res: Response, next: NextFunction): void => {
    const offered = req.headers['x-request-id'];
    req.requestId = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
    const incomingTrace = req.headers.traceparent;
    req.traceparent = nextTraceparent(typeof incomingTrace === 'string' ? incomingTrace : undefined);
    res.setHeader('X-Request-Id', req.requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // The route pattern, not the URL, keeps the label set small.
      const route = (req.route as { path?: unknown } | undefined)?.path;
      httpDuration.observe({ method: req.method, route: typeof route === 'string' ? route : 'unmatched', status: String(res.statusCode) }, seconds);
      logger.debug({ requestId: req.requestId, traceId: req.traceparent.split('-')[1], method: req.method, url: redactUrl(req.url), status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    next();
  };
}
