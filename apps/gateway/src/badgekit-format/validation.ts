/**
 * Part of the BadgeKit wire format (src/badgekit-format/), shared by the
 * badgekit, admin and public families and openapi/.
 *
 * BadgeKit's field rules and `details` entries (badgekit-api.md §2.5): values
 * are stringified before checking, a missing required field is reported
 * without a message and with value "", and the message strings are the
 * original's, because clients show them.
 */
import type { FieldProblem } from '@laurel/service-kit';
import { LIMITS } from '../http/limits.js';

export type Rule =
  | { kind: 'length'; min: number; max: number }
  | { kind: 'email' }
  | { kind: 'url' }
  | { kind: 'integer' }
  | { kind: 'oneOf'; values: readonly string[] }
  | { kind: 'date' };

export interface FieldRule {
  field: string;
  required: boolean;
  rules: Rule[];
}

const MESSAGES: Record<Rule['kind'], string> = {
  length: 'String is not in range',
  email: 'Invalid email',
  url: 'Invalid URL',
  integer: 'Invalid integer',
  oneOf: 'Unexpected value or invalid argument',
  date: 'Not a date',
};

const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}|\[(?:\d{1,3}\.){3}\d{1,3}\])$/i;
const URL_RULE = new RegExp(
  '^(?:(?:https?|ftp)://)?' + // optional scheme
    '(?:[^\\s:@/]+(?::[^\\s@/]*)?@)?' + // optional user:pass@
    '(?:localhost|(?:\\d{1,3}\\.){3}\\d{1,3}|(?:[a-z0-9\\u00a1-\\uffff](?:[a-z0-9\\u00a1-\\uffff-]*[a-z0-9\\u00a1-\\uffff])?\\.)+[a-z\\u00a1-\\uffff]{2,})' +
    '(?::\\d{2,5})?' + // optional port
    '(?:[/?#]\\S*)?$', // optional path
  'i',
);

/** How the original turned a body value into the string its validators saw. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** The `value` of a details entry: falsy values are reported as "". */
const reported = (value: unknown): unknown =>
  value === undefined || value === null || value === 0 || value === false || value === '' ? '' : value;

export function passes(rule: Rule, text: string): boolean {
  switch (rule.kind) {
    case 'length':
      return [...text].length >= rule.min && [...text].length <= rule.max;
    case 'email':
      // Bounded first: no address is longer, and the pattern need not scan a megabyte.
      return text.length <= LIMITS.emailChars && EMAIL.test(text);
    case 'url':
      return text.length < 2083 && !/^mailto:/i.test(text) && URL_RULE.test(text);
    case 'integer':
      return /^-?(?:0|[1-9]\d*)$/.test(text);
    case 'oneOf':
      return rule.values.includes(text);
    case 'date':
      return !Number.isNaN(Date.parse(text));
  }
}

const isMissing = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Checks `fields` against `rules`. With `partial` (updates), only the fields
 * present are checked, but a present required field may not be emptied.
 */
export function validate(
  fields: Record<string, unknown>,
  rules: FieldRule[],
  options: { partial?: boolean } = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const { field, required, rules: checks } of rules) {
    const present = Object.hasOwn(fields, field);
    if (options.partial && !present) continue;
    const value = fields[field];
    if (isMissing(value)) {
      // An optional email may be left out, but not sent empty (§4.2: "an empty string fails").
      if (required) problems.push({ field, value: '' });
      else if (value === '' && checks.some((c) => c.kind === 'email'))
        problems.push({ message: MESSAGES.email, field, value: '' });
      continue;
    }
    const failed = checks.find((check) => !passes(check, asText(value)));
    if (failed) problems.push({ message: MESSAGES[failed.kind], field, value: reported(value) });
  }
  return problems;
}

/** Reads `page`/`count` from their leading digits; paging applies only when both are positive (§2.6). */
export function readPaging(query: Record<string, unknown>): { page: number; count: number } | undefined {
  const page = Number.parseInt(asText(query.page), 10);
  const count = Number.parseInt(asText(query.count), 10);
  return page > 0 && count > 0 ? { page, count } : undefined;
}
