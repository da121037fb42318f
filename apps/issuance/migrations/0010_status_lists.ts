import type { Migration } from '@laurel/service-kit';

/**
 * Revocation by Bitstring Status List (open-badges-3.md §3).
 *
 * status_lists: each site's lists, 131,072 bits each (the least the 1EdTech
 * validator accepts), numbered per site; a new one opens when the current one
 * is full. `version` counts bit changes; the signed list credential is kept
 * with the version it shows, and re-signed when they differ. `url` and
 * `issuer_id` are fixed when the list opens: list URLs are permanent.
 *
 * status_entries: the index each award's credential got. The primary key
 * gives an award one index; the unique (list, index) never lets two awards
 * share one, and entries are never deleted, so no index is reused.
 */
export const statusLists: Migration = {
  name: '0010_status_lists',
  async up(knex) {
    await knex.schema.createTable('status_lists', (t) => {
      t.bigIncrements('id');
      t.bigInteger('site_id').notNullable();
      t.integer('number').notNullable();
      t.text('url').notNullable();
      t.text('issuer_id').notNullable();
      t.binary('bits').notNullable();
      t.integer('allocated').notNullable().defaultTo(0);
      t.bigInteger('version').notNullable().defaultTo(0);
      t.text('signed_credential');
      t.bigInteger('signed_version');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.unique(['site_id', 'number']);
    });
    await knex.schema.createTable('status_entries', (t) => {
      t.uuid('earned_badge_id').primary().references('id').inTable('earned_badges').onDelete('cascade');
      t.bigInteger('list_id').notNullable().references('id').inTable('status_lists');
      t.integer('index').notNullable();
      t.unique(['list_id', 'index']);
    });
  },
};
