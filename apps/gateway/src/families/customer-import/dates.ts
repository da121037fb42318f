/**
 * The import's date values (customer-badge-import.md §4.4). The seed sends
 * epoch seconds, the vendor's text says milliseconds and its examples send
 * ISO strings, so all three are read: a number (or all-digit string) below
 * 10^11 is seconds, from 10^11 on milliseconds (10^11 s is the year 5138, so
 * no real date is ambiguous); a string must be ISO 8601 with a zone, because
 * a zoneless time names no instant.
 */

/** Where epoch seconds end and epoch milliseconds begin. */
export const MILLIS_THRESHOLD = 100_000_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
const DIGITS = /^\d{1,20}$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function fromEpoch(value: number): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  const ms = Math.abs(value) < MILLIS_THRESHOLD ? value * 1000 : value;
  // Millisecond precision; a fraction of a millisecond is dropped.
  const truncated = Math.trunc(ms);
  return Math.abs(truncated) <= 8.64e15 ? truncated : undefined;
}

function fromIso(text: string): number | undefined {
  const match = ISO.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 23 || zm > 59) return undefined;
    offsetMinutes = sign * (zh * 60 + zm);
  }
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  return utc.getTime() - offsetMinutes * 60_000;
}

/** Epoch milliseconds of a date value, or undefined when it is not one of the accepted forms. */
export function parseDateValue(value: unknown): number | undefined {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return undefined;
  if (DIGITS.test(value)) return fromEpoch(Number(value));
  return fromIso(value);
}

export interface DateIssue {
  kind: 'missing' | 'unparseable' | 'disagree';
  field: string;
}

export interface ResolvedDate {
  ms?: number;
  issues: DateIssue[];
}

/**
 * One date of an element from its legacy field and its `…ISO` companion: the
 * ISO field wins, a difference of more than a second between the two is
 * worth a warning, and a value that cannot be read is an error even when the
 * other field could be.
 */
export function resolveDate(element: Record<string, unknown>, legacy: string, iso: string): ResolvedDate {
  const legacyValue = element[legacy];
  const isoValue = element[iso];
  const hasLegacy = legacyValue !== undefined && legacyValue !== null;
  const hasIso = isoValue !== undefined && isoValue !== null;
  if (!hasLegacy && !hasIso) return { issues: [{ kind: 'missing', field: legacy }] };
  const issues: DateIssue[] = [];
  const legacyMs = hasLegacy ? parseDateValue(legacyValue) : undefined;
  const isoMs = hasIso ? parseDateValue(isoValue) : undefined;
  if (hasLegacy && legacyMs === undefined) issues.push({ kind: 'unparseable', field: legacy });
  if (hasIso && isoMs === undefined) issues.push({ kind: 'unparseable', field: iso });
  if (issues.length > 0) return { issues };
  if (legacyMs !== undefined && isoMs !== undefined && Math.abs(legacyMs - isoMs) > 1000)
    issues.push({ kind: 'disagree', field: iso });
  const ms = isoMs ?? legacyMs;
  return { ...(ms !== undefined && { ms }), issues };
}

export type RangeIssue = 'event-out-of-range' | 'expiry-out-of-range' | 'expired';

/** The range rules: event in [1970, now + 24 h]; expiry after the event and within 100 years of it; a past expiry only warns. */
export function rangeIssues(eventMs: number | undefined, expiryMs: number | undefined, nowMs: number): RangeIssue[] {
  const issues: RangeIssue[] = [];
  if (eventMs !== undefined && (eventMs < 0 || eventMs > nowMs + DAY_MS)) issues.push('event-out-of-range');
  if (eventMs !== undefined && expiryMs !== undefined) {
    const limit = new Date(eventMs);
    limit.setUTCFullYear(limit.getUTCFullYear() + 100);
    if (expiryMs <= eventMs || expiryMs > limit.getTime()) issues.push('expiry-out-of-range');
  }
  if (expiryMs !== undefined && expiryMs <= nowMs) issues.push('expired');
  return issues;
}

/** Epoch seconds as the response prints them: a fraction only when the milliseconds are not zero. */
export const epochSeconds = (ms: number): number => ms / 1000;

/** UTC ISO 8601 with `Z`, milliseconds only when there are some. */
export function isoUtc(ms: number): string {
  const text = new Date(ms).toISOString();
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
}
