import type { Migration } from '@laurel/service-kit';

/**
 * Systems (sites). Slugs are unique case-insensitively and ignoring trailing
 * spaces (BadgeKit §2.2), enforced by an index on the normalised slug so that
 * two concurrent creates of one slug give one row and one conflict.
 */
export const systems: Migration = {
  name: '0001_systems',
  async up(knex) {
    await knex.schema.createTable('systems', (t) => {
      t.bigIncrements('id').primary();
      t.string('slug', 255).notNullable();
      t.string('name', 255).notNullable();
      t.string('url', 2083).notNullable();
      t.text('description');
      t.string('email', 255);
      t.text('image_url');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw('create unique index systems_slug_key on systems (lower(rtrim(slug)))');
  },
};
