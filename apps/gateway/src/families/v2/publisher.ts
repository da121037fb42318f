/**
 * Sends outcome messages to Kafka in batches. The shared producer is
 * idempotent, so kafkajs allows one request in flight: sending each request's
 * message on its own would make concurrent requests queue one behind another.
 * Instead, messages that arrive while a send is in flight go out together in
 * the next one (group-commit.ts), and each caller is answered when its own
 * batch is acknowledged (acks = all), so no answer precedes Kafka's
 * acknowledgement. Each message continues the trace of the request that
 * published it.
 */
import type { Producer } from 'kafkajs';
import { GroupCommit, noResults, sendInTheirTraces, traceHeaders } from '@laurel/service-kit';

interface OutgoingMessage {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

export class BatchingPublisher {
  private readonly batches: GroupCommit<OutgoingMessage>;

  constructor(producer: Producer, topic: string) {
    this.batches = new GroupCommit(async (messages) => {
      // sendInTheirTraces sets each message's headers to its send span, so those objects are what is sent.
      const traced = messages.map((m) => ({ topic, ...m }));
      await sendInTheirTraces(traced, () =>
        producer.send({ topic, acks: -1, messages: traced.map(({ topic: _topic, ...m }) => m) }),
      );
      return noResults(messages);
    });
  }

  publish(message: OutgoingMessage): Promise<void> {
    // The caller's context, taken now: the message is sent later, maybe with other requests' messages.
    return this.batches.submit({ ...message, headers: { ...message.headers, ...traceHeaders() } });
  }
}
