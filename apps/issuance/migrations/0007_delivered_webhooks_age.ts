import type { Migration } from '@laurel/service-kit';

/** Retention deletes delivered rows by when they were delivered; only those rows are ever deleted, so only they are indexed. */
export const deliveredWebhooksAge: Migration = {
  name: '0007_delivered_webhooks_age',
  async up(knex) {
    await knex.raw(
      "create index webhook_deliveries_delivered_idx on webhook_deliveries (last_attempt_at) where status = 'delivered'",
    );
  },
};
