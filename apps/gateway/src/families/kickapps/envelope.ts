/**
 * The KickApps envelope (kickapps-requirements.md §2, §5.2, §5.4): HTTP 200
 * for every handled request, `status` 1 / -1 (strings on Create Token),
 * errorId a string of digits, JSONP when `callback` names a function.
 */
import type { Response } from 'express';
import type { EdgeProblemKind } from '../../http/edge-problem.js';
import { LIMITS, sizeText } from '../../http/limits.js';

export const ERRORS = {
  1: 'invalid token',
  3: 'name already in use',
  4: 'name cannot be null or blank',
  7: 'invalid value for published (must be true or false)',
  8: 'location cannot be blank',
  9: 'Invalid badgeId',
  10: 'invalid actionId',
  11: 'quantity must be a positive integer',
  12: 'published must be set to true or false',
  18: 'Insufficient user permissions for this operation',
  19: 'Invalid requirementId',
  20: 'location cannot exceed 64 characters',
  24: 'You cannot duplicate existing badge requirement',
  44: 'token required',
  100: 'unknown API call',
  101: 'developerKey missing or disabled',
  102: 'invalid username/email or password',
  103: 'This IP address has been banned',
  104: 'invalid callback name',
  105: 'this call requires POST',
  110: 'name is too long (badge 64, action 32 characters)',
  111: 'verbosename cannot be blank or exceed 256 characters',
  112: 'url must be an absolute http(s) URL of at most 2048 characters',
  113: 'link cannot be blank or exceed 2048 characters',
  114: 'invalid user_id',
  115: 'quantity must be an integer',
  116: 'badge has been awarded and cannot be deleted; unpublish it instead',
  117: 'action is used by a requirement and cannot be deleted',
  118: 'pgNum and pageSize must be positive integers, pageSize at most 1000',
  119: 'invalid locations list',
  120: 'idempotencyKey must be 1 to 128 characters',
  121: `request body too large (at most ${sizeText(LIMITS.body.kickapps)})`,
  122: 'unsupported Content-Encoding, or a body that does not decode with it',
  123: 'malformed URL: bad percent-encoding or control characters',
  124: `malformed body: nested deeper than ${LIMITS.jsonDepth} levels or containing NUL characters`,
  125: `request headers too large (at most ${sizeText(LIMITS.headerBytes)})`,
  126: 'malformed HTTP request',
  127: 'invalid parameter value',
  150: 'service temporarily unavailable, nothing was changed; retry',
} as const;

/** Requests refused before any call ran (README "Limits"): Laurel numbers, answered with the problem's HTTP status. */
export const EDGE_ERRORS: Record<Exclude<EdgeProblemKind, 'internal'>, ErrorId> = {
  tooLarge: 121,
  encoding: 122,
  url: 123,
  content: 124,
  headers: 125,
  request: 126,
};

export type ErrorId = keyof typeof ERRORS;

export class KickAppsError extends Error {
  constructor(
    readonly errorId: ErrorId,
    readonly httpStatus = 200,
  ) {
    super(ERRORS[errorId]);
    this.name = 'KickAppsError';
  }
}

export const CALLBACK = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;

export const validCallback = (callback: string | undefined): boolean =>
  callback === undefined || (callback.length <= 128 && CALLBACK.test(callback));

export function sendKickApps(
  res: Response,
  callback: string | undefined,
  payload: Record<string, unknown>,
  httpStatus = 200,
): void {
  sendJson(res, callback, JSON.stringify(payload), httpStatus);
}

/** Sends JSON text as it is: a replayed answer must come back byte for byte (§5.2). */
export function sendJson(res: Response, callback: string | undefined, json: string, httpStatus = 200): void {
  res.status(httpStatus);
  if (callback !== undefined && validCallback(callback)) {
    res.type('application/javascript; charset=utf-8').send(`${callback}(${json});`);
  } else {
    res.type('application/json; charset=utf-8').send(json);
  }
}

/** The error payload; Create Token writes status as a string, badge calls as a number. */
export function errorPayload(error: KickAppsError, stringStatus: boolean): Record<string, unknown> {
  return { status: stringStatus ? '-1' : -1, errorId: String(error.errorId), error: error.message };
}
