/**
 * The idempotent consumer and the transactional outbox against a real
 * PostgreSQL and a real Kafka broker, including the relay's guarantees with
 * several relays on one schema: one publishes at a time, per-key order holds,
 * and a relay that fails between Kafka's acknowledgement and its delete loses
 * nothing (the rows go out again, after their first copies).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Producer } from 'kafkajs';
import {
  collectTopic,
  eventually,
  freshDatabase,
  testEnvironment,
  uniquePrefix,
  type TestDatabase,
} from '@laurel/testkit';
import { createDatabase, type Knex } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { outboxBatchesMigration, outboxMigration, processedEventsMigration } from '../src/db/kit-migrations.js';
import { createKafka, createProducer, ensureTopics, type Kafka } from '../src/kafka/client.js';
import { encodeEvent } from '../src/kafka/codec.js';
import { IDLE_FETCH_WAIT_MS, SESSION_TIMEOUT_MS, startIdempotentConsumer } from '../src/kafka/consumer.js';
import pg from 'pg';
import { createWorkListener } from '../src/db/notifications.js';
import {
  enqueueEvents,
  OUTBOX_BATCH_MESSAGES,
  OUTBOX_CHANNEL,
  outboxBacklog,
  startOutboxRelay,
  type OutboxRelay,
} from '../src/kafka/outbox.js';
import { createLogger } from '../src/logger.js';

type Outcome = { eventId: string; memberId: string; action: string };

const logger = createLogger('kit-test', 'silent');
let database: TestDatabase;
let db: Knex;
let kafka: Kafka;
let producer: Producer;
let prefix: string;

const outcome = (memberId: number) => ({
  eventId: randomUUID(),
  occurredAt: new Date().toISOString(),
  siteId: '1',
  memberId: String(memberId),
  action: 'comment',
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const eventIds = (messages: { value: Buffer | null }[]) =>
  messages.map((m) => (JSON.parse(m.value?.toString() ?? '{}') as { eventId: string }).eventId);

/** Enqueues `count` events for one key in transactions of three, while the relays run. */
async function enqueueStream(topic: string, count: number): Promise<string[]> {
  const events = Array.from({ length: count }, (_, i) => outcome(i));
  for (let i = 0; i < events.length; i += 3) {
    await db.transaction((trx) =>
      enqueueEvents(
        trx,
        events.slice(i, i + 3).map((event) => ({ topic, key: 'one-key', name: 'OutcomeRecorded' as const, event })),
      ),
    );
    await sleep(2);
  }
  return events.map((e) => e.eventId);
}

/** Kafka orders messages per partition, i.e. per key; `key` puts several members' events in one order. */
async function publish(topic: string, events: Record<string, unknown>[], key?: string): Promise<void> {
  await producer.send({
    topic,
    acks: -1,
    messages: events.map((e) => ({ key: key ?? String(e.memberId), ...encodeEvent('OutcomeRecorded', e) })),
  });
}

beforeAll(async () => {
  database = await freshDatabase('kit-kafka');
  db = createDatabase({ url: database.url, schema: 'kit', poolMax: 5, applicationName: 'kit-test' });
  await migrate(db, 'kit', [processedEventsMigration, outboxMigration, outboxBatchesMigration]);
  await db.schema.createTable('applied', (t) => {
    t.increments('id');
    t.text('member_id');
    t.uuid('event_id');
  });
  kafka = createKafka({ brokers: testEnvironment().kafkaBrokers.split(','), clientId: 'kit-test', logger });
  producer = await createProducer(kafka);
  prefix = uniquePrefix('kit');
});

afterAll(async () => {
  await producer?.disconnect();
  await db?.destroy();
  await database?.drop();
});

describe('startIdempotentConsumer', () => {
  it('retries a failing transaction with backoff and never skips the event', async () => {
    const topic = `${prefix}retry`;
    let failuresLeft = 3;
    const consumer = await startIdempotentConsumer<Outcome>({
      kafka,
      producer,
      db,
      logger,
      topic,
      groupId: `${prefix}retry-group`,
      eventName: 'OutcomeRecorded',
      consumerName: 'retry',
      maxBackoffMs: 200,
      async handle(events, trx) {
        await trx('applied').insert(events.map((e) => ({ member_id: e.event.memberId, event_id: e.event.eventId })));
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('database went away (simulated)');
        }
      },
    });
    try {
      const events = [outcome(1), outcome(2), outcome(3)];
      await publish(topic, events, 'one-partition');
      const rows = await eventually(
        () =>
          db('applied')
            .whereIn(
              'event_id',
              events.map((e) => e.eventId),
            )
            .orderBy('id'),
        (r) => r.length === 3,
      );
      expect(failuresLeft).toBe(0);
      // Rolled-back attempts left nothing behind; the successful one applied each event once, in order.
      expect(rows.map((r: { member_id: string }) => r.member_id)).toEqual(['1', '2', '3']);
    } finally {
      await consumer.stop();
    }
  });

  it('applies an event once even when a second consumer group member sees it again after a restart', async () => {
    const topic = `${prefix}restart`;
    const start = () =>
      startIdempotentConsumer<Outcome>({
        kafka,
        producer,
        db,
        logger,
        topic,
        groupId: `${prefix}restart-group`,
        eventName: 'OutcomeRecorded',
        consumerName: 'restart',
        handle: async (events, trx) =>
          void (await trx('applied').insert(events.map((e) => ({ member_id: 'restart', event_id: e.event.eventId })))),
      });
    const event = outcome(9);
    let consumer = await start();
    await publish(topic, [event]);
    await eventually(
      () => db('applied').where({ event_id: event.eventId }),
      (r) => r.length === 1,
    );
    await consumer.stop();
    // Redelivery, as after a crash between commit and offset commit: the same event again.
    await publish(topic, [event, outcome(10)]);
    consumer = await start();
    await eventually(
      () => db('applied').where({ member_id: 'restart' }),
      (r) => r.length === 2,
    );
    await consumer.stop();
    expect(await db('applied').where({ event_id: event.eventId })).toHaveLength(1);
  });

  it(
    'asks an idle broker once per fetch wait, yet applies an event as soon as it is published',
    { timeout: 60_000 },
    async () => {
      const topic = `${prefix}idle`;
      // The consumer is made inside startIdempotentConsumer; watching the Kafka client it is given shows its requests.
      const fetchesSent: number[] = [];
      const watched = new Proxy(kafka, {
        get(target, property, receiver) {
          if (property !== 'consumer') return Reflect.get(target, property, receiver) as unknown;
          return (config: Parameters<Kafka['consumer']>[0]) => {
            const made = target.consumer(config);
            made.on(
              made.events.REQUEST,
              ({ payload }) => void (payload.apiName === 'Fetch' && fetchesSent.push(payload.sentAt)),
            );
            return made;
          };
        },
      });
      let appliedAt = 0;
      const consumer = await startIdempotentConsumer<Outcome>({
        kafka: watched,
        producer,
        db,
        logger,
        topic,
        groupId: `${prefix}idle-group`,
        eventName: 'OutcomeRecorded',
        consumerName: 'idle',
        handle: async (events, trx) => {
          await trx('applied').insert(events.map((e) => ({ member_id: 'idle', event_id: e.event.eventId })));
          appliedAt = Date.now();
        },
      });
      try {
        // Idle fetches in a row (the first may come back early, while the group settles): the broker held the later one open for the whole wait.
        const fetched = await eventually(
          async () => [...fetchesSent],
          (sent) => sent.length >= 3,
          30_000,
        );
        expect(fetched[2]! - fetched[1]!).toBeGreaterThanOrEqual(IDLE_FETCH_WAIT_MS - 200);
        expect(IDLE_FETCH_WAIT_MS).toBeLessThanOrEqual(SESSION_TIMEOUT_MS / 2);

        // Mid-wait: the fetch in flight answers as soon as the event is there.
        await new Promise((resolve) => setTimeout(resolve, IDLE_FETCH_WAIT_MS / 2));
        const publishedAt = Date.now();
        await publish(topic, [outcome(11)]);
        await eventually(
          () => db('applied').where({ member_id: 'idle' }),
          (r) => r.length === 1,
        );
        expect(appliedAt - publishedAt).toBeLessThan(IDLE_FETCH_WAIT_MS / 2);
      } finally {
        await consumer.stop();
      }
    },
  );
});

describe('the transactional outbox', () => {
  it('publishes what committed, in order, never what rolled back, and empties the table', async () => {
    const topic = `${prefix}outbox`;
    await ensureTopics(kafka, [topic], 1);
    const committed = Array.from({ length: 5 }, (_, i) => outcome(100 + i));
    const rolledBack = outcome(999);
    await db.transaction((trx) =>
      enqueueEvents(
        trx,
        committed.map((e) => ({ topic, key: 'k', name: 'OutcomeRecorded', event: e })),
      ),
    );
    await db
      .transaction(async (trx) => {
        await enqueueEvents(trx, [{ topic, key: 'k', name: 'OutcomeRecorded', event: rolledBack }]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);

    const collector = await collectTopic(topic);
    const relays = [1, 2].map(() => startOutboxRelay({ db, producer, schema: 'kit', logger, pollMs: 50 }));
    try {
      const messages = await collector.waitFor((m) => m.length >= 5);
      await new Promise((resolve) => setTimeout(resolve, 500)); // room for a (wrong) duplicate or the rolled-back event to show up
      const ids = messages.map((m) => (JSON.parse(m.value?.toString() ?? '{}') as { eventId: string }).eventId);
      expect(ids).toEqual(committed.map((e) => e.eventId));
      expect(messages[0]?.headers?.['content-type']?.toString()).toBe('application/json');
      expect(await db('outbox').count<{ count: string }[]>({ count: '*' })).toEqual([{ count: '0' }]);
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
      await collector.stop();
    }
  });

  it("keeps a transaction's many events of a topic in few rows, and sends each as its own record, in order, at most a batch a round", async () => {
    const topic = `${prefix}batched`;
    const other = `${prefix}batched-other`;
    await ensureTopics(kafka, [topic, other], 1);
    const bulk = Array.from({ length: 2 * OUTBOX_BATCH_MESSAGES + 3 }, (_, i) => outcome(i));
    const alone = outcome(5000);
    const small = Array.from({ length: 3 }, (_, i) => outcome(6000 + i));
    // Two topics in one transaction: each topic's events share rows, in their order.
    await db.transaction((trx) =>
      enqueueEvents(
        trx,
        bulk.flatMap((event, i) => [
          { topic, key: `member-${i % 7}`, name: 'OutcomeRecorded' as const, event },
          ...(i === 1 ? [{ topic: other, key: 'k', name: 'OutcomeRecorded' as const, event: alone }] : []),
        ]),
      ),
    );
    await db.transaction((trx) =>
      enqueueEvents(
        trx,
        small.map((event) => ({ topic, key: 'k', name: 'OutcomeRecorded' as const, event })),
      ),
    );
    const rows = await db('outbox')
      .orderBy('id')
      .select<{ topic: string; batch_size: number | null }[]>('topic', 'batch_size');
    expect(rows).toEqual([
      { topic, batch_size: OUTBOX_BATCH_MESSAGES },
      { topic, batch_size: OUTBOX_BATCH_MESSAGES },
      { topic, batch_size: 3 },
      { topic: other, batch_size: null },
      { topic, batch_size: 3 },
    ]);
    expect((await outboxBacklog(db)).messages).toBe(bulk.length + 1 + small.length);

    const sent: number[] = [];
    const counting: Producer = {
      ...producer,
      sendBatch: async (batch) => {
        sent.push(batch.topicMessages?.reduce((n, t) => n + t.messages.length, 0) ?? 0);
        return producer.sendBatch(batch);
      },
    };
    const collector = await collectTopic(topic);
    const otherCollector = await collectTopic(other);
    const relay = startOutboxRelay({ db, producer: counting, schema: 'kit', logger, pollMs: 50 });
    try {
      const expected = [...bulk, ...small].map((e) => e.eventId);
      const messages = await collector.waitFor((m) => m.length >= expected.length, 30_000);
      await otherCollector.waitFor((m) => m.length >= 1);
      await sleep(500); // room for a (wrong) duplicate to show up
      expect(eventIds(messages)).toEqual(expected);
      expect(eventIds(otherCollector.messages)).toEqual([alone.eventId]);
      // Each record keeps its own key and headers.
      expect(messages.slice(0, 8).map((m) => m.key?.toString())).toEqual([
        'member-0',
        'member-1',
        'member-2',
        'member-3',
        'member-4',
        'member-5',
        'member-6',
        'member-0',
      ]);
      expect(
        messages.every(
          (m) =>
            m.headers?.['content-type']?.toString() === 'application/json' &&
            m.headers['event-type']?.toString() === 'laurel.events.v1.OutcomeRecorded',
        ),
      ).toBe(true);
      expect(Math.max(...sent)).toBeLessThanOrEqual(OUTBOX_BATCH_MESSAGES);
      expect(sent.reduce((a, b) => a + b, 0)).toBe(expected.length + 1);
      expect(await db('outbox').count<{ count: string }[]>({ count: '*' })).toEqual([{ count: '0' }]);
    } finally {
      await relay.stop();
      await collector.stop();
      await otherCollector.stop();
    }
  });

  it('publishes at once what another process wrote and announced, long before its safety-net poll', async () => {
    const topic = `${prefix}announced`;
    await ensureTopics(kafka, [topic], 1);
    const listener = createWorkListener({ url: database.url, applicationName: 'kit-relay', logger });
    const relay = startOutboxRelay({ db, producer, schema: 'kit', logger, listener, pollMs: 60_000 });
    const collector = await collectTopic(topic);
    const writer = new pg.Client({ connectionString: database.url });
    await writer.connect();
    try {
      // The relay has had its first rounds (at start, and once LISTENing) and now sleeps for a minute.
      await eventually(
        async () =>
          (
            await writer.query<{ n: number }>(
              `select count(*)::int as n from pg_stat_activity where application_name = 'kit-relay:listener' and state = 'idle' and query like 'LISTEN%'`,
            )
          ).rows[0]?.n,
        (n) => n === 1,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      const event = outcome(7);
      const encoded = encodeEvent('OutcomeRecorded', event);
      // What a writer without a relay of its own does: the row and its announcement in one transaction.
      await writer.query('begin');
      await writer.query('insert into kit.outbox (topic, message_key, payload, headers) values ($1, $2, $3, $4)', [
        topic,
        'k',
        encoded.value,
        JSON.stringify(encoded.headers),
      ]);
      await writer.query('select pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
      await writer.query('commit');

      const messages = await collector.waitFor((m) => m.length >= 1, 15_000);
      expect(messages.map((m) => (JSON.parse(m.value?.toString() ?? '{}') as { eventId: string }).eventId)).toEqual([
        event.eventId,
      ]);
    } finally {
      await writer.end();
      await relay.stop();
      await listener.close();
      await collector.stop();
    }
  });
});

describe('the outbox relay', () => {
  it('run by two replicas on one schema, never sends at the same time, publishes every row once, and keeps the order', async () => {
    const topic = `${prefix}pair`;
    await ensureTopics(kafka, [topic], 1);
    let sending = 0;
    let mostAtOnce = 0;
    // Each relay's sends are slowed, so that without mutual exclusion the other relay's polls would overlap them.
    const watched = (): Producer => ({
      ...producer,
      sendBatch: async (batch) => {
        sending += 1;
        mostAtOnce = Math.max(mostAtOnce, sending);
        try {
          await sleep(15);
          return await producer.sendBatch(batch);
        } finally {
          sending -= 1;
        }
      },
    });
    const collector = await collectTopic(topic);
    const relays: OutboxRelay[] = [1, 2].map(() =>
      startOutboxRelay({ db, producer: watched(), schema: 'kit', logger, pollMs: 5, contendedMs: 5, batchSize: 4 }),
    );
    try {
      const expected = await enqueueStream(topic, 60);
      await collector.waitFor((m) => m.length >= expected.length, 30_000);
      await sleep(500); // room for a (wrong) duplicate to show up
      expect(eventIds(collector.messages)).toEqual(expected);
      expect(mostAtOnce).toBe(1);
      expect(await db('outbox').count<{ count: string }[]>({ count: '*' })).toEqual([{ count: '0' }]);
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
      await collector.stop();
    }
  });

  it('carries a stream of events written one at a time in fewer rounds than events, in order', async () => {
    const topic = `${prefix}stream`;
    await ensureTopics(kafka, [topic], 1);
    let sends = 0;
    const counted: Producer = { ...producer, sendBatch: async (batch) => ((sends += 1), producer.sendBatch(batch)) };
    const listener = createWorkListener({ url: database.url, applicationName: 'kit-stream-relay', logger });
    // A longer wait than the default, so that rounds carry several events even when a busy machine writes them slowly.
    const relay = startOutboxRelay({
      db,
      producer: counted,
      schema: 'kit',
      logger,
      listener,
      pollMs: 60_000,
      lingerMs: 200,
    });
    const collector = await collectTopic(topic);
    try {
      const events = Array.from({ length: 40 }, (_, i) => outcome(i));
      // One event per transaction, each announced, as one award at a time writes them.
      for (const event of events) {
        await db.transaction((trx) => enqueueEvents(trx, [{ topic, key: 'one-key', name: 'OutcomeRecorded', event }]));
        await sleep(2);
      }
      await collector.waitFor((m) => m.length >= events.length, 30_000);
      expect(eventIds(collector.messages)).toEqual(events.map((e) => e.eventId));
      // Rounds wait while events keep coming, so each carries several (without the wait: one round per event or nearly).
      expect(sends).toBeLessThanOrEqual(events.length / 2);
    } finally {
      await relay.stop();
      await listener.close();
      await collector.stop();
    }
  });

  it('publishes again, after the first copies, what it sent but failed to delete', async () => {
    const topic = `${prefix}failed-delete`;
    await ensureTopics(kafka, [topic], 1);
    let failuresLeft = 2;
    // As a relay dying after Kafka acknowledged its batch: the batch is out, the delete never commits.
    const failingAfterSend: Producer = {
      ...producer,
      sendBatch: async (batch) => {
        const result = await producer.sendBatch(batch);
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('relay died after the send (simulated)');
        }
        return result;
      },
    };
    const collector = await collectTopic(topic);
    const relay = startOutboxRelay({ db, producer: failingAfterSend, schema: 'kit', logger, pollMs: 5, batchSize: 4 });
    try {
      const expected = await enqueueStream(topic, 30);
      await collector.waitFor((m) => new Set(eventIds(m)).size >= expected.length, 30_000);
      await eventually(
        () => db('outbox').count<{ count: string }[]>({ count: '*' }),
        (rows) => rows[0]?.count === '0',
      );
      const ids = eventIds(collector.messages);
      expect(failuresLeft).toBe(0);
      // Every event arrived; duplicates came only after their first copies, so first copies are in order.
      expect([...new Set(ids)]).toEqual(expected);
      expect(ids.length).toBeGreaterThan(expected.length);
    } finally {
      await relay.stop();
      await collector.stop();
    }
  });
});
