import type { Migration } from '@laurel/service-kit';

/**
 * Login tokens shared by the KickApps and v2 families (kickapps-requirements.md
 * §5.3, v2-badge-api.md §4.2). Only a token's SHA-256 is stored, so the table
 * leaks no usable token. Failed logins are kept per site and login name to
 * refuse guessing (v2 -38). v2 outcomes are remembered by their event id (the
 * v2 refId) for BadgeAssignment.
 */
export const loginTokens: Migration = {
  name: '0003_login_tokens',
  async up(knex) {
    await knex.schema.createTable('login_tokens', (t) => {
      t.binary('token_hash').primary();
      t.bigInteger('site_id').notNullable();
      t.bigInteger('user_id').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('expires_at', { useTz: true }).notNullable();
      t.timestamp('revoked_at', { useTz: true }).nullable();
      t.index(['site_id', 'user_id'], 'login_tokens_member_idx');
    });
    await knex.schema.createTable('login_failures', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('site_id').notNullable();
      t.string('login', 255).notNullable();
      t.timestamp('failed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw('create index login_failures_login_idx on login_failures (site_id, lower(login), failed_at)');
    await knex.schema.createTable('v2_outcomes', (t) => {
      t.uuid('event_id').primary();
      t.bigInteger('site_id').notNullable();
      t.bigInteger('user_id').notNullable();
      t.string('outcome_code', 64).notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
  },
};
