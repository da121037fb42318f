/**
 * Delivers webhook messages: leases due deliveries, builds each message from
 * the current records, signs it with the site's webhook secret and POSTs it.
 * Every outcome is written back to the delivery log; failures are retried
 * with backoff for at least a day (model.md deviations).
 */
import { startPollingLoop, type Logger, type PollingLoop } from '@laurel/service-kit';
import { isDelivered, signWebhookBody } from '../domain/webhook.js';
import type { DeliveryRow, DeliveryStore } from '../store/deliveries.js';

/** Turns a delivery into the exact body to send, or says why there is nothing to send. */
export interface MessageBuilder {
  build(delivery: DeliveryRow): Promise<{ body: string } | { skip: string }>;
}

/** The site's webhook, or undefined when it has none. */
export type WebhookLookup = (siteId: string) => Promise<{ url: string; secret: string } | undefined>;

export interface WebhookWorkerOptions {
  deliveries: DeliveryStore;
  messages: MessageBuilder;
  webhookOf: WebhookLookup;
  logger: Logger;
  pollMs?: number;
  batchSize?: number;
  timeoutMs?: number;
}

export type WebhookWorker = PollingLoop;

export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const log = options.logger.child({ component: 'webhooks' });

  const deliver = async (delivery: DeliveryRow): Promise<void> => {
    try {
      const webhook = await options.webhookOf(delivery.site_id);
      if (!webhook) {
        await options.deliveries.discard(delivery.id);
        return;
      }
      const message = await options.messages.build(delivery);
      if ('skip' in message) {
        log.warn({ delivery: delivery.id, reason: message.skip }, 'webhook message dropped');
        await options.deliveries.discard(delivery.id);
        return;
      }
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: signWebhookBody(message.body, webhook.secret, Math.floor(Date.now() / 1000)),
          ...(delivery.channel && { 'laurel-award-channel': delivery.channel }),
          'laurel-delivery-id': delivery.id,
        },
        body: message.body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (isDelivered(response.status)) await options.deliveries.markDelivered(delivery.id, response.status);
      else await options.deliveries.markFailed(delivery, response.status, `receiver answered ${response.status}`);
    } catch (error) {
      await options.deliveries.markFailed(delivery, null, error instanceof Error ? error.message : String(error)).catch((e: unknown) =>
        log.error({ err: e, delivery: delivery.id }, 'could not record a failed delivery; its lease will expire and it will be retried'),
      );
    }
  };



  return startPollingLoop({
    // Different recipients in parallel; each recipient has at most one delivery in a round.
    round: async () => {
      const due = await options.deliveries.claimDue(options.batchSize ?? 50);
      await Promise.all(due.map(deliver));
      return due.length > 0;
    },
    idleMs: options.pollMs ?? 500,
    onError: (error) => log.error({ err: error }, 'webhook worker failed; retrying'),
  });
}
