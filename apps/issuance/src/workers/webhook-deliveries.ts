/**
 * Delivers webhook messages: leases due deliveries, builds each message from
 * the current records, signs it with the site's webhook secret and POSTs it.
 * Every outcome is written back to the delivery log; failures are retried
 * with backoff for at least a day (model.md deviations).
 */
import {
  startPollingLoop,
  WORK_POLL_MS,
  type Logger,
  type Metrics,
  type PollingLoop,
  type WorkListener,
} from '@laurel/service-kit';
import { isDelivered, signWebhookBody } from '../domain/webhook.js';
import { DELIVERIES_CHANNEL, LEASE_MS, type DeliveryRow, type DeliveryStore } from '../store/deliveries.js';

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
  /** Counts attempts by outcome in laurel_webhook_deliveries_total. */
  metrics?: Metrics;
  /** Wakes the worker when deliveries are recorded; without it the worker only polls. */
  listener?: WorkListener;
  /** The safety-net poll, for deliveries nobody announced. */
  pollMs?: number;
  batchSize?: number;
  timeoutMs?: number;
}

export type WebhookWorker = PollingLoop;

/** What became of one delivery attempt (the label of laurel_webhook_deliveries_total). */
type Outcome = 'delivered' | 'retrying' | 'abandoned' | 'dropped';
const OUTCOMES: readonly Outcome[] = ['delivered', 'retrying', 'abandoned', 'dropped'];

export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const log = options.logger.child({ component: 'webhooks' });
  const outcomes = options.metrics?.webhookDeliveries();
  // Zero from the start, so a dashboard shows "none" rather than "no data".
  for (const outcome of OUTCOMES) outcomes?.inc({ outcome }, 0);
  const count = (outcome: Outcome, n = 1) => outcomes?.inc({ outcome }, n);
  /** A failed attempt was recorded: tried again at `next`, or given up when there is none. */
  const failed = (next: Date | undefined) => {
    count(next ? 'retrying' : 'abandoned');
    if (next) retryAt(next.getTime());
  };
  /** The earliest moment a retry this worker scheduled falls due (epoch ms), so it wakes for it. */
  let nextRetryAt: number | undefined;
  const retryAt = (at: number) => {
    nextRetryAt = Math.min(nextRetryAt ?? at, at);
  };

  /** Sends one delivery to its site's webhook and records the outcome. */
  const deliver = async (delivery: DeliveryRow, webhook: { url: string; secret: string }): Promise<void> => {
    try {
      const message = await options.messages.build(delivery);
      if ('skip' in message) {
        log.warn({ delivery: delivery.id, reason: message.skip }, 'webhook message dropped');
        await options.deliveries.discard([delivery.id]);
        count('dropped');
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
      if (isDelivered(response.status)) {
        await options.deliveries.markDelivered(delivery.id, response.status);
        count('delivered');
      } else {
        failed(await options.deliveries.markFailed(delivery, response.status, `receiver answered ${response.status}`));
      }
    } catch (error) {
      await options.deliveries
        .markFailed(delivery, null, error instanceof Error ? error.message : String(error))
        .then(failed, (e: unknown) => {
          retryAt(Date.now() + LEASE_MS);
          log.error(
            { err: e, delivery: delivery.id },
            'could not record a failed delivery; its lease will expire and it will be retried',
          );
        });
    }
  };

  /**
   * One round: the site's webhook is looked up once per site, and a site
   * without one has its messages dropped in one statement (no notifications
   * without a webhook, as BadgeKit did) — after a bulk import that is most of them.
   */
  const round = async (): Promise<boolean | number> => {
    if (nextRetryAt !== undefined && nextRetryAt <= Date.now()) nextRetryAt = undefined;
    const due = await options.deliveries.claimDue(options.batchSize ?? 200);
    const bySite = new Map<string, DeliveryRow[]>();
    for (const delivery of due) bySite.set(delivery.site_id, [...(bySite.get(delivery.site_id) ?? []), delivery]);
    await Promise.all(
      [...bySite].map(async ([siteId, deliveries]) => {
        let webhook: { url: string; secret: string } | undefined;
        try {
          webhook = await options.webhookOf(siteId);
        } catch (error) {
          // The catalog is away: these deliveries wait for their lease to run out and are tried again.
          log.error({ err: error, siteId }, 'cannot read the site webhook; retrying later');
          retryAt(Date.now() + LEASE_MS);
          return;
        }
        if (!webhook) {
          await options.deliveries.discard(deliveries.map((d) => d.id));
          count('dropped', deliveries.length);
          return;
        }
        // Different recipients in parallel; each recipient has at most one delivery in a round.
        await Promise.all(deliveries.map((d) => deliver(d, webhook)));
      }),
    );
    if (due.length > 0) return true;
    return nextRetryAt === undefined ? false : nextRetryAt - Date.now();
  };

  return startPollingLoop({
    round,
    idleMs: options.pollMs ?? WORK_POLL_MS,
    onError: (error) => log.error({ err: error }, 'webhook worker failed; retrying'),
    ...(options.listener && { wakeOn: { listener: options.listener, channels: [DELIVERIES_CHANNEL] } }),
  });
}
