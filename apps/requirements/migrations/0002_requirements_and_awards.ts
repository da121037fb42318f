import type { Migration } from '@laurel/service-kit';

/**
 * Requirements (one per badge + action + location, a constraint rather than a
 * check, architecture.md "Storage"), KickApps user actions, and the awards
 * evaluation found due.
 *
 * due_awards is the evaluation state: a row is written in the same
 * transaction as the counts or the requirement change that made the member
 * qualify, so a crash cannot lose it; the award worker then calls issuance
 * until it answers (the idempotency key makes repeats harmless). A row stays
 * after it is awarded, so the same qualification is never queued again.
 */
export const requirementsAndAwards: Migration = {
  name: '0002_requirements_and_awards',
  async up(knex) {
    await knex.schema.createTable('requirements', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('site_id').notNullable();
      t.bigInteger('badge_id').notNullable();
      // A requirement keeps its action alive: DeleteAction is refused while one uses it (KickApps 117).
      t.bigInteger('action_id').notNullable().references('id').inTable('actions').onDelete('RESTRICT');
      t.string('location', 255).notNullable();
      t.bigInteger('quantity').notNullable();
      t.boolean('published').notNullable().defaultTo(false);
      t.string('idempotency_key', 255).nullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.unique(['badge_id', 'action_id', 'location'], { indexName: 'requirements_badge_action_location_key' });
      t.unique(['site_id', 'idempotency_key'], { indexName: 'requirements_idempotency_key' });
    });
    await knex.raw('alter table requirements add constraint requirements_quantity_check check (quantity >= 1)');
    // Evaluation starts from the requirements an outcome's (action, location) can satisfy.
    await knex.raw(
      'create index requirements_action_location_idx on requirements (action_id, location) where published',
    );

    // Re-evaluation scans the members whose count for one (action, location) reaches a quantity.
    await knex.raw('create index member_counts_action_location_idx on member_counts (action_id, location, count)');

    await knex.schema.createTable('user_actions', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('site_id').notNullable();
      t.bigInteger('user_id').notNullable();
      t.bigInteger('action_id').notNullable().references('id').inTable('actions').onDelete('CASCADE');
      t.string('location', 255).notNullable();
      t.bigInteger('quantity').notNullable();
      t.bigInteger('count_after').notNullable();
      t.string('idempotency_key', 255).notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.unique(['site_id', 'idempotency_key'], { indexName: 'user_actions_idempotency_key' });
    });

    await knex.schema.createTable('due_awards', (t) => {
      t.bigInteger('badge_id').notNullable();
      t.bigInteger('user_id').notNullable();
      t.bigInteger('site_id').notNullable();
      // pending: to be awarded; awarded: issuance answered.
      t.string('state', 16).notNullable().defaultTo('pending');
      t.integer('attempts').notNullable().defaultTo(0);
      t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.text('last_error').nullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('awarded_at', { useTz: true }).nullable();
      t.primary(['badge_id', 'user_id']);
    });
    await knex.raw("create index due_awards_pending_idx on due_awards (next_attempt_at) where state = 'pending'");
  },
};
