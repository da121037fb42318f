import type { Migration } from '@laurel/service-kit';

/**
 * Actions (unique per site ignoring case, model.md) and each member's running
 * count per (action, location). Counts are updated set-based, one upsert per
 * consumed batch.
 */
export const actionsAndCounts: Migration = {
  name: '0001_actions_and_counts',
  async up(knex) {
    await knex.schema.createTable('actions', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('site_id').notNullable();
      t.string('name', 255).notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw('create unique index actions_site_name_key on actions (site_id, lower(name))');
    await knex.schema.createTable('member_counts', (t) => {
      t.bigInteger('site_id').notNullable();
      t.bigInteger('user_id').notNullable();
      t.bigInteger('action_id').notNullable().references('id').inTable('actions').onDelete('CASCADE');
      t.string('location', 255).notNullable();
      t.bigInteger('count').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['site_id', 'user_id', 'action_id', 'location']);
    });
    await knex.raw('alter table member_counts add constraint member_counts_count_check check (count >= 0)');
  },
};
