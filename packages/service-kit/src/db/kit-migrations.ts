/**
 * Tables the kit's own machinery needs in every schema that uses it. A
 * service lists these in its migrations/index.ts before its own migrations.
 */
import type { Migration } from './migrations.js';

export const processedEventsMigration: Migration = {
  name: '0000_kit_processed_events',
  async up(knex) {
    await knex.schema.createTable('processed_events', (t) => {
      t.text('consumer').notNullable();
      t.uuid('event_id').notNullable();
      t.timestamp('processed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['consumer', 'event_id']);
    });
  },
};

export const outboxMigration: Migration = {
  name: '0000_kit_outbox',
  async up(knex) {
    await knex.schema.createTable('outbox', (t) => {
      t.bigIncrements('id').primary();
      t.text('topic').notNullable();
      t.text('message_key').notNullable();
      t.binary('payload').notNullable();
      t.jsonb('headers').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
  },
};

/**
 * Lets one outbox row carry several messages of one topic (kafka/outbox.ts): `batch_size` is null
 * for a row that is one message, else the number of messages its payload holds
 * (laurel.outbox.v1.OutboxBatch). A batch's payload is hundreds of kilobytes, so it is stored out
 * of line uncompressed: compressing protobuf and JSON that PostgreSQL then decompresses for the
 * relay cost as much CPU as the rows the batch saves.
 */
export const outboxBatchesMigration: Migration = {
  name: '0000_kit_outbox_batches',
  async up(knex) {
    await knex.raw('alter table outbox add column batch_size integer check (batch_size > 1)');
    await knex.raw('alter table outbox alter column payload set storage external');
  },
};

/** Retention deletes processed ids by age (kafka/processed-events-store.ts); without this it would scan the table. */
export const processedEventsAgeMigration: Migration = {
  name: '0000_kit_processed_events_age',
  async up(knex) {
    await knex.raw('create index processed_events_processed_at_idx on processed_events (processed_at)');
  },
};
