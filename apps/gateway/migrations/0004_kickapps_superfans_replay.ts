import type { Migration } from '@laurel/service-kit';

/**
 * KickApps super-fan criteria per (site, location) (kickapps-requirements.md
 * §4.12) and the first answers of mutations sent with an idempotency key
 * (§5.2). A replay row is claimed before the call acts (answer still null),
 * so the primary key lets only one of two concurrent repeats act.
 */
export const kickappsSuperfansReplay: Migration = {
  name: '0004_kickapps_superfans_replay',
  async up(knex) {
    await knex.schema.createTable('kickapps_superfan_criteria', (t) => {
      t.bigInteger('site_id').notNullable();
      t.string('location', 64).notNullable();
      t.integer('quantity').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['site_id', 'location']);
    });
    await knex.schema.createTable('kickapps_replays', (t) => {
      t.bigInteger('site_id').notNullable();
      t.bigInteger('user_id').notNullable();
      t.string('idempotency_key', 128).notNullable();
      t.text('answer').nullable();
      t.integer('http_status').nullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['site_id', 'user_id', 'idempotency_key']);
    });
    await knex.raw('create index kickapps_replays_created_idx on kickapps_replays (created_at)');
  },
};
