import type { Migration } from '@laurel/service-kit';

/**
 * Open Badges 3.0 signing (open-badges-3.md §6, §1).
 *
 * issuer_keys: each site's Ed25519 key pairs. The private key is never stored
 * in plain text, only sealed under CREDENTIAL_KEY_ENCRYPTION_KEY. One key per
 * site signs at a time (retired_at is null): a partial unique index, so two
 * concurrent first uses end with one key whatever the callers do. Retired
 * keys stay, so that credentials they signed keep verifying.
 *
 * signed_credentials: the credential of an award, signed once and kept
 * byte for byte, so that every fetch answers the same document (its salted
 * identity hash included) and no request signs twice. The primary key makes
 * concurrent first fetches keep one.
 */
export const credentials: Migration = {
  name: '0009_credentials',
  async up(knex) {
    await knex.schema.createTable('issuer_keys', (t) => {
      t.bigIncrements('id');
      t.bigInteger('site_id').notNullable();
      t.text('public_key_multibase').notNullable().unique();
      t.text('sealed_secret_key').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('retired_at', { useTz: true });
    });
    await knex.raw('create unique index issuer_keys_signing_key on issuer_keys (site_id) where retired_at is null');
    await knex.schema.createTable('signed_credentials', (t) => {
      t.uuid('earned_badge_id').primary().references('id').inTable('earned_badges').onDelete('cascade');
      t.bigInteger('issuer_key_id').notNullable().references('id').inTable('issuer_keys');
      t.text('credential').notNullable();
      t.timestamp('signed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
  },
};
