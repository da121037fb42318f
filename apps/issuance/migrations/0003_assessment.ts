import type { Migration } from '@laurel/service-kit';

/**
 * BadgeKit assessment (badgekit-api.md §11, §12): applications with their
 * evidence, and reviews with their items. An application copies its badge's
 * context when it is submitted, because the list filters use the copies
 * (§11.1); badges live in the catalog, so the ids are plain numbers here.
 * Children go with their parent (D-21): evidence with its application,
 * reviews and their items with theirs.
 */
export const assessment: Migration = {
  name: '0003_assessment',
  async up(knex) {
    await knex.schema.createTable('applications', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('site_id').notNullable();
      t.bigInteger('badge_id').notNullable();
      t.bigInteger('issuer_id');
      t.bigInteger('program_id');
      t.string('slug', 255).notNullable();
      t.text('learner').notNullable();
      t.text('assigned_to');
      t.timestamp('assigned_expiration', { useTz: true });
      t.timestamp('processed', { useTz: true });
      // A retried create returns the first application instead of a second one.
      t.text('idempotency_key');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw(
      'create unique index applications_key on applications (site_id, idempotency_key) where idempotency_key is not null',
    );
    await knex.raw('create unique index applications_slug_key on applications (badge_id, lower(slug))');
    // §11.2's order: badge, then creation.
    await knex.raw('create index applications_site_idx on applications (site_id, badge_id, created_at, id)');
    await knex.raw('create index applications_issuer_idx on applications (issuer_id) where issuer_id is not null');
    await knex.raw('create index applications_program_idx on applications (program_id) where program_id is not null');

    await knex.schema.createTable('application_evidence', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('application_id').notNullable().references('id').inTable('applications').onDelete('CASCADE');
      t.text('url');
      t.string('media_type', 8);
      t.text('reflection');
    });
    await knex.raw(
      "alter table application_evidence add constraint application_evidence_media_type_check check (media_type in ('image', 'link'))",
    );
    await knex.raw('create index application_evidence_parent_idx on application_evidence (application_id, id)');

    await knex.schema.createTable('reviews', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('application_id').notNullable().references('id').inTable('applications').onDelete('CASCADE');
      t.string('slug', 255).notNullable();
      t.text('author').notNullable();
      t.text('comment');
      t.text('idempotency_key');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw(
      'create unique index reviews_key on reviews (application_id, idempotency_key) where idempotency_key is not null',
    );
    await knex.raw('create unique index reviews_slug_key on reviews (application_id, lower(slug))');

    await knex.schema.createTable('review_items', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('review_id').notNullable().references('id').inTable('reviews').onDelete('CASCADE');
      t.bigInteger('criterion_id').notNullable();
      t.boolean('satisfied').notNullable();
      t.text('comment');
      // `satisfied` as the client sent it (JSON text), which `approved` reads with BadgeKit's loose rule (§14.4).
      t.text('satisfied_as_sent');
    });
    await knex.raw('create index review_items_parent_idx on review_items (review_id, id)');
  },
};
