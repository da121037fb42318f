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
import { signalWork, type WorkListener } from '../db/notifications.js';
import { startPollingLoop, WORK_POLL_MS, type PollingLoop } from '../polling.js';
import type { Producer } from 'kafkajs';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { encodeEvent, type EventName } from './codec.js';
import { sendInTheirTraces, traceHeaders } from './tracing.js';

export const OUTBOX_TABLE = 'outbox';
/** Announces new outbox rows to relays (see db/notifications.ts). */
export const OUTBOX_CHANNEL = 'laurel_outbox';

export interface OutboxEvent {
  topic: string;
  key: string;
  name: EventName;
  event: Record<string, unknown>;
}

/** Records already-encoded messages (e.g. dead letters) in the caller's transaction. */
export async function enqueueRaw(trx: Knex.Transaction, messages: { topic: string; key: string; value: Buffer; headers: Record<string, string> }[]): Promise<void> {
  if (messages.length === 0) return;
  const rows = messages.map((m) => ({ topic: m.topic, message_key: m.key, payload: m.value, headers: JSON.stringify(m.headers) }));
  for (let i = 0; i < rows.length; i += 1000) await trx(OUTBOX_TABLE).insert(rows.slice(i, i + 1000));
  await signalWork(trx, OUTBOX_CHANNEL);
}

/**
 * Records events in the caller's transaction, with the trace context active
 * now (the request's), which the relay continues when it publishes them.
 */
export async function enqueueEvents(trx: Knex.Transaction, events: OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  const trace = traceHeaders();
  const rows = events.map((e) => {
    const encoded = encodeEvent(e.name, e.event);
    return { topic: e.topic, message_key: e.key, payload: encoded.value, headers: JSON.stringify({ ...encoded.headers, ...trace }) };
  });
  for (let i = 0; i < rows.length; i += 1000) await trx(OUTBOX_TABLE).insert(rows.slice(i, i + 1000));
  await signalWork(trx, OUTBOX_CHANNEL);
}

/** Rows not yet published, and how long the oldest has waited (0 when there is none). */
export async function outboxBacklog(db: Knex): Promise<{ rows: number; oldestAgeSeconds: number }> {
  // The oldest row is the lowest id (the primary key's index); the count is cheap while the relay keeps up.
  const result = await db.raw<{ rows: { backlog: string; age: number | string | null }[] }>(
    `select (select count(*) from ${OUTBOX_TABLE}) as backlog,
            (select extract(epoch from now() - created_at) from ${OUTBOX_TABLE} order by id limit 1) as age`,
  );
  const row = result.rows[0];
  return { rows: Number(row?.backlog ?? 0), oldestAgeSeconds: Math.max(0, Number(row?.age ?? 0)) };
}

export interface OutboxRelayOptions {
  db: Knex;
  producer: Producer;
  schema: string;
  logger: Logger;
  metrics?: Metrics;
  /** Wakes the relay when rows are announced; without it the relay only polls. */
  listener?: WorkListener;
  /** The safety-net poll, for rows nobody announced. */
  pollMs?: number;
  /** How soon to look again when another relay held the lock. */
  contendedMs?: number;
  batchSize?: number;
}

/** Rows are announced (signalWork) when enqueued; kick() wakes the relay as well. */
export type OutboxRelay = PollingLoop;

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  payload: Buffer;
  headers: Record<string, string>;
}

export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const log = options.logger.child({ component: 'outbox-relay' });
  const batchSize = options.batchSize ?? 500;
  // Registered now, so the relay's process exposes it before the first event.
  const published = options.metrics?.outboxPublished();

  /**
   * Publishes up to one batch; true when a full batch went out (there may be
   * more). When another relay holds the lock, rows announced to this one may
   * have committed after that relay read the table, so it looks again soon.
   */
  const publishOnce = (): Promise<boolean | number> =>
    options.db.transaction(async (trx) => {
      const lock = await trx.raw<{ rows: { locked: boolean }[] }>('select pg_try_advisory_xact_lock(hashtext(?)) as locked', [`laurel:outbox:${options.schema}`]);
      if (!lock.rows[0]?.locked) return options.contendedMs ?? 100;
      const rows: OutboxRow[] = await trx(OUTBOX_TABLE).select('id', 'topic', 'message_key', 'payload', 'headers').orderBy('id').limit(batchSize);
      if (rows.length === 0) return false;
      // Each row continues the trace of the request that enqueued it (tracing.ts), which sets its headers.
      const outgoing = rows.map((row) => ({ topic: row.topic, key: row.message_key, value: row.payload, headers: row.headers }));
      const byTopic = new Map<string, { key: string; value: Buffer; headers: Record<string, string> }[]>();
      await sendInTheirTraces(outgoing, () => {
        for (const { topic, ...message } of outgoing) {
          const list = byTopic.get(topic) ?? [];
          list.push(message);
          byTopic.set(topic, list);
        }
        return options.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
      });
      await trx(OUTBOX_TABLE).whereIn('id', rows.map((r) => r.id)).del();
      for (const [topic, messages] of byTopic) published?.inc({ topic }, messages.length);
      return rows.length === batchSize;
    });

  return startPollingLoop({
    round: publishOnce,
    idleMs: options.pollMs ?? WORK_POLL_MS,
    onError: (error) => log.error({ err: error }, 'outbox relay failed; retrying'),
    ...(options.listener && { wakeOn: { listener: options.listener, channels: [OUTBOX_CHANNEL] } }),
  });
}
