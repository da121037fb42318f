/**
 * Sends outcome messages to Kafka in batches. The shared producer is
 * idempotent, so kafkajs allows one request in flight: sending each request's
 * message on its own would make concurrent requests queue one behind another.
 * Instead, messages that arrive while a send is in flight go out together in
 * the next one, and each caller is answered when its own batch is
 * acknowledged (acks = all), so no answer precedes Kafka's acknowledgement.
 */
import type { Message, Producer } from 'kafkajs';

interface Pending {
  message: Message;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 1000;

export class BatchingPublisher {
  private queue: Pending[] = [];
  private sending = false;

  constructor(private readonly producer: Producer, private readonly topic: string) {}

  publish(message: Message): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      if (!this.sending) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.sending = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.producer.send({ topic: this.topic, acks: -1, messages: batch.map((p) => p.message) });
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
