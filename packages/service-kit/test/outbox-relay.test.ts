/**
 * The outbox relay's guarantees with several relays on one schema, against a
 * real PostgreSQL and Kafka: one publishes at a time, per-key order holds, and
 * a relay that fails between Kafka's acknowledgement and its delete loses
 * nothing (the rows go out again, after their first copies).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Producer } from 'kafkajs';
import { collectTopic, eventually, freshDatabase, testEnvironment, uniquePrefix, type TestDatabase } from '@laurel/testkit';
import { createDatabase, type Knex } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { outboxMigration } from '../src/db/kit-migrations.js';
import { createKafka, createProducer, ensureTopics, type Kafka } from '../src/kafka/client.js';
import { enqueueEvents, startOutboxRelay, type OutboxRelay } from '../src/kafka/outbox.js';
import { createLogger } from '../src/logger.js';

const logger = createLogger('kit-test', 'silent');
let database: TestDatabase;
let db: Knex;
let kafka: Kafka;
let producer: Producer;
let prefix: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const outcome = (n: number) => ({ eventId: randomUUID(), occurredAt: new Date().toISOString(), siteId: '1', memberId: String(n), action: 'comment' });
const eventIds = (messages: { value: Buffer | null }[]) => messages.map((m) => (JSON.parse(m.value?.toString() ?? '{}') as { eventId: string }).eventId);

/** Enqueues `count` events for one key in transactions of three, while the relays run. */
async function enqueueStream(topic: string, count: number): Promise<string[]> {
  const events = Array.from({ length: count }, (_, i) => outcome(i));
  for (let i = 0; i < events.length; i += 3) {
    await db.transaction((trx) => enqueueEvents(trx, events.slice(i, i + 3).map((event) => ({ topic, key: 'one-key', name: 'OutcomeRecorded' as const, event }))));
    await sleep(2);
  }
  return events.map((e) => e.eventId);
}

beforeAll(async () => {
  database = await freshDatabase('kit-relay');
  db = createDatabase({ url: database.url, schema: 'kit', poolMax: 6, applicationName: 'kit-relay-test' });
  await migrate(db, 'kit', [outboxMigration]);
  kafka = createKafka({ brokers: testEnvironment().kafkaBrokers.split(','), clientId: 'kit-relay-test', logger });
  producer = await createProducer(kafka);
  prefix = uniquePrefix('kit-relay');
});

afterAll(async () => {
  await producer?.disconnect();
  await db?.destroy();
  await database?.drop();
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
    const relays: OutboxRelay[] = [1, 2].map(() => startOutboxRelay({ db, producer: watched(), schema: 'kit', logger, pollMs: 5, contendedMs: 5, batchSize: 4 }));
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
      await eventually(() => db('outbox').count<{ count: string }[]>({ count: '*' }), (rows) => rows[0]?.count === '0');
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
