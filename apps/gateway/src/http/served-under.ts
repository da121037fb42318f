/**
 * Enters a family's router only for the paths it serves.
 *
 * Every family is mounted at the root (their routes keep their full paths, which the route registry and
 * the OpenAPI document show), and Express tries each router in turn, matching every route pattern of
 * it against the path. A BadgeKit request, whose family comes last because its 404 answers any unknown
 * path, used to walk about eighty patterns of the other families first, and pass through the public
 * pages' sub-app, which swaps the request's prototype twice: a sixth of the gateway's CPU per request.
 *
 * Skipping a router for a path outside its prefixes changes nothing else: Express never enters a router
 * with an error in flight (it skips three-argument middleware then), so a router's own error handlers
 * only ever see errors of its own routes. The prefixes compare case-insensitively, so that a router that
 * matches case-insensitively is still entered for every path it would match.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** A gated router: what it wraps and under which prefixes, so that tests can check one against the other. */
export interface ServedUnder extends RequestHandler {
  readonly prefixes: readonly string[];
  readonly inner: RequestHandler;
}

/** `prefixes` are whole leading segments (`/rest`, `/api/v2`): `/restful` is not under `/rest`. */
export function servedUnder(prefixes: readonly string[], inner: RequestHandler): ServedUnder {
  const lowered = prefixes.map((prefix) => prefix.toLowerCase());
  const under = (path: string): boolean => {
    const lower = path.toLowerCase();
    return lowered.some(
      (prefix) =>
        lower.startsWith(prefix) &&
        (lower.length === prefix.length || lower.charCodeAt(prefix.length) === 47) /* '/' */,
    );
  };
  const gate = (req: Request, res: Response, next: NextFunction): void => {
    if (under(req.path)) inner(req, res, next);
    else next();
  };
  return Object.assign(gate, { prefixes, inner });
}
