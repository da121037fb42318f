import type { Migration } from '@laurel/service-kit';

/**
 * Everything else the catalog owns. Uniqueness follows BadgeKit §2.8 as
 * model.md amends it (case-insensitive, trailing spaces ignored):
 *  - issuer slugs per system, program slugs per issuer;
 *  - badge slugs per system (across its issuers and programs), not globally.
 * Deletes cascade or detach instead of leaving orphans (D-21): a system takes
 * everything with it; an issuer its programs, while its badges stay at system
 * level; a program's badges stay at issuer level.
 */
export const catalog: Migration = {
  name: '0002_catalog',
  async up(knex) {
    await knex.schema.createTable('images', (t) => {
      t.bigIncrements('id').primary();
      t.string('slug', 64).notNullable().unique();
      t.text('url');
      t.string('mime_type', 255);
      t.binary('data');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw(
      'alter table images add constraint images_source_check check ((url is not null) <> (data is not null))',
    );

    await knex.schema.alterTable('systems', (t) => {
      t.bigInteger('image_id').references('id').inTable('images').onDelete('SET NULL');
    });

    await knex.schema.createTable('issuers', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('system_id').notNullable().references('id').inTable('systems').onDelete('CASCADE');
      t.string('slug', 255).notNullable();
      t.string('name', 255).notNullable();
      t.string('url', 2083).notNullable();
      t.text('description');
      t.string('email', 255);
      t.bigInteger('image_id').references('id').inTable('images').onDelete('SET NULL');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw('create unique index issuers_slug_key on issuers (system_id, lower(rtrim(slug)))');

    await knex.schema.createTable('programs', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('issuer_id').notNullable().references('id').inTable('issuers').onDelete('CASCADE');
      t.string('slug', 255).notNullable();
      t.string('name', 255).notNullable();
      t.string('url', 2083).notNullable();
      t.text('description');
      t.string('email', 255);
      t.bigInteger('image_id').references('id').inTable('images').onDelete('SET NULL');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw('create unique index programs_slug_key on programs (issuer_id, lower(rtrim(slug)))');

    await knex.schema.createTable('badges', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('system_id').notNullable().references('id').inTable('systems').onDelete('CASCADE');
      t.bigInteger('issuer_id').references('id').inTable('issuers').onDelete('SET NULL');
      t.bigInteger('program_id').references('id').inTable('programs').onDelete('SET NULL');
      t.string('slug', 255).notNullable();
      t.string('name', 255).notNullable();
      t.string('strapline', 256);
      t.text('earner_description');
      t.text('consumer_description');
      t.string('issuer_url', 255);
      t.string('rubric_url', 255);
      t.bigInteger('time_value');
      t.string('time_units', 16);
      t.bigInteger('limit');
      t.boolean('unique').notNullable().defaultTo(true);
      t.string('type', 255);
      t.boolean('archived').notNullable().defaultTo(false);
      t.text('criteria_url');
      t.string('evidence_type', 16);
      t.boolean('published').notNullable().defaultTo(false);
      t.string('location', 255);
      t.string('origin', 16).notNullable().defaultTo('badgekit');
      t.bigInteger('image_id').references('id').inTable('images').onDelete('SET NULL');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw('create unique index badges_slug_key on badges (system_id, lower(rtrim(slug)))');
    await knex.raw('create index badges_issuer_idx on badges (issuer_id) where issuer_id is not null');
    await knex.raw('create index badges_program_idx on badges (program_id) where program_id is not null');

    await knex.schema.createTable('badge_criteria', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('badge_id').notNullable().references('id').inTable('badges').onDelete('CASCADE');
      t.text('description').notNullable();
      t.boolean('required').notNullable().defaultTo(true);
      t.text('note').notNullable().defaultTo('');
      t.integer('position').notNullable();
    });
    await knex.raw('create index badge_criteria_badge_idx on badge_criteria (badge_id, position)');

    await knex.schema.createTable('badge_alignments', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('badge_id').notNullable().references('id').inTable('badges').onDelete('CASCADE');
      t.string('name', 255).notNullable();
      t.text('url').notNullable();
      t.text('description').notNullable().defaultTo('');
      t.integer('position').notNullable();
    });
    await knex.raw('create index badge_alignments_badge_idx on badge_alignments (badge_id, position)');

    await knex.schema.createTable('badge_categories', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('badge_id').notNullable().references('id').inTable('badges').onDelete('CASCADE');
      t.string('value', 255).notNullable();
      t.unique(['badge_id', 'value']);
    });

    await knex.schema.createTable('badge_tags', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('badge_id').notNullable().references('id').inTable('badges').onDelete('CASCADE');
      t.string('value', 255).notNullable();
      t.unique(['badge_id', 'value']);
    });

    await knex.schema.createTable('milestones', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('system_id').notNullable().references('id').inTable('systems').onDelete('CASCADE');
      t.string('action', 32);
      t.bigInteger('number_required').notNullable();
      t.bigInteger('primary_badge_id').notNullable().references('id').inTable('badges').onDelete('CASCADE');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });

    await knex.schema.createTable('milestone_support_badges', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('milestone_id').notNullable().references('id').inTable('milestones').onDelete('CASCADE');
      t.bigInteger('badge_id').notNullable().references('id').inTable('badges').onDelete('CASCADE');
      t.unique(['milestone_id', 'badge_id']);
    });
    await knex.raw('create index milestone_support_badge_idx on milestone_support_badges (badge_id)');

    await knex.schema.createTable('webhooks', (t) => {
      t.bigInteger('system_id').primary().references('id').inTable('systems').onDelete('CASCADE');
      t.text('url').notNullable();
      t.text('secret').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
  },
};
