/**
 * Webhook rules with no I/O: how a message is signed (badgekit-api.md §14.3),
 * when a failed delivery is tried again, how long we keep trying, and what a
 * delivery records when it is made (the message itself is built when it is
 * sent, workers/webhook-messages.ts).
 */
import { createHash, createHmac } from 'node:crypto';

/** Keep trying for at least a day (model.md), so a receiver down for hours still gets everything. */
export const RETRY_WINDOW_MS = 26 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 1000;
const LONGEST_WAIT_MS = 30 * 60 * 1000;

/**
 * Exponential backoff with jitter: 1 s, 2 s, 4 s … capped at 30 minutes.
 * `attempts` counts the attempts made so far (>= 1 after the first failure).
 */
export function nextAttemptDelay(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
  return Math.round(base * (0.75 + random() / 2));
}

/**
 * The Authorization header receivers verify: a JWS whose payload is only the
 * body hash, HS256 under the webhook secret. `iat` is allowed; `exp` is not
 * added because strict receiver libraries would reject late retries.
 */
export function signWebhookBody(body: string, secret: string, issuedAt: number): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ typ: 'JWT', alg: 'HS256' })}.${encode({ body: { alg: 'sha256', hash: createHash('sha256').update(body).digest('hex') }, iat: issuedAt })}`;
  return `JWT token="${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}"`;
}

/** A 2xx answer is a delivery; BadgeKit only logged non-200s, we retry them. */
export const isDelivered = (status: number): boolean => status >= 200 && status < 300;

/** Orders one recipient's messages: by member when there is one, else by email. */
export function recipientKey(userId: string | null, email: string | null): string {
  return userId ? `user:${userId}` : `email:${(email ?? '').toLowerCase()}`;
}

/** What an award's delivery needs of it (an earned_badges row). */
export interface AwardOfDelivery {
  id: string;
  site_id: string;
  user_id: string | null;
  email: string | null;
  channel: string;
}

/**
 * The `award`/`revoke` webhook message of a row, recorded with it. What the
 * body needs beyond the row itself (the request's comment and origin) is kept
 * in `input`; the badge is read when the message is sent.
 */
export function awardDelivery(
  row: AwardOfDelivery,
  action: 'award' | 'revoke',
  extra: { comment?: string | undefined; origin?: string | undefined } = {},
) {
  return {
    siteId: row.site_id,
    action,
    recipientKey: recipientKey(row.user_id, row.email),
    channel: row.channel,
    input: {
      earnedBadgeId: row.id,
      ...(extra.comment !== undefined && { comment: extra.comment }),
      ...(extra.origin !== undefined && { origin: extra.origin }),
    },
  };
}

/**
 * The review as its write left it (§12.1), kept in the delivery: each
 * message tells of its own write even when a later one changed the review.
 */
export function reviewSnapshot(
  review: { id: string; slug: string; author: string; comment: string | null },
  items: readonly { criterion_id: string; satisfied: boolean; comment: string | null }[],
): Record<string, unknown> {
  return {
    id: Number(review.id),
    slug: review.slug,
    author: review.author,
    comment: review.comment,
    reviewItems: items.map((item) => ({
      criterionId: Number(item.criterion_id),
      satisfied: item.satisfied ? 1 : 0,
      comment: item.comment,
    })),
  };
}
