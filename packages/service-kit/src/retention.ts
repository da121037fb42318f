/**
 * Retention of bookkeeping tables that would otherwise grow for ever
 * (processed event ids, stored replay answers, delivered webhook rows). A
 * sweep runs on the shared polling loop: each round deletes at most one
 * bounded batch per rule, so a large backlog never holds long locks or one
 * huge transaction, and a full batch runs the next round at once until the
 * backlog is gone. What counts as expired, and the SQL, belong to each
 * rule's store.
 */
import type { Logger } from './logger.js';
import { startPollingLoop, type PollingLoop } from './polling.js';

export interface RetentionRule {
  /** Names the rule in logs. */
  name: string;
  /** Deletes at most `limit` expired rows; resolves to how many it deleted. */
  sweep(limit: number): Promise<number>;
}

export const RETENTION_BATCH_SIZE = 1000;
/** Expired rows do no harm for a while; an hour between sweeps keeps the cost negligible. */
export const RETENTION_IDLE_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** The moment before which rows are expired, for a retention given in days or hours. */
export const olderThan = (amount: { days?: number; hours?: number }, now = Date.now()): Date =>
  new Date(now - (amount.days ?? 0) * DAY_MS - (amount.hours ?? 0) * HOUR_MS);

/** One round: one batch per rule. True when some rule may have more to delete. */
export async function sweepOnce(
  rules: readonly RetentionRule[],
  logger: Logger,
  batchSize = RETENTION_BATCH_SIZE,
): Promise<boolean> {
  let more = false;
  for (const rule of rules) {
    const deleted = await rule.sweep(batchSize);
    if (deleted > 0) logger.info({ rule: rule.name, deleted }, 'retention: expired rows deleted');
    if (deleted >= batchSize) more = true;
  }
  return more;
}

export function startRetention(options: {
  rules: readonly RetentionRule[];
  logger: Logger;
  idleMs?: number;
  batchSize?: number;
}): PollingLoop {
  const log = options.logger.child({ worker: 'retention' });
  return startPollingLoop({
    round: () => sweepOnce(options.rules, log, options.batchSize),
    idleMs: options.idleMs ?? RETENTION_IDLE_MS,
    maxBackoffMs: 60_000,
    onError: (error) => log.warn({ err: error }, 'retention sweep failed; retrying'),
  });
}
