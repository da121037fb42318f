import type { Migration } from '@laurel/service-kit';

/**
 * The catalog's change version: one number that every write to any catalog
 * table raises, in the writing transaction itself. It is what the catalog
 * publishes for other services' read-through caches (service-kit
 * grpc/read-through.ts): a reader that finds the version it cached an answer
 * under knows no write committed since, so it may answer without a gRPC hop,
 * and a write is seen by the very next read on every replica. Readers call
 * `catalog.change_version()` and nothing else of this schema.
 *
 * A statement-level trigger per table raises it once per statement (also for
 * a statement that matched no row: a needless refetch, never a stale answer).
 * Concurrent catalog writes queue on the one row until commit; catalog writes
 * are rare beside the reads this saves. A table added later needs the
 * trigger too: CATALOG_TABLES below, and the test that checks every table has it.
 */
export const CATALOG_TABLES = [
  'systems',
  'images',
  'issuers',
  'programs',
  'badges',
  'badge_criteria',
  'badge_alignments',
  'badge_categories',
  'badge_tags',
  'milestones',
  'milestone_support_badges',
  'webhooks',
] as const;

export const changeVersion: Migration = {
  name: '0004_change_version',
  async up(knex) {
    await knex.raw(`create table change_version (
      single boolean primary key default true check (single),
      version bigint not null default 0)`);
    await knex.raw('insert into change_version default values');
    // Schema-qualified at creation (current_schema() is the catalog's while migrating), so that
    // readers with another search_path reach this table.
    const schema = (await knex.raw<{ rows: { schema: string }[] }>('select current_schema() as schema')).rows[0]
      ?.schema;
    if (!schema) throw new Error('no current schema');
    const q = (name: string) => `"${schema.replaceAll('"', '""')}".${name}`;
    await knex.raw(`create function ${q('bump_change_version')}() returns trigger language plpgsql as $$
      begin
        update ${q('change_version')} set version = version + 1;
        return null;
      end $$`);
    await knex.raw(`create function ${q('change_version')}() returns text language sql stable as $$
      select version::text from ${q('change_version')} $$`);
    for (const table of CATALOG_TABLES) {
      await knex.raw(`create trigger ${table}_change_version after insert or update or delete or truncate on ${table}
        for each statement execute function ${q('bump_change_version')}()`);
    }
  },
};
