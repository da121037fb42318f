/**
 * The broker `npm start` runs keeps its data in a state directory: messages a producer
 * had acknowledged, and the offsets a consumer group had committed, must survive the
 * broker being killed outright (a crash, which also leaves its lock file behind) and be
 * there, each once, when a broker starts again on the same directory.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { provideKafka } from '../src/index.js';
import { envWithout } from './helpers/env.js';
import { pidsMentioning, waitUntil } from './helpers/processes.js';

const env = envWithout('KAFKA_BROKERS');
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'devstack-kafka-durable-'));
afterAll(() => fs.rmSync(stateDir, { recursive: true, force: true }));

const client = (brokers: string[]) =>
  new Kafka({ clientId: 'devstack-durability-test', brokers, logLevel: logLevel.NOTHING });

async function produce(brokers: string[], topic: string, values: string[]): Promise<void> {
  const producer = client(brokers).producer({ allowAutoTopicCreation: true, idempotent: true });
  await producer.connect();
  try {
    // acks -1: the broker has written them before it answers, as the gateway's outcomes are.
    await producer.send({ topic, acks: -1, messages: values.map((value) => ({ value })) });
  } finally {
    await producer.disconnect();
  }
}

async function withAdmin<T>(brokers: string[], use: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = client(brokers).admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Everything the group has not consumed yet, read up to the partition's end (so a duplicate would show). */
async function consumeRest(brokers: string[], topic: string, groupId: string): Promise<string[]> {
  const [end] = await withAdmin(brokers, (admin) => admin.fetchTopicOffsets(topic));
  const last = Number(end!.high) - 1;
  const consumer = client(brokers).consumer({ groupId });
  const seen: string[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            seen.push(message.value?.toString() ?? '');
            if (Number(message.offset) >= last) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return seen;
}

describe('a local broker on a kept state directory', () => {
  it('keeps acknowledged messages and committed offsets across a crash, each once', { timeout: 300_000 }, async () => {
    const topic = `durable-${randomUUID()}`;
    const groupId = `durable-group-${randomUUID()}`;
    const before = Array.from({ length: 10 }, (_, i) => `before-${i}`);
    const after = Array.from({ length: 5 }, (_, i) => `after-${i}`);

    const first = await provideKafka({ env, stateDir });
    try {
      await produce(first.brokers, topic, before);
      // The group has consumed the first half: its committed offset must survive too.
      await withAdmin(first.brokers, (admin) =>
        admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '5' }] }),
      );
      const [jvm] = pidsMentioning(stateDir);
      expect(jvm).toBeDefined();
      process.kill(jvm!, 'SIGKILL');
      expect(await waitUntil(() => pidsMentioning(stateDir).length === 0, 30_000)).toBe(true);
    } finally {
      await first.stop();
    }
    expect(fs.existsSync(path.join(stateDir, 'kafka-data'))).toBe(true);

    const second = await provideKafka({ env, stateDir });
    try {
      await produce(second.brokers, topic, after);
      expect(await consumeRest(second.brokers, topic, groupId)).toEqual([...before.slice(5), ...after]);
      expect(await consumeRest(second.brokers, topic, `fresh-${randomUUID()}`)).toEqual([...before, ...after]);
    } finally {
      await second.stop();
    }
    expect(pidsMentioning(stateDir)).toEqual([]);
  });
});
