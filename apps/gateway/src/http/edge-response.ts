/**
 * Which family a path belongs to, and an edge problem in that family's
 * format: BadgeKit's `{code, message}` (also the admin API and public
 * documents, and the fallback, since BadgeKit lives at the root), KickApps'
 * `{status: -1, errorId, error}` (JSONP when a valid callback is asked for),
 * v2's envelope, the import's whole-request error. Used by the Express error
 * handlers and by the server's clientError handler alike, so it works from
 * a path and query string only.
 */
import { EDGE_ERRORS, ERRORS, validCallback } from '../families/kickapps/envelope.js';
import { nextContext, RESULT, type V2Context } from '../families/v2/envelope.js';
import type { EdgeProblem, EdgeProblemKind } from './edge-problem.js';
import { LIMITS } from './limits.js';
import { edgeStatusInfo } from '../families/ob3/errors.js';

export type Family = 'badgekit' | 'admin' | 'kickapps' | 'v2' | 'import' | 'ob3';

export function familyOfPath(path: string): Family {
  const lower = path.toLowerCase();
  const under = (prefix: string) =>
    lower === prefix || lower.startsWith(`${prefix}/`) || lower.startsWith(`${prefix}?`);
  if (under('/rest')) return 'kickapps';
  if (under('/api/v2')) return 'v2';
  if (under('/api_gateway') || under('/v3/oauth')) return 'import';
  if (under('/admin')) return 'admin';
  if (under('/ims/ob/v3p0')) return 'ob3';
  return 'badgekit';
}

/** The body limit that applies to a path (the import's token route has its own, smaller one). */
export function bodyLimitOf(path: string): number {
  const family = familyOfPath(path);
  if (family === 'import' && path.toLowerCase().startsWith('/v3/oauth')) return LIMITS.body.importToken;
  return LIMITS.body[family];
}

export interface EdgeAnswer {
  status: number;
  contentType: string;
  body: string;
}

const BADGEKIT_CODES: Record<EdgeProblemKind, string> = {
  tooLarge: 'PayloadTooLarge',
  encoding: 'UnsupportedMediaTypeError',
  url: 'InvalidParameter',
  content: 'InvalidContent',
  headers: 'RequestHeaderFieldsTooLarge',
  request: 'BadRequest',
  internal: 'InternalError',
};

const IMPORT_CODES: Record<number, number> = { 413: 3413, 415: 3415, 431: 3431 };

const json = (status: number, payload: unknown): EdgeAnswer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(payload),
});

function kickapps(problem: EdgeProblem, callback: string | undefined): EdgeAnswer {
  // The spec allows no 500: an unexpected failure is its 150, "nothing was changed".
  const errorId = problem.kind === 'internal' ? 150 : EDGE_ERRORS[problem.kind];
  const status = problem.kind === 'internal' ? 503 : problem.status;
  const payload = JSON.stringify({ status: -1, errorId: String(errorId), error: ERRORS[errorId] });
  if (callback !== undefined && validCallback(callback)) {
    return { status, contentType: 'application/javascript; charset=utf-8', body: `${callback}(${payload});` };
  }
  return { status, contentType: 'application/json; charset=utf-8', body: payload };
}

function v2(problem: EdgeProblem, stamped: V2Context | undefined): EdgeAnswer {
  const context = stamped ?? nextContext();
  // A body that reached the family but cannot be read is the spec's -3001, answered 200 like every handled request.
  if (problem.kind === 'content' || (problem.kind === 'encoding' && problem.status === 400)) {
    return json(200, { ...context, resultCode: RESULT.badBody, resultMessage: problem.message });
  }
  if (problem.kind === 'internal')
    return json(503, {
      ...context,
      resultCode: RESULT.unavailable,
      resultMessage: 'Service temporarily unavailable, retry later',
    });
  // Otherwise the vendor's convention: resultCode equals the HTTP status.
  return json(problem.status, { ...context, resultCode: problem.status, resultMessage: problem.message });
}

export interface RequestTraits {
  /** KickApps' JSONP parameter, when one was sent. */
  callback?: string;
  /** The v2 request's identity, when it was stamped before the problem was found. */
  v2?: V2Context;
}

/** The answer to `problem` for a request to `path`. */
export function renderEdgeProblem(problem: EdgeProblem, path: string, traits: RequestTraits = {}): EdgeAnswer {
  switch (familyOfPath(path)) {
    case 'kickapps':
      return kickapps(problem, traits.callback);
    case 'v2':
      return v2(problem, traits.v2);
    case 'import':
      if (problem.kind === 'internal')
        return json(503, {
          data: null,
          errors: [
            { code: 3503, message: 'a dependency is unavailable; nothing was recorded and the request may be retried' },
          ],
          warnings: null,
        });
      return json(problem.status, {
        data: null,
        errors: [{ code: IMPORT_CODES[problem.status] ?? 3001, message: problem.message }],
        warnings: null,
      });
    case 'ob3': {
      const answer = edgeStatusInfo(problem);
      return json(answer.status, answer.body);
    }
    case 'admin':
    case 'badgekit':
      return json(problem.status, {
        code: problem.kind === 'encoding' && problem.status === 400 ? 'InvalidContent' : BADGEKIT_CODES[problem.kind],
        message: problem.message,
      });
  }
}
