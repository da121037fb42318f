import type { Migration } from '@laurel/service-kit';

/**
 * Pending milestone checks (badgekit-api.md §13.3): one row per direct award,
 * written in the award's own transaction, so a check can be late but never
 * lost. The milestone worker deletes a row once its check is done; a failed
 * check stays with its error and is retried with backoff. Awarding a
 * milestone badge is idempotent (`milestone:{milestoneId}:{email}`), so a
 * check that runs twice awards nothing twice.
 */
export const milestoneChecks: Migration = {
  name: '0004_milestone_checks',
  async up(knex) {
    await knex.schema.createTable('milestone_checks', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('site_id').notNullable();
      t.text('email').notNullable();
      // The badge just awarded: only milestones it supports can have been reached.
      t.bigInteger('badge_id').notNullable();
      // Origin of the triggering request, for the milestone award's webhook.
      t.text('public_origin');
      t.integer('attempts').notNullable().defaultTo(0);
      t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.text('last_error');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw('create index milestone_checks_due_idx on milestone_checks (next_attempt_at)');
  },
};
