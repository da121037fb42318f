import type { Migration } from '@laurel/service-kit';

/**
 * The Open Badges 3.0 REST API's OAuth 2.0 state (issue #11, open-badges-3.md
 * §4): clients registered by RFC 7591, authorization codes (short-lived,
 * single use, bound to a PKCE challenge) and access / refresh tokens. Client
 * secrets, codes and tokens are random 32-byte values, so only their SHA-256
 * is stored: the table leaks nothing usable. Members' OB 3.0 profiles and the
 * credentials pushed to them by upsert live here too.
 */
export const ob3Oauth: Migration = {
  name: '0005_ob3_oauth',
  async up(knex) {
    await knex.schema.createTable('ob3_clients', (t) => {
      t.string('client_id', 64).primary();
      t.binary('secret_hash').notNullable();
      t.jsonb('metadata').notNullable();
      t.specificType('redirect_uris', 'text[]').notNullable();
      t.text('scope').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.schema.createTable('ob3_codes', (t) => {
      t.binary('code_hash').primary();
      t.string('client_id', 64).notNullable().references('client_id').inTable('ob3_clients').onDelete('CASCADE');
      t.bigInteger('site_id').notNullable();
      t.bigInteger('user_id').notNullable();
      t.text('redirect_uri').notNullable();
      t.text('scope').notNullable();
      t.string('code_challenge', 128).notNullable();
      t.string('code_challenge_method', 8).notNullable();
      t.timestamp('expires_at', { useTz: true }).notNullable();
      t.timestamp('used_at', { useTz: true }).nullable();
    });
    await knex.schema.createTable('ob3_tokens', (t) => {
      t.binary('token_hash').primary();
      t.string('kind', 8).notNullable();
      // Every token descending from one authorization code: a refresh token used twice revokes them all.
      t.uuid('grant_id').notNullable().index('ob3_tokens_grant_idx');
      t.string('client_id', 64).notNullable().references('client_id').inTable('ob3_clients').onDelete('CASCADE');
      t.bigInteger('site_id').notNullable();
      t.bigInteger('user_id').notNullable();
      t.text('scope').notNullable();
      t.timestamp('expires_at', { useTz: true }).notNullable();
      t.timestamp('revoked_at', { useTz: true }).nullable();
      t.index(['site_id', 'user_id'], 'ob3_tokens_member_idx');
    });
    await knex.raw("alter table ob3_tokens add constraint ob3_tokens_kind_check check (kind in ('access', 'refresh'))");
    await knex.schema.createTable('ob3_profiles', (t) => {
      t.bigInteger('site_id').notNullable();
      t.bigInteger('user_id').notNullable();
      t.jsonb('profile').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['site_id', 'user_id']);
    });
    await knex.schema.createTable('ob3_external_credentials', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('site_id').notNullable();
      t.bigInteger('user_id').notNullable();
      t.text('credential_id').notNullable();
      t.text('credential').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.unique(['site_id', 'user_id', 'credential_id'], { indexName: 'ob3_external_credentials_key' });
    });
  },
};
