/**
 * Kafka helpers for tests: a connected producer and a collector that reads a
 * topic from the beginning, both against the run's real broker.
 */
import { Kafka, logLevel, Partitioners, type KafkaMessage, type Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { testEnvironment } from './environment.js';

export function testKafka(): Kafka {
  return new Kafka({
    clientId: 'laurel-tests',
    brokers: testEnvironment().kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
}

export async function testProducer(): Promise<Producer> {
  const producer = testKafka().producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: true,
  });
  await producer.connect();
  return producer;
}

export interface TopicCollector {
  messages: KafkaMessage[];
  /** Waits until `predicate` holds for the collected messages. */
  waitFor(predicate: (messages: KafkaMessage[]) => boolean, timeoutMs?: number): Promise<KafkaMessage[]>;
  stop(): Promise<void>;
}

export async function collectTopic(topic: string): Promise<TopicCollector> {
  const consumer = testKafka().consumer({
    groupId: `collector-${randomBytes(4).toString('hex')}`,
    maxWaitTimeInMs: 100,
  });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  return {
    messages,
    async waitFor(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting on ${topic} (${messages.length} messages seen)`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return messages;
    },
    stop: () => consumer.disconnect(),
  };
}

/** Polls `probe` until it returns a value `done` accepts. */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await probe();
  }
  return last;
}
