/**
 * Sends outcome messages to Kafka in batches. The shared producer is
 * idempotent, so kafkajs allows one request in flight: sending each request's
 * message on its own would make concurrent requests queue one behind another.
 * Instead, messages that arrive while a send is in flight go out together in
 * the next one, and each caller is answered when its own batch is
 * acknowledged (acks = all), so no answer precedes Kafka's acknowledgement.
 * Each message continues the trace of the request that published it.
 */
import type { Producer } from 'kafkajs';
import { sendInTheirTraces, traceHeaders } from '@laurel/service-kit';

interface OutgoingMessage {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

interface Pending {
  message: OutgoingMessage;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 1000;

export class BatchingPublisher {
  private queue: Pending[] = [];
  private sending = false;

  constructor(private readonly producer: Producer, private readonly topic: string) {}

  publish(message: OutgoingMessage): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      // The caller's context, taken now: the message is sent later, maybe with other requests' messages.
      this.queue.push({ message: { ...message, headers: { ...message.headers, ...traceHeaders() } }, resolve, reject });
      if (!this.sending) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.sending = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const messages = batch.map((p) => ({ topic: this.topic, ...p.message }));
          await sendInTheirTraces(messages, () => this.producer.send({ topic: this.topic, acks: -1, messages: messages.map(({ topic: _topic, ...m }) => m) }));
          for (const p of batch) p.resolve();
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.sending = false;
    }
  }
}
