/**
 * The outbox's backlog (laurel_outbox_backlog) and the age of its oldest
 * unpublished row (laurel_outbox_oldest_age_seconds), read at scrape time: a
 * growing age means events are not reaching Kafka.
 */
import type { Knex } from 'knex';
import type { Metrics } from '../metrics.js';
import { outboxBacklog } from './outbox.js';

export function trackOutboxBacklog(metrics: Metrics, db: Knex): void {
  // Both gauges come from one query: a scrape collects its metrics concurrently, so the second reuses the first's query.
  let pending: Promise<{ messages: number; oldestAgeSeconds: number }> | undefined;
  const read = () => {
    pending ??= outboxBacklog(db).finally(() => (pending = undefined));
    return pending;
  };
  metrics.scrapeGauge('laurel_outbox_backlog', 'Outbox messages not yet published to Kafka', [], async () => [
    { value: (await read()).messages },
  ]);
  metrics.scrapeGauge(
    'laurel_outbox_oldest_age_seconds',
    'Age of the oldest outbox row not yet published (0 when the outbox is empty)',
    [],
    async () => [{ value: (await read()).oldestAgeSeconds }],
  );
}
