/**
 * The checks of one import element (customer-badge-import.md §4.4–4.5) that
 * need no I/O, and the codes and messages of every per-element error and
 * warning. Every check runs, so an element reports all it has wrong; the
 * checks that need the catalog and the members table are applied afterwards
 * to the elements whose ids could be read.
 */
import { rangeIssues, resolveDate } from './dates.js';

export interface ImportIssue {
  code: number;
  message: string;
  field?: string;
}

export interface CheckedElement {
  /** 1-based, as in requestId. */
  position: number;
  /** Echoed in `data` as sent, after normalisation (a digit-string customerId becomes a number). */
  badgeMetaId: unknown;
  customerId: unknown;
  /** The catalog id, when badgeMetaId could name a Laurel badge at all. */
  badgeId?: string;
  userId?: number;
  eventMs?: number;
  expiryMs?: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export const ELEMENT_FIELDS = [
  'badgeMetaId',
  'customerId',
  'earnEventDate',
  'earnEventDateISO',
  'earnExpiresOn',
  'earnExpiresOnISO',
] as const;

const BADGE_ID = /^[1-9]\d{0,18}$/;
const CUSTOMER_DIGITS = /^\d{1,16}$/;
const MAX_BADGE_ID = 9223372036854775807n;

export const issue = {
  notObject: (): ImportIssue => ({ code: 3100, message: 'the element is not a JSON object' }),
  badgeMetaId: (): ImportIssue => ({
    code: 3101,
    message: 'badgeMetaId is required and must be a non-empty string of at most 64 characters',
    field: 'badgeMetaId',
  }),
  badgeNotFound: (id: string): ImportIssue => ({
    code: 1054,
    message: `GLOBAL.BADGE_NOT_FOUND: badge ${id} does not exist in this organisation`,
    field: 'badgeMetaId',
  }),
  customerId: (): ImportIssue => ({
    code: 3102,
    message: 'customerId is required and must be a positive integer',
    field: 'customerId',
  }),
  customerNotFound: (id: number): ImportIssue => ({
    code: 816,
    message: `Customer not found for organization: ${id}`,
    field: 'customerId',
  }),
  eventMissing: (): ImportIssue => ({
    code: 3103,
    message: 'earnEventDate (or earnEventDateISO) is required',
    field: 'earnEventDate',
  }),
  eventUnparseable: (field: string): ImportIssue => ({
    code: 3104,
    message: `${field} is not epoch seconds, epoch milliseconds or an ISO 8601 date-time with a zone`,
    field,
  }),
  expiryMissing: (): ImportIssue => ({
    code: 3105,
    message: 'earnExpiresOn (or earnExpiresOnISO) is required',
    field: 'earnExpiresOn',
  }),
  expiryUnparseable: (field: string): ImportIssue => ({
    code: 3106,
    message: `${field} is not epoch seconds, epoch milliseconds or an ISO 8601 date-time with a zone`,
    field,
  }),
  eventRange: (): ImportIssue => ({
    code: 3107,
    message: 'earnEventDate must be on or after 1970-01-01 and at most 24 hours in the future',
    field: 'earnEventDate',
  }),
  expiryRange: (): ImportIssue => ({
    code: 3108,
    message: 'earnExpiresOn must be after earnEventDate and at most 100 years after it',
    field: 'earnExpiresOn',
  }),
  archived: (id: string): ImportIssue => ({
    code: 3109,
    message: `badge ${id} is archived and cannot be earned`,
    field: 'badgeMetaId',
  }),
  alreadyHeld: (id: string): ImportIssue => ({
    code: 3110,
    message: `the customer already holds badge ${id}, which cannot be earned again`,
    field: 'badgeMetaId',
  }),
  expired: (): ImportIssue => ({
    code: 3201,
    message: 'earnExpiresOn is in the past; the badge is recorded as expired',
    field: 'earnExpiresOn',
  }),
  disagree: (field: string, legacy: string): ImportIssue => ({
    code: 3202,
    message: `${legacy} and ${field} differ by more than one second; ${field} was used`,
    field,
  }),
  unpublished: (id: string): ImportIssue => ({
    code: 3203,
    message: `badge ${id} is not published; the earned badge was recorded anyway`,
    field: 'badgeMetaId',
  }),
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readCustomerId(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 1 ? value : undefined;
  if (typeof value === 'string' && CUSTOMER_DIGITS.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) && n >= 1 ? n : undefined;
  }
  return undefined;
}

export function checkElement(value: unknown, position: number, nowMs: number): CheckedElement {
  if (!isObject(value))
    return { position, badgeMetaId: null, customerId: null, errors: [issue.notObject()], warnings: [] };
  const checked: CheckedElement = {
    position,
    badgeMetaId: value.badgeMetaId ?? null,
    customerId: value.customerId ?? null,
    errors: [],
    warnings: [],
  };

  const badgeMetaId = value.badgeMetaId;
  if (typeof badgeMetaId !== 'string' || badgeMetaId.length === 0 || badgeMetaId.length > 64)
    checked.errors.push(issue.badgeMetaId());
  else if (BADGE_ID.test(badgeMetaId) && BigInt(badgeMetaId) <= MAX_BADGE_ID) checked.badgeId = badgeMetaId;
  // Any other string cannot be a Laurel badge id; it is simply not found.
  else checked.errors.push(issue.badgeNotFound(badgeMetaId));

  const userId = readCustomerId(value.customerId);
  if (userId === undefined) checked.errors.push(issue.customerId());
  else {
    checked.userId = userId;
    checked.customerId = userId;
  }

  const event = resolveDate(value, 'earnEventDate', 'earnEventDateISO');
  const expiry = resolveDate(value, 'earnExpiresOn', 'earnExpiresOnISO');
  for (const found of event.issues) {
    if (found.kind === 'missing') checked.errors.push(issue.eventMissing());
    else if (found.kind === 'unparseable') checked.errors.push(issue.eventUnparseable(found.field));
    else checked.warnings.push(issue.disagree(found.field, 'earnEventDate'));
  }
  for (const found of expiry.issues) {
    if (found.kind === 'missing') checked.errors.push(issue.expiryMissing());
    else if (found.kind === 'unparseable') checked.errors.push(issue.expiryUnparseable(found.field));
    else checked.warnings.push(issue.disagree(found.field, 'earnExpiresOn'));
  }
  if (event.ms !== undefined) checked.eventMs = event.ms;
  if (expiry.ms !== undefined) checked.expiryMs = expiry.ms;
  for (const found of rangeIssues(event.ms, expiry.ms, nowMs)) {
    if (found === 'event-out-of-range') checked.errors.push(issue.eventRange());
    else if (found === 'expiry-out-of-range') checked.errors.push(issue.expiryRange());
    else checked.warnings.push(issue.expired());
  }
  return checked;
}

export interface BadgeFacts {
  archived: boolean;
  published: boolean;
}

const FIELD_ORDER: Record<string, number> = {
  badgeMetaId: 0,
  customerId: 1,
  earnEventDate: 2,
  earnEventDateISO: 3,
  earnExpiresOn: 4,
  earnExpiresOnISO: 5,
};
const byField = (a: ImportIssue, b: ImportIssue) =>
  (FIELD_ORDER[a.field ?? ''] ?? -1) - (FIELD_ORDER[b.field ?? ''] ?? -1);

/** The checks that need the site's badges (one catalog call) and members (one query). */
export function applyLookups(
  checked: CheckedElement,
  badges: ReadonlyMap<string, BadgeFacts>,
  members: ReadonlySet<number>,
): void {
  if (checked.badgeId !== undefined) {
    const badge = badges.get(checked.badgeId);
    if (!badge) checked.errors.push(issue.badgeNotFound(checked.badgeId));
    else {
      if (badge.archived) checked.errors.push(issue.archived(checked.badgeId));
      if (!badge.published) checked.warnings.push(issue.unpublished(checked.badgeId));
    }
  }
  if (checked.userId !== undefined && !members.has(checked.userId))
    checked.errors.push(issue.customerNotFound(checked.userId));
  checked.errors.sort(byField);
  checked.warnings.sort(byField);
}

/** Ready to award: every field read and no error. */
export const isAwardable = (
  c: CheckedElement,
): c is CheckedElement & { badgeId: string; userId: number; eventMs: number; expiryMs: number } =>
  c.errors.length === 0 &&
  c.badgeId !== undefined &&
  c.userId !== undefined &&
  c.eventMs !== undefined &&
  c.expiryMs !== undefined;
