/**
 * The transactional outbox (architecture.md, "Events"): a service that changes
 * its tables and emits an event writes the event into its own `outbox` table
 * in the same transaction, so the event exists if and only if the change
 * committed. The relay publishes rows in id order and deletes them once Kafka
 * acknowledged them. A crash between the two publishes a row again, which is
 * why every consumer is idempotent on event_id.
 *
 * Only one relay per schema publishes at a time (a transaction-scoped advisory
 * lock), which keeps per-key order when several replicas run.
 */
import type { Knex } from 'knex';
import type { Producer } from 'kafkajs';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { encodeEvent, type EventName } from './codec.js';

export const OUTBOX_TABLE = 'outbox';

export interface OutboxEvent {
  topic: string;
  key: string;
  name: EventName;
  event: Record<string, unknown>;
  traceparent?: string;
}

/** Records already-encoded messages (e.g. dead letters) in the caller's transaction. */
export async function enqueueRaw(trx: Knex.Transaction, messages: { topic: string; key: string; value: Buffer; headers: Record<string, string> }[]): Promise<void> {
  if (messages.length === 0) return;
  const rows = messages.map((m) => ({ topic: m.topic, message_key: m.key, payload: m.value, headers: JSON.stringify(m.headers) }));
  for (let i = 0; i < rows.length; i += 1000) await trx(OUTBOX_TABLE).insert(rows.slice(i, i + 1000));
}

/** Records events in the caller's transaction. */
export async function enqueueEvents(trx: Knex.Transaction, events: OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => {
    const encoded = encodeEvent(e.name, e.event, e.traceparent);
    return { topic: e.topic, message_key: e.key, payload: encoded.value, headers: JSON.stringify(encoded.headers) };
  });
  for (let i = 0; i < rows.length; i += 1000) await trx(OUTBOX_TABLE).insert(rows.slice(i, i + 1000));
}

export interface OutboxRelayOptions {
  db: Knex;
  producer: Producer;
  schema: string;
  logger: Logger;
  metrics?: Metrics;
  pollMs?: number;
  batchSize?: number;
}

export interface OutboxRelay {
  /** Wakes the relay now (call after committing a transaction that enqueued events). */
  kick(): void;
  /** Publishes everything pending once; for tests and shutdown. Returns how many rows went out. */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  payload: Buffer;
  headers: Record<string, string>;
}

export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const log = options.logger.child({ component: 'outbox-relay' });
  const pollMs = options.pollMs ?? 100;
  const batchSize = options.batchSize ?? 500;
  let running = true;
  let wake: (() => void) | undefined;
  let busy: Promise<number> = Promise.resolve(0);

  const publishOnce = (): Promise<number> =>
    options.db.transaction(async (trx) => {
      const lock = await trx.raw<{ rows: { locked: boolean }[] }>('select pg_try_advisory_xact_lock(hashtext(?)) as locked', [`laurel:outbox:${options.schema}`]);
      if (!lock.rows[0]?.locked) return 0;
      const rows: OutboxRow[] = await trx(OUTBOX_TABLE).select('id', 'topic', 'message_key', 'payload', 'headers').orderBy('id').limit(batchSize);
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, { key: string; value: Buffer; headers: Record<string, string> }[]>();
      for (const row of rows) {
        const list = byTopic.get(row.topic) ?? [];
        list.push({ key: row.message_key, value: row.payload, headers: row.headers });
        byTopic.set(row.topic, list);
      }
      await options.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
      await trx(OUTBOX_TABLE).whereIn('id', rows.map((r) => r.id)).del();
      for (const [topic, messages] of byTopic) options.metrics?.outboxPublished.inc({ topic }, messages.length);
      return rows.length;
    });

  const drain = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const n = await publishOnce();
      total += n;
      if (n < batchSize) return total;
    }
  };

  const loop = async () => {
    let backoff = pollMs;
    while (running) {
      try {
        busy = drain();
        await busy;
        backoff = pollMs;
      } catch (error) {
        log.error({ err: error }, 'outbox relay failed; retrying');
        backoff = Math.min(backoff * 2, 5000);
      }
      if (!running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  };
  const done = loop();

  return {
    kick: () => wake?.(),
    flush: async () => {
      await busy.catch(() => 0);
      return drain();
    },
    stop: async () => {
      running = false;
      wake?.();
      await done;
    },
  };
}
