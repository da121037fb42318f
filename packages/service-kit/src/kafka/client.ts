import { Kafka, logLevel, Partitioners, type Admin, type LogEntry, type Producer } from 'kafkajs';
import type { Logger } from '../logger.js';
// Before any client is created: stops kafkajs' idle timer loop (see the module).
import './request-queue-fix.js';

export type { Kafka, Producer, Admin } from 'kafkajs';

/** The topics of architecture.md; names are configuration (a prefix) with these defaults. */
export const TOPICS = {
  outcomeRecorded: 'laurel.outcome-recorded.v1',
  requirementChanged: 'laurel.requirement-changed.v1',
  badgeAwarded: 'laurel.badge-awarded.v1',
  badgeRevoked: 'laurel.badge-revoked.v1',
  statusListPublished: 'laurel.status-list-published.v1',
} as const;

export type TopicKey = keyof typeof TOPICS;

export function topicName(prefix: string, key: TopicKey): string {
  return `${prefix}${TOPICS[key]}`;
}

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

const levelNames: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

export function createKafka(options: { brokers: string[]; clientId: string; logger: Logger }): Kafka {
  const log = options.logger.child({ component: 'kafka' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    // kafkajs' own INFO lines are noise at our level; warnings and errors go to our log.
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      const { message, ...rest } = entry.log;
      log[levelNames[entry.level] ?? 'info']({ namespace: entry.namespace, ...rest }, message);
    },
    retry: { initialRetryTime: 100, retries: 10 },
  });
}

/**
 * An idempotent producer: the broker drops retried duplicates, and every send
 * waits for acknowledgement from all in-sync replicas (acks = -1 is the kafkajs
 * default for idempotent producers and is passed explicitly by our senders).
 */
export async function createProducer(kafka: Kafka): Promise<Producer> {
  // The default (murmur2, Java-compatible) partitioner: integrations in any language agree on a key's partition.
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: true,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  return producer;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Kafka's answers while a new topic is still propagating: worth another try, not a failure. */
function isPropagationError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { retriable?: boolean; type?: string };
  return (
    e.retriable === true ||
    e.type === 'UNKNOWN_TOPIC_OR_PARTITION' ||
    e.type === 'LEADER_NOT_AVAILABLE' ||
    /does not host this topic-partition/.test(e.message)
  );
}

/**
 * Creates topics that do not exist yet (existing ones are left as they are) and
 * returns once the cluster serves metadata for all of them, so that a consumer
 * may subscribe and a producer may send at once.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  numPartitions = 3,
  timeoutMs = 30_000,
): Promise<void> {
  const wanted = [...new Set(topics)];
  const admin: Admin = kafka.admin();
  await admin.connect();
  const deadline = Date.now() + timeoutMs;
  let backoff = 100;
  try {
    for (;;) {
      try {
        const existing = new Set(await admin.listTopics());
        const missing = wanted.filter((t) => !existing.has(t));
        if (missing.length > 0) {
          // Another replica may create the same topics at the same moment; TOPIC_ALREADY_EXISTS is success.
          await admin
            .createTopics({
              waitForLeaders: true,
              topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor: -1 })),
            })
            .catch((error: unknown) => {
              if (!(error instanceof Error && /already exists/i.test(error.message))) throw error;
            });
        }
        await admin.fetchTopicMetadata({ topics: wanted });
        return;
      } catch (error) {
        if (!isPropagationError(error) || Date.now() + backoff > deadline) throw error;
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 2000);
      }
    }
  } finally {
    await admin.disconnect();
  }
}
