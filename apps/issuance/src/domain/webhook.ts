/**
 * Webhook rules with no I/O: how a message is signed (badgekit-api.md §14.3),
 * when a failed delivery is tried again, and how long we keep trying.
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
