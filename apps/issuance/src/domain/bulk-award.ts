/**
 * The rules of a bulk award that need no I/O: what makes an item invalid
 * (an error: it is not written) or worth a warning (it is written anyway),
 * and the award a valid item becomes.
 */
import { newUid, recipientOf, type Recipient } from './award.js';

/** Errors: badge-not-found, badge-archived, invalid-value (named in `field`). Warnings: badge-not-published, expires-in-past. */
export type BulkIssueCode =
  'badge-not-found' | 'badge-archived' | 'invalid-value' | 'badge-not-published' | 'expires-in-past';

export interface BulkIssue {
  code: BulkIssueCode;
  /** The request field at fault. */
  field: string;
  message: string;
}

/** One item of a bulk award, in the wire's conventions (user id '0' and an empty email mean none, times are RFC 3339 text). */
export interface BulkItem {
  badgeId: string;
  userId: string;
  email: string;
  idempotencyKey: string;
  issuedOn?: string;
  expires?: string;
}

/** What the checks need of an item's badge, as the catalog knows it in the site. */
export interface BulkBadge {
  unique: boolean;
  archived: boolean;
  published: boolean;
}

/** The award a valid item becomes (one row of the batch's multi-row insert). */
export interface BulkRow {
  badgeId: string;
  userId: string | null;
  email: string | null;
  uid: string;
  idempotencyKey: string;
  badgeUnique: boolean;
  issuedOn: Date;
  expires: Date | null;
}

export interface CheckedItem {
  index: number;
  errors: BulkIssue[];
  warnings: BulkIssue[];
  /** Both present exactly when the item has no errors. */
  recipient?: Recipient;
  row?: BulkRow;
}

/** Absent or empty: null; not a time: undefined. */
function time(value: string | undefined): Date | null | undefined {
  if (value === undefined || value === '') return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

export function checkItem(
  item: BulkItem,
  index: number,
  siteId: string,
  badges: ReadonlyMap<string, BulkBadge>,
  now: number,
): CheckedItem {
  const checked: CheckedItem = { index, errors: [], warnings: [] };
  const invalid = (field: string, message: string) => checked.errors.push({ code: 'invalid-value', field, message });
  let recipient: Recipient | undefined;
  try {
    recipient = recipientOf(siteId, item.userId, item.email);
  } catch {
    invalid('user_id', 'a user id or an email is required');
  }
  if (!item.idempotencyKey) invalid('idempotency_key', 'an idempotency key is required');
  const issuedOn = time(item.issuedOn);
  const expires = time(item.expires);
  if (issuedOn === undefined) invalid('issued_on', 'not an RFC 3339 time');
  if (expires === undefined) invalid('expires', 'not an RFC 3339 time');
  const badge = badges.get(item.badgeId);
  if (!badge)
    checked.errors.push({
      code: 'badge-not-found',
      field: 'badge_id',
      message: `badge ${item.badgeId} does not exist in this site`,
    });
  else {
    if (badge.archived)
      checked.errors.push({
        code: 'badge-archived',
        field: 'badge_id',
        message: `badge ${item.badgeId} is archived and cannot be earned`,
      });
    if (!badge.published)
      checked.warnings.push({
        code: 'badge-not-published',
        field: 'badge_id',
        message: `badge ${item.badgeId} is not published`,
      });
  }
  if (expires && expires.getTime() <= now)
    checked.warnings.push({
      code: 'expires-in-past',
      field: 'expires',
      message: 'expires is in the past; recorded as expired',
    });
  if (checked.errors.length === 0 && recipient && badge && issuedOn !== undefined && expires !== undefined) {
    checked.recipient = recipient;
    checked.row = {
      badgeId: item.badgeId,
      userId: recipient.userId,
      email: recipient.email,
      uid: newUid(),
      idempotencyKey: item.idempotencyKey,
      badgeUnique: badge.unique,
      issuedOn: issuedOn ?? new Date(now),
      expires,
    };
  }
  return checked;
}
