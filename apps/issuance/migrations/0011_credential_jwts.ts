import type { Migration } from '@laurel/service-kit';

/**
 * Open Badges 3.0 as VC-JWT (open-badges-3.md §2: RS256; the validator
 * takes RS256 or ES256, not EdDSA, so the Ed25519 keys of issuer_keys cannot
 * sign it).
 *
 * issuer_rsa_keys: each site's RSA key pair. A table of its own rather than
 * a kind column on issuer_keys: the public key is a JWK named by its
 * thumbprint, not a Multikey, and the Ed25519 rotation (generations,
 * signs_from) does not apply to it. The private key (PKCS#8) is sealed under
 * CREDENTIAL_KEY_ENCRYPTION_KEY like the Ed25519 ones. Unique site: two
 * concurrent first uses end with one key.
 *
 * signed_credential_jwts: an award's JWS, signed once and kept, like
 * signed_credentials, so every fetch answers the same token.
 */
export const credentialJwts: Migration = {
  name: '0011_credential_jwts',
  async up(knex) {
    await knex.schema.createTable('issuer_rsa_keys', (t) => {
      t.bigIncrements('id');
      t.bigInteger('site_id').notNullable().unique();
      t.text('thumbprint').notNullable().unique();
      t.text('public_jwk').notNullable();
      t.text('sealed_private_key').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.schema.createTable('signed_credential_jwts', (t) => {
      t.uuid('earned_badge_id').primary().references('id').inTable('earned_badges').onDelete('cascade');
      t.bigInteger('issuer_rsa_key_id').notNullable().references('id').inTable('issuer_rsa_keys');
      t.text('jwt').notNullable();
      t.timestamp('signed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
  },
};
