import type { Migration } from '@laurel/service-kit';

/**
 * One row per import batch (customer-badge-import.md §4.7). The batch key is
 * recorded in the same transaction as the batch's awards, so "this key was
 * seen" and "its awards exist" are one fact; the request hash lets a reused
 * key with another body be refused instead of answered with the first
 * batch's results. Rows are kept: per-item idempotency keys
 * (`import:{batchKey}:{position}`) never award twice, whatever the age.
 */
export const imports: Migration = {
  name: '0005_imports',
  async up(knex) {
    await knex.schema.createTable('imports', (t) => {
      t.bigInteger('site_id').notNullable();
      t.text('batch_key').notNullable();
      t.text('request_hash').notNullable();
      t.integer('item_count').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['site_id', 'batch_key']);
    });
  },
};
