import type { Migration } from '@laurel/service-kit';

/**
 * Webhook deliveries (admin-api.md, model.md): one row per message a site's
 * webhook must receive, written in the same transaction as the award,
 * revocation or review that causes it, so none is lost or invented. The
 * worker sends a recipient's messages in order (recipient_key), retrying with
 * backoff until `give_up_at`, and keeps the row as the delivery log.
 */
export const webhookDeliveries: Migration = {
  name: '0002_webhook_deliveries',
  async up(knex) {
    await knex.schema.createTable('webhook_deliveries', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('site_id').notNullable();
      t.string('action', 16).notNullable();
      // Messages of one recipient are delivered in id order.
      t.text('recipient_key').notNullable();
      // What the message needs beyond the records it names (e.g. comment, origin).
      t.jsonb('input').notNullable();
      t.string('channel', 16);
      t.string('status', 16).notNullable().defaultTo('pending');
      t.integer('attempts').notNullable().defaultTo(0);
      t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('last_attempt_at', { useTz: true });
      t.integer('last_response_status');
      t.text('last_error');
      t.timestamp('give_up_at', { useTz: true }).notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw(
      "alter table webhook_deliveries add constraint webhook_deliveries_status_check check (status in ('pending', 'delivered', 'failing', 'abandoned'))",
    );
    await knex.raw(
      "create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status in ('pending', 'failing')",
    );
    await knex.raw(
      "create index webhook_deliveries_recipient_idx on webhook_deliveries (site_id, recipient_key, id) where status in ('pending', 'failing')",
    );
    await knex.raw('create index webhook_deliveries_site_idx on webhook_deliveries (site_id, id)');
  },
};
