/**
 * The import family's answers (customer-badge-import.md §4.3, §4.5): a
 * whole-request failure is one `{data: null, errors: [{code, message}],
 * warnings: null}` object; a processed batch is an array of per-element
 * results. Bodies are serialised here so that a stored response can be sent
 * again byte for byte.
 */
import type { Response } from 'express';
import { epochSeconds, isoUtc } from './dates.js';
import type { CheckedElement, ImportIssue } from './elements.js';

export class ImportRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const requestError = {
  unauthorized: (message: string) => new ImportRequestError(401, 3401, message),
  forbidden: (message: string) => new ImportRequestError(403, 3403, message),
  mediaType: () => new ImportRequestError(415, 3415, 'Content-Type must be application/json'),
  tooLarge: (limit: string) => new ImportRequestError(413, 3413, `the request body is larger than ${limit}`),
  invalid: (message: string) => new ImportRequestError(400, 3001, message),
  empty: () => new ImportRequestError(400, 3002, 'the array is empty'),
  tooMany: (max: number) => new ImportRequestError(400, 3003, `at most ${max} elements per request`),
  keyReused: () => new ImportRequestError(409, 3409, 'this Idempotency-Key was used with a different body'),
  unavailable: () =>
    new ImportRequestError(
      503,
      3503,
      'a dependency is unavailable; nothing was recorded and the request may be retried',
    ),
};

export function sendJson(res: Response, status: number, body: string): void {
  res.status(status).setHeader('Content-Type', 'application/json; charset=utf-8');
  res.send(body);
}

export function sendRequestError(res: Response, error: ImportRequestError): void {
  sendJson(
    res,
    error.status,
    JSON.stringify({ data: null, errors: [{ code: error.code, message: error.message }], warnings: null }),
  );
}

export interface Earned {
  earnedBadgeId: string;
  expiresMs: number;
}

export interface ElementResult {
  data: {
    badgeMetaId: unknown;
    customerId: unknown;
    earnedBadgeId: string | null;
    expiresOn: number | null;
    expiresOnISO: string | null;
    requestId: string;
  };
  errors: ImportIssue[] | null;
  warnings: ImportIssue[] | null;
}

export function elementResult(checked: CheckedElement, batchId: string, earned: Earned | undefined): ElementResult {
  const ok = earned !== undefined && checked.errors.length === 0;
  return {
    data: {
      badgeMetaId: checked.badgeMetaId,
      customerId: checked.customerId,
      earnedBadgeId: ok ? earned.earnedBadgeId : null,
      expiresOn: ok ? epochSeconds(earned.expiresMs) : null,
      expiresOnISO: ok ? isoUtc(earned.expiresMs) : null,
      requestId: `${batchId}_${checked.position}`,
    },
    errors: checked.errors.length > 0 ? checked.errors : null,
    warnings: checked.warnings.length > 0 ? checked.warnings : null,
  };
}
