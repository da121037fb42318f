/**
 * PostgreSQL refusing a value a client sent: a NUL byte in text, text too long
 * for an index, a number out of range, a malformed uuid or date. Every store
 * validates what it knows, but whatever slips through must still be the
 * client's 400, not our 500. database.ts applies this to every query, so a
 * store's caller sees a ValidationError (with the PostgreSQL error as its
 * cause, for the log) and every family answers it as its own 400.
 */
import { DomainError } from '../errors.js';

interface PostgresError extends Error {
  code: string;
  severity?: unknown;
}

/** node-postgres' DatabaseError, recognised by shape so that two copies of `pg` agree. */
function isPostgresError(error: unknown): error is PostgresError {
  if (!(error instanceof Error)) return false;
  const { code, severity } = error as Error & { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}

/** What the client is told, by SQLSTATE; never PostgreSQL's own text, which may quote internals. */
const PROBLEMS: Readonly<Record<string, string>> = {
  '22021': 'a text value contains a NUL byte or is not valid UTF-8',
  '22P05': 'a text value contains a character that cannot be stored (e.g. \\u0000)',
  '22001': 'a value is too long',
  '22003': 'a number is out of range',
  '22P02': 'a value is not valid for its type',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '54000': 'a value is too long to be stored',
};

/**
 * A ValidationError for PostgreSQL's data exceptions (SQLSTATE class 22) and
 * program_limit_exceeded (54000, e.g. "index row size exceeds maximum", which
 * a very long slug or email causes); undefined for every other error.
 */
export function databaseInputError(error: unknown): DomainError | undefined {
  if (!isPostgresError(error)) return undefined;
  if (!error.code.startsWith('22') && error.code !== '54000') return undefined;
  const message = PROBLEMS[error.code] ?? 'a value is not acceptable';
  return new DomainError(
    'ValidationError',
    `Could not store or look up a value: ${message}`,
    [{ field: 'request', message }],
    { cause: error },
  );
}

/** The SQLSTATE of a PostgreSQL error, for logs. */
export function postgresCode(error: unknown): string | undefined {
  return isPostgresError(error) ? error.code : undefined;
}
