/**
 * The transactional outbox (architecture.md, "Events"): a service that changes
 * its tables and emits an event writes the event into its own `outbox` table
 * in the same transaction (or the same statement), so the event exists if and
 * only if the change committed. The relay publishes rows in id order and
 * deletes them once Kafka acknowledged them. A crash between the two
 * publishes a row again, which is why every consumer is idempotent on
 * event_id.
 *
 * Only one relay per schema publishes at a time (a transaction-scoped advisory
 * lock), so that replicas do not publish the same rows twice as a matter of
 * course; see publishOnce in startOutboxRelay for why per-key order holds.
 */
import type { Knex } from 'knex';
import { outboxBatchType, type outboxV1 } from '@laurel/protos';
import { signalWork, type WorkListener } from '../db/notifications.js';
import { startPollingLoop, WORK_POLL_MS, type PollingLoop, type RoundResult } from '../polling.js';
import type { Producer } from 'kafkajs';
import { acquireConnection, releaseConnection } from '../db/database.js';
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

/** A Kafka record as an outbox row or a batch row keeps it, and as the relay sends it. */
export interface OutboxMessage {
  topic: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/**
 * Most messages one outbox row carries, and the most a relay round sends (its default batch): a
 * bulk award's 1,000 events are two rows. One row per message cost PostgreSQL 38 ms per 1,000
 * events (insert, the relay's read, delete, their index entries and WAL), a row per 500 of them
 * 6 ms (issue 10, measured with the kit's table).
 */
export const OUTBOX_BATCH_MESSAGES = 500;

/** Several messages of one topic as one row's payload (laurel.outbox.v1.OutboxBatch). */
function encodeBatch(messages: readonly OutboxMessage[]): Buffer {
  const bytes = outboxBatchType()
    .encode({ messages: messages.map(({ key, value, headers }) => ({ key, value, headers })) })
    .finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The messages of a batch row, in the order they were written. */
function decodeBatch(topic: string, payload: Buffer): OutboxMessage[] {
  // protobufjs decodes a Buffer's bytes fields as Buffers, which the generated output type says.
  const batch = outboxBatchType().decode(payload) as unknown as outboxV1.OutboxBatch__Output;
  return batch.messages.map(({ key, value, headers }) => ({ topic, key, value, headers }));
}

/**
 * Rows for `messages`: one message alone stays a row of its own; several of one topic share rows
 * of up to OUTBOX_BATCH_MESSAGES, in the order given. (Only a topic's own order matters: Kafka
 * orders nothing across topics.)
 */
function outboxRows(messages: readonly OutboxMessage[]): (OutboxRowValues & { batch_size?: number })[] {
  const byTopic = new Map<string, OutboxMessage[]>();
  for (const m of messages) {
    const list = byTopic.get(m.topic);
    if (list) list.push(m);
    else byTopic.set(m.topic, [m]);
  }
  return [...byTopic].flatMap(([topic, list]) => {
    const rows = [];
    for (let i = 0; i < list.length; i += OUTBOX_BATCH_MESSAGES) {
      const chunk = list.slice(i, i + OUTBOX_BATCH_MESSAGES);
      rows.push(
        chunk.length === 1
          ? plainRow(chunk[0] as OutboxMessage)
          : { topic, message_key: '', payload: encodeBatch(chunk), headers: '{}', batch_size: chunk.length },
      );
    }
    return rows;
  });
}

function plainRow(m: OutboxMessage): OutboxRowValues {
  return { topic: m.topic, message_key: m.key, payload: m.value, headers: JSON.stringify(m.headers) };
}

/** Inserts `messages` in the caller's transaction and announces them to the relays. */
async function insertMessages(trx: Knex.Transaction, messages: readonly OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const rows = outboxRows(messages);
  for (let i = 0; i < rows.length; i += 1000) await trx(OUTBOX_TABLE).insert(rows.slice(i, i + 1000));
  await announceOutbox(trx);
}

/** Records already-encoded messages (e.g. dead letters) in the caller's transaction. */
export function enqueueRaw(trx: Knex.Transaction, messages: OutboxMessage[]): Promise<void> {
  return insertMessages(trx, messages);
}

/** An outbox row's values. */
export interface OutboxRowValues {
  topic: string;
  message_key: string;
  payload: Buffer;
  /** JSON text of the message headers. */
  headers: string;
}

/**
 * An event as its outbox row, with the trace context active now (the
 * request's), which the relay continues when it publishes it. For a writer
 * that inserts the row in a statement of its own; announce it afterwards
 * with announceOutbox.
 */
export function outboxRow(e: OutboxEvent): OutboxRowValues {
  return plainRow(outboxMessage(e));
}

/** An event as the message the relay will send, in the trace context active now. */
function outboxMessage(e: OutboxEvent): OutboxMessage {
  const encoded = encodeEvent(e.name, e.event);
  return { topic: e.topic, key: e.key, value: encoded.value, headers: { ...encoded.headers, ...traceHeaders() } };
}

/**
 * Wakes the relays for outbox rows written in `db`: after the commit when
 * `db` is a transaction, at once when the statement that wrote them already
 * committed (see signalWork).
 */
export function announceOutbox(db: Knex): Promise<void> {
  return signalWork(db, OUTBOX_CHANNEL);
}

/** Records events in the caller's transaction (see outboxRow for their trace); several of one topic share rows. */
export function enqueueEvents(trx: Knex.Transaction, events: OutboxEvent[]): Promise<void> {
  return insertMessages(trx, events.map(outboxMessage));
}

/** Messages not yet published, and how long the oldest has waited (0 when there is none). */
export async function outboxBacklog(db: Knex): Promise<{ messages: number; oldestAgeSeconds: number }> {
  // The oldest row is the lowest id (the primary key's index); the sum is cheap while the relay keeps up.
  const result = await db.raw<{ rows: { backlog: string | null; age: number | string | null }[] }>(
    `select (select sum(coalesce(batch_size, 1)) from ${OUTBOX_TABLE}) as backlog,
            (select extract(epoch from now() - created_at) from ${OUTBOX_TABLE} order by id limit 1) as age`,
  );
  const row = result.rows[0];
  return { messages: Number(row?.backlog ?? 0), oldestAgeSeconds: Math.max(0, Number(row?.age ?? 0)) };
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
  /** Most messages a round sends (whole rows: a round's first row goes even when it carries more). */
  batchSize?: number;
  /** How long a round waits for more rows while events keep coming (see OUTBOX_LINGER_MS); 0 never waits. */
  lingerMs?: number;
}

/**
 * While events keep coming (the last round published some, less than a full
 * batch, within OUTBOX_STREAM_GAP_MS), a round first waits this long, so that
 * it carries the events written meanwhile: one claim-and-delete and one Kafka
 * produce for several events instead of one each. At one award at a time a
 * round per event cost more CPU than the award itself (issue 10: the broker
 * alone about 1 ms per produce). An event after a quiet spell, and a backlog
 * (full batches), go without waiting, so the wait only ever delays an event
 * by this much, in a stream. 100 ms rather than 20: one claim at a time comes
 * about every 17 ms here, so 20 ms carried one or two events a round; with 100
 * a claim cost 15.0 instead of 21.0 ms of CPU over all processes (Kafka 0.8
 * instead of 2.4, issuance 3.6 instead of 5.8) and an award 7.7 instead of
 * 10.0, in alternating runs. No Laurel process waits for these events (the
 * webhook worker reads its own table), so only outside consumers see them,
 * up to 100 ms later.
 */
export const OUTBOX_LINGER_MS = 100;
/** Rounds that published this close together are a stream. */
const OUTBOX_STREAM_GAP_MS = 250;

/** Rows are announced (signalWork) when enqueued; kick() wakes the relay as well. */
export type OutboxRelay = PollingLoop;

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  payload: Buffer;
  headers: Record<string, string>;
  /** Null for a row that is one message; else how many its payload holds. */
  batch_size: number | null;
}

/** What the claiming statement answers: one row with `locked` and no id when there is nothing to publish. */
interface ClaimedRow extends Omit<OutboxRow, 'id'> {
  locked: boolean;
  id: string | null;
}

/** A pooled node-postgres connection, used directly for the simple-query protocol (see relayStatements). */
interface SimpleQueryConnection {
  query(text: string): Promise<{ rows: unknown[] } | { rows: unknown[] }[]>;
  end(): Promise<void>;
}

/** A multi-statement query answers one result per statement; the last one is the one that reads. */
function lastRows<T>(result: { rows: unknown[] } | { rows: unknown[] }[]): T[] {
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  return (last?.rows ?? []) as T[];
}

/**
 * The statements of a relay round. A round is one transaction, as before,
 * but sent in two round trips instead of five (BEGIN, lock, SELECT, DELETE,
 * COMMIT): the simple-query protocol carries several statements in one
 * message, and the lock is taken by the statement before the SELECT. The
 * values are constants of the relay (schema, batch size) and ids read from
 * the table, which is why they are written into the text rather than bound.
 */
function relayStatements(schema: string, batchSize: number) {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new Error(`outbox batch size must be a positive integer, not ${batchSize}`);
  const lockKey = `'${`laurel:outbox:${schema}`.replace(/'/g, "''")}'`;
  return {
    /**
     * Opens the transaction, tries the schema's lock in a statement of its
     * own, and only when this relay got it reads the oldest batch; `locked`
     * tells a contended round from an empty one. The read must be a later
     * statement than the lock: a statement reads with a snapshot taken when
     * it starts, so a read in the locking statement could start before the
     * previous holder's delete committed and get the lock just after, and
     * publish that holder's rows again (seen once in the two-relay test of
     * kafka-pipeline.test.ts). The lock's outcome is passed on in a
     * transaction-local setting.
     */
    claim: `begin;
      select set_config('laurel.outbox_locked', pg_try_advisory_xact_lock(hashtext(${lockKey}))::text, true);
      with claim_lock as materialized (select current_setting('laurel.outbox_locked')::boolean as locked)
      select claim_lock.locked, o.id, o.topic, o.message_key, o.payload, o.headers, o.batch_size
        from claim_lock left join lateral (
          select id, topic, message_key, payload, headers, batch_size from (
            select oldest.*, sum(coalesce(batch_size, 1)) over (order by id) as messages_upto
              from (select id, topic, message_key, payload, headers, batch_size from ${OUTBOX_TABLE} where claim_lock.locked order by id limit ${batchSize}) oldest
          ) counted
          -- The oldest rows up to batchSize messages, and always the first.
          where messages_upto <= ${batchSize} or messages_upto = coalesce(batch_size, 1)
        ) o on true
       order by o.id`,
    /** Deletes what Kafka acknowledged and commits, which also releases the lock. */
    complete(ids: readonly string[]): string {
      if (!ids.every((id) => /^[0-9]+$/.test(id))) throw new Error('outbox ids must be integers');
      return `delete from ${OUTBOX_TABLE} where id in (${ids.join(', ')}); commit`;
    },
  };
}

export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const log = options.logger.child({ component: 'outbox-relay' });
  const batchSize = options.batchSize ?? 500;
  const statements = relayStatements(options.schema, batchSize);
  // Registered now, so the relay's process exposes it before the first event.
  const published = options.metrics?.outboxPublished();

  /** Sends a batch to Kafka, each row in the trace of the request that enqueued it (tracing.ts). */
  const send = async (rows: OutboxRow[]): Promise<Map<string, unknown[]>> => {
    const outgoing = rows.flatMap((row) =>
      row.batch_size === null
        ? [{ topic: row.topic, key: row.message_key, value: row.payload, headers: row.headers }]
        : decodeBatch(row.topic, row.payload),
    );
    const byTopic = new Map<string, Omit<OutboxMessage, 'topic'>[]>();
    await sendInTheirTraces(outgoing, () => {
      for (const { topic, ...message } of outgoing) {
        const list = byTopic.get(topic) ?? [];
        list.push(message);
        byTopic.set(topic, list);
      }
      return options.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    });
    return byTopic;
  };

  /**
   * Publishes up to one batch; true when a full batch went out (there may be
   * more). When another relay holds the lock, rows announced to this one may
   * have committed after that relay read the table, so it looks again soon.
   *
   * Why this is safe across replicas and crashes:
   *  - The lock is transaction-scoped, so PostgreSQL releases it only when the
   *    round's transaction ends: after the DELETE committed (the next holder's
   *    snapshot no longer sees the rows) or when it rolled back or its
   *    connection died (the rows are still there, for the next holder). No
   *    other relay reads the table between a holder's read and its delete, so
   *    two relays do not publish the same rows, except after a relay lost its
   *    connection while sending: then the next holder publishes them again,
   *    as after a crash between send and delete, and consumers drop the
   *    duplicates by event_id.
   *  - Per-key order: every batch is the lowest ids present, sorted, and a row
   *    leaves the table only after Kafka acknowledged it. So any row of lower
   *    id that committed before a batch was read is either in that batch,
   *    ahead of it, or was already acknowledged, and Kafka keeps one key's
   *    messages in the order they were acknowledged. A republished duplicate
   *    may come later, but only after its first copy. (Rows of concurrent
   *    transactions can commit out of id order; their events are concurrent
   *    too. One recipient's causally ordered events, such as an award and its
   *    revocation, commit one after the other, in id order.)
   *  - Nothing is lost: a row is deleted only in the transaction that read it
   *    under the lock, after sendBatch resolved with acks from all in-sync
   *    replicas; any failure before the commit rolls the delete back.
   */
  const lingerMs = options.lingerMs ?? OUTBOX_LINGER_MS;
  /** When the last round that published found less than a full batch (it caught up); 0 when the last round found nothing or a full batch. */
  let caughtUpAt = 0;

  const publishOnce = async (): Promise<RoundResult> => {
    if (lingerMs > 0 && caughtUpAt > 0 && Date.now() - caughtUpAt < OUTBOX_STREAM_GAP_MS)
      await new Promise((resolve) => setTimeout(resolve, lingerMs));
    caughtUpAt = 0;
    const connection = await acquireConnection<SimpleQueryConnection>(options.db);
    try {
      const claimed = lastRows<ClaimedRow>(await connection.query(statements.claim));
      if (!claimed[0]?.locked) {
        await connection.query('commit');
        return options.contendedMs ?? 100;
      }
      const rows = claimed.filter((row): row is OutboxRow & ClaimedRow => row.id !== null);
      if (rows.length === 0) {
        await connection.query('commit');
        return false;
      }
      const byTopic = await send(rows);
      await connection.query(statements.complete(rows.map((r) => r.id)));
      let sent = 0;
      for (const [topic, messages] of byTopic) {
        published?.inc({ topic }, messages.length);
        sent += messages.length;
      }
      // A full round may have left more; one that did not has caught up.
      const full = sent >= batchSize;
      if (!full) caughtUpAt = Date.now();
      return full;
    } catch (error) {
      // The claim opened a transaction that must not go back to the pool; a
      // connection that cannot roll back is ended, and knex's pool discards
      // an ended connection instead of handing it out again.
      await connection.query('rollback').catch(() => connection.end().catch(() => undefined));
      throw error;
    } finally {
      await releaseConnection(options.db, connection);
    }
  };

  return startPollingLoop({
    round: publishOnce,
    idleMs: options.pollMs ?? WORK_POLL_MS,
    onError: (error) => log.error({ err: error }, 'outbox relay failed; retrying'),
    ...(options.listener && { wakeOn: { listener: options.listener, channels: [OUTBOX_CHANNEL] } }),
  });
}
