/**
 * A batch's identity (customer-badge-import.md §4.6–4.7): the request hash is
 * the SHA-256 of the body's canonical JSON (keys sorted at every level, no
 * whitespace), so a retry that reorders keys or reformats is still the same
 * request; the batch key is the Idempotency-Key, or else a hash of the
 * consumer and that canonical body.
 */
import { createHash, randomBytes } from 'node:crypto';

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{1,64}$/;

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface BatchIdentity {
  /** What issuance records the batch under and derives item keys from. */
  batchKey: string;
  requestHash: string;
  /** The prefix of every element's requestId. */
  batchId: string;
}

export function batchIdentity(consumerKey: string, body: unknown, idempotencyKey: string | undefined): BatchIdentity {
  const canonical = canonicalJson(body);
  const requestHash = sha256(canonical);
  if (idempotencyKey !== undefined) return { batchKey: `key:${idempotencyKey}`, requestHash, batchId: idempotencyKey };
  return {
    batchKey: `body:${sha256(`${consumerKey}\n${canonical}`)}`,
    requestHash,
    batchId: randomBytes(16).toString('hex'),
  };
}

/** An item's idempotency key in issuance (model.md "Earned badges"). */
export const itemKey = (batchKey: string, position: number): string => `import:${batchKey}:${position}`;
