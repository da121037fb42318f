/**
 * The one way a Laurel service consumes events (architecture.md, "Events"):
 * - a message that cannot be decoded or validated goes to `<topic>.dlq` with the
 *   reason in a header, and the stream goes on;
 * - the effects of a batch and the `event_id`s it processed are written in one
 *   transaction, so a redelivered event is recognised and skipped;
 * - any failure while applying effects (database down, a bug) is retried with
 *   backoff and never skipped: offsets only move after the transaction commits;
 * - an event that decodes but that the handler refuses (say, it names an action
 *   that does not exist) is returned as a Rejection and written to the
 *   dead-letter topic through the service's outbox, in the same transaction,
 *   so it can be neither lost nor applied.
 */
import { context, trace } from '@opentelemetry/api';
import type { Kafka, Producer, Consumer, KafkaMessage } from 'kafkajs';
import type { Knex } from 'knex';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { decodeEvent, PoisonMessage, type DecodedEvent, type EventName } from './codec.js';
import { deadLetterTopic, ensureTopics } from './client.js';
import { trackConsumerLag } from './consumer-lag.js';
import { enqueueRaw } from './outbox.js';
import { consumeSpans, endSpans } from './tracing.js';

export const PROCESSED_EVENTS_TABLE = 'processed_events';

export interface IdempotentConsumerOptions<T extends { eventId: string }> {
  kafka: Kafka;
  /** Used for the dead-letter topic. */
  producer: Producer;
  db: Knex;
  logger: Logger;
  metrics?: Metrics;
  groupId: string;
  topic: string;
  eventName: EventName;
  /** Names this consumer in processed_events, so two consumers of one event stay independent. */
  consumerName: string;
  /**
   * Applies the effects of events never processed before, inside `trx`, in
   * partition order. Returns the events it refused, with the reason; they go to
   * the dead-letter topic (the schema must have the kit's outbox table).
   */
  handle(events: DecodedEvent<T>[], trx: Knex.Transaction): Promise<Rejection<T>[] | void>;
  /** Largest number of events applied in one transaction. */
  maxEventsPerTransaction?: number;
  maxBackoffMs?: number;
  fromBeginning?: boolean;
}

export interface Rejection<T> {
  event: DecodedEvent<T>;
  reason: string;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

/**
 * How long the broker holds a fetch open while there is nothing to consume. A fetch is answered
 * as soon as a message arrives, so this costs events no latency; it only decides how often an
 * idle consumer asks again, and each ask (a fetch and, after it, the heartbeat) runs kafkajs'
 * rarely-run, hence unoptimised, response handling in the service and a request, a purgatory
 * entry and its expiry in the broker: at 3 s the two consumers of requirements were most of that
 * process's idle CPU (issue 10). 5 s is kafkajs' own default. It is bounded by the session timeout
 * below, because kafkajs heartbeats only between fetches: 5 s leaves as much again for a slow
 * answer before the broker would drop the member (which costs a rebalance, never an event); and
 * by the stop, which lets the fetch in flight finish.
 */
export const IDLE_FETCH_WAIT_MS = 5000;

/** A crashed member holds its partitions this long; the wait above must stay well under it. */
export const SESSION_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startIdempotentConsumer<T extends { eventId: string }>(
  options: IdempotentConsumerOptions<T>,
): Promise<RunningConsumer> {
  const log = options.logger.child({ consumer: options.consumerName, topic: options.topic });
  const chunkSize = options.maxEventsPerTransaction ?? 500;
  // Subscribing to a topic that does not exist yet fails; the dead-letter topic must exist before it is needed.
  await ensureTopics(options.kafka, [options.topic, deadLetterTopic(options.topic)]);
  // A crashed member holds its partitions until its session times out; 10 s (rather than kafkajs' 30 s)
  // bounds how long a restarted replica waits to take them over. The heartbeat interval is only a
  // floor: kafkajs heartbeats between fetches, so an idle consumer heartbeats once per fetch wait.
  const consumer: Consumer = options.kafka.consumer({
    groupId: options.groupId,
    allowAutoTopicCreation: true,
    maxWaitTimeInMs: IDLE_FETCH_WAIT_MS,
    sessionTimeout: SESSION_TIMEOUT_MS,
    heartbeatInterval: 1000,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: options.topic, fromBeginning: options.fromBeginning ?? true });
  const untrackLag = options.metrics
    ? trackConsumerLag(options.metrics, { kafka: options.kafka, groupId: options.groupId, topic: options.topic })
    : undefined;
  if (options.metrics) {
    // Zero from the start, so a dashboard shows "none" rather than "no data".
    for (const kind of ['undecodable', 'refused'])
      options.metrics.eventsDeadLettered().inc({ topic: options.topic, kind }, 0);
    for (const outcome of ['processed', 'duplicate', 'dead-lettered'])
      options.metrics.eventsConsumed().inc({ topic: options.topic, outcome }, 0);
  }

  const deadLetter = async (message: KafkaMessage, partition: number, reason: string) => {
    await options.producer.send({
      topic: deadLetterTopic(options.topic),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'laurel-dlq-reason': reason,
            'laurel-dlq-source': `${options.topic}/${partition}@${message.offset}`,
            'laurel-dlq-consumer': options.consumerName,
          },
        },
      ],
    });
    options.metrics?.eventsConsumed().inc({ topic: options.topic, outcome: 'dead-lettered' });
    options.metrics?.eventsDeadLettered().inc({ topic: options.topic, kind: 'undecodable' });
    log.warn({ partition, offset: message.offset, reason }, 'message sent to the dead-letter topic');
  };

  const apply = async (events: DecodedEvent<T>[]): Promise<number> => {
    if (events.length === 0) return 0;
    return options.db.transaction(async (trx) => {
      const ids = events.map((e) => e.event.eventId);
      const inserted = await trx.raw<{ rows: { event_id: string }[] }>(
        `insert into ${PROCESSED_EVENTS_TABLE} (consumer, event_id)
         select ?, id from unnest(?::uuid[]) as id
         on conflict do nothing returning event_id`,
        [options.consumerName, ids],
      );
      const fresh = new Set(inserted.rows.map((r) => r.event_id.toLowerCase()));
      // Keep the first copy of each new id; later copies (in this batch or from earlier batches) are duplicates.
      const toApply = events.filter((e) => fresh.delete(e.event.eventId.toLowerCase()));
      const rejected = toApply.length > 0 ? ((await options.handle(toApply, trx)) ?? []) : [];
      await enqueueRaw(
        trx,
        rejected.map(({ event, reason }) => ({
          topic: deadLetterTopic(options.topic),
          key: event.key,
          value: event.value,
          headers: { ...event.headers, 'laurel-dlq-reason': reason, 'laurel-dlq-consumer': options.consumerName },
        })),
      );
      if (rejected.length > 0)
        log.warn(
          { count: rejected.length, first: rejected[0]?.reason },
          'events refused; sent to the dead-letter topic',
        );
      options.metrics?.eventsConsumed().inc({ topic: options.topic, outcome: 'dead-lettered' }, rejected.length);
      options.metrics?.eventsDeadLettered().inc({ topic: options.topic, kind: 'refused' }, rejected.length);
      options.metrics
        ?.eventsConsumed()
        .inc({ topic: options.topic, outcome: 'processed' }, toApply.length - rejected.length);
      options.metrics
        ?.eventsConsumed()
        .inc({ topic: options.topic, outcome: 'duplicate' }, events.length - toApply.length);
      return toApply.length;
    });
  };

  await consumer.run({
    autoCommit: true,
    eachBatchAutoResolve: false,
    eachBatch: async (payload) => {
      const { batch } = payload;
      for (let start = 0; start < batch.messages.length; start += chunkSize) {
        if (!payload.isRunning() || payload.isStale()) return;
        const chunk = batch.messages.slice(start, start + chunkSize);
        const events: DecodedEvent<T>[] = [];
        for (const message of chunk) {
          try {
            events.push(decodeEvent<T>(options.eventName, message.value, message.headers, message.key));
          } catch (error) {
            if (!(error instanceof PoisonMessage)) throw error;
            await deadLetter(message, batch.partition, error.message);
          }
        }
        // Each event continues its producer's trace; a lone event's database work joins it too.
        const spans = consumeSpans(
          options.topic,
          options.groupId,
          events.map((e) => e.headers),
        );
        const [only] = spans;
        const applyTraced =
          spans.length === 1 && only
            ? () => context.with(trace.setSpan(context.active(), only), () => apply(events))
            : () => apply(events);
        let backoff = 100;
        for (;;) {
          try {
            await applyTraced();
            endSpans(spans);
            break;
          } catch (error) {
            // Offsets have not moved: abandoning here (on shutdown or rebalance) means redelivery, not loss.
            if (!payload.isRunning() || payload.isStale()) {
              endSpans(spans, error);
              throw error;
            }
            log.error({ err: error, retryInMs: backoff }, 'applying events failed; retrying');
            await sleep(backoff);
            await payload.heartbeat().catch(() => undefined);
            backoff = Math.min(backoff * 2, options.maxBackoffMs ?? 10_000);
          }
        }
        const last = chunk[chunk.length - 1];
        if (last) payload.resolveOffset(last.offset);
        await payload.commitOffsetsIfNecessary();
        await payload.heartbeat();
      }
    },
  });

  return {
    stop: async () => {
      await untrackLag?.();
      await consumer.disconnect();
    },
  };
}
