import type { Migration } from '@laurel/service-kit';

/**
 * Open Badges 3.0 signing (open-badges-3.md §6, §1).
 *
 * issuer_keys: each site's Ed25519 key pairs, numbered by generation. The
 * private key is never stored in plain text, only sealed under
 * CREDENTIAL_KEY_ENCRYPTION_KEY. The newest generation whose signs_from has
 * come signs; a rotation adds the next generation with signs_from in the
 * future, so that it is published (listed in the issuer Profile) before it
 * signs. Unique (site, generation): two concurrent first uses end with one
 * key, two concurrent rotations with one new key. Older keys stay, so that
 * credentials they signed keep verifying.
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
      t.integer('generation').notNullable();
      t.timestamp('signs_from', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.unique(['site_id', 'generation']);
    });
    await knex.schema.createTable('signed_credentials', (t) => {
      t.uuid('earned_badge_id').primary().references('id').inTable('earned_badges').onDelete('cascade');
      t.bigInteger('issuer_key_id').notNullable().references('id').inTable('issuer_keys');
      t.text('credential').notNullable();
      t.timestamp('signed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
  },
};
