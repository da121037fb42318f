/**
 * What BadgeKit's instance routes accept (§9.4, §9.5), read into what
 * issuance needs. Times are Unix seconds, Unix milliseconds or ISO 8601
 * (D-14): the original misread all but one form each, so every form a client
 * may have sent is taken, and what cannot be read is refused rather than
 * stored as a wrong date.
 */
import type { FieldProblem } from '@laurel/service-kit';
import { LIMITS } from '../../../http/limits.js';
import { asText, validate, type FieldRule } from '../../../badgekit-format/validation.js';

export const INSTANCE_RULES: FieldRule[] = [
  { field: 'email', required: true, rules: [{ kind: 'email' }] },
  { field: 'claimCode', required: false, rules: [{ kind: 'length', min: 0, max: LIMITS.slugChars }] },
  { field: 'slug', required: false, rules: [{ kind: 'length', min: 1, max: LIMITS.slugChars }] },
  { field: 'issuedOn', required: false, rules: [] },
  { field: 'expires', required: false, rules: [] },
  { field: 'comment', required: false, rules: [] },
];

export const BULK_RULES: FieldRule[] = [
  { field: 'emails', required: true, rules: [] },
  { field: 'slug', required: false, rules: [{ kind: 'length', min: 1, max: LIMITS.slugChars }] },
  { field: 'issuedOn', required: false, rules: [] },
  { field: 'expires', required: false, rules: [] },
  { field: 'comment', required: false, rules: [] },
];

/** Above this a number can only be milliseconds: 10^12 seconds is the year 33658. */
const MILLISECONDS_FROM = 1e12;

/**
 * A time as RFC 3339 UTC, undefined when absent or empty, null when it
 * cannot be read.
 */
export function readInstanceTime(value: unknown): string | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  const text = asText(value).trim();
  if (text === '') return undefined;
  let date: Date;
  if (/^-?\d+(?:\.\d+)?$/.test(text)) {
    const n = Number(text);
    date = new Date(Math.abs(n) >= MILLISECONDS_FROM ? n : n * 1000);
  } else {
    date = new Date(text);
  }
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export interface AwardDetails {
  issuedOn?: string;
  expires?: string;
  comment?: string;
}

/** The shared optional fields of both POST routes, with a `Not a date` entry for a time that cannot be read. */
export function readAwardDetails(fields: Record<string, unknown>): { details: AwardDetails; problems: FieldProblem[] } {
  const details: AwardDetails = {};
  const problems: FieldProblem[] = [];
  for (const field of ['issuedOn', 'expires'] as const) {
    const time = readInstanceTime(fields[field]);
    if (time === null) problems.push({ message: 'Not a date', field, value: fields[field] });
    else if (time !== undefined) details[field] = time;
  }
  const comment = asText(fields.comment);
  if (comment !== '') details.comment = comment;
  return { details, problems };
}

export interface InstanceInput extends AwardDetails {
  email: string;
  slug?: string;
  claimCode?: string;
}

export function checkInstanceBody(fields: Record<string, unknown>): { input: InstanceInput; problems: FieldProblem[] } {
  const problems = validate(fields, INSTANCE_RULES);
  const { details, problems: timeProblems } = readAwardDetails(fields);
  const slug = asText(fields.slug);
  const claimCode = asText(fields.claimCode);
  return {
    input: {
      email: asText(fields.email),
      ...details,
      ...(slug !== '' && { slug }),
      ...(claimCode !== '' && { claimCode }),
    },
    problems: [...problems, ...timeProblems],
  };
}

/** `emails` not being an array is its own bare 400 (§9.5), signalled by `notArray`. */
export function checkBulkBody(fields: Record<string, unknown>): {
  emails: string[];
  details: AwardDetails & { slug?: string };
  problems: FieldProblem[];
  notArray: boolean;
} {
  const raw = fields.emails;
  if (!Array.isArray(raw)) return { emails: [], details: {}, problems: [], notArray: true };
  const emails = raw.map(asText);
  // One entry per bad address, in the order sent.
  const problems = emails.flatMap((email, i) =>
    validate({ email: raw[i] as unknown }, [INSTANCE_RULES[0] as FieldRule]),
  );
  const slugProblems = validate(
    fields,
    BULK_RULES.filter((r) => r.field === 'slug'),
  );
  const { details, problems: timeProblems } = readAwardDetails(fields);
  const slug = asText(fields.slug);
  return {
    emails,
    details: { ...details, ...(slug !== '' && { slug }) },
    problems: [...problems, ...slugProblems, ...timeProblems],
    notArray: false,
  };
}

/** The direct channel's idempotency key (model.md "Earned badges"): one award per badge and email. */
export const directAwardKey = (badgeId: string, email: string): string => `direct:${badgeId}:${email.toLowerCase()}`;
