import type { Migration } from '@laurel/service-kit';

/**
 * Each award's Open Badges 2.0 recipient salt (the assertion's
 * `recipient.salt`): an unsalted SHA-256 of an email is reversed by hashing
 * guessed addresses, a per-award random salt is not. It is stored rather
 * than derived from a server secret so that an assertion stays the same
 * document for as long as it exists, whatever secret rotation happens, and
 * nobody has to reason about which secret produced which hash. The default
 * is volatile, so existing rows each get their own salt when the column is
 * added and new awards get one without the insert naming it.
 */
export const recipientSalt: Migration = {
  name: '0006_recipient_salt',
  async up(knex) {
    await knex.raw(
      "alter table earned_badges add column recipient_salt text not null default replace(gen_random_uuid()::text, '-', '')",
    );
  },
};
