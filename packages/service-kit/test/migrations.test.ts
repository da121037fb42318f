/**
 * Migrations against a real PostgreSQL: replicas that start together migrate
 * once, each schema keeps its own history, and a failed migration stops start-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '@laurel/testkit';
import { createDatabase, type Knex } from '../src/db/database.js';
import { migrate, type Migration } from '../src/db/migrations.js';

let database: TestDatabase;
const open: Knex[] = [];
const connect = (schema: string) => {
  const db = createDatabase({ url: database.url, schema, poolMax: 3, applicationName: 'migrations-test' });
  open.push(db);
  return db;
};

beforeAll(async () => {
  database = await freshDatabase('kit-migrations');
});
afterAll(async () => {
  await Promise.all(open.map((db) => db.destroy()));
  await database.drop();
});

describe('migrate', () => {
  it('runs once when several replicas start at the same moment', async () => {
    let runs = 0;
    const slow: Migration = {
      name: '0001_slow',
      async up(knex) {
        runs += 1;
        await knex.raw('select pg_sleep(0.3)');
        await knex.schema.createTable('things', (t) => t.increments('id'));
      },
    };
    const results = await Promise.all([1, 2, 3].map(() => migrate(connect('replicas'), 'replicas', [slow])));
    expect(runs).toBe(1);
    expect(results.map((applied) => applied.length).sort()).toEqual([0, 0, 1]);
    const tables = await connect('replicas').raw<{ rows: { table_name: string }[] }>(
      "select table_name from information_schema.tables where table_schema = 'replicas' order by 1",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(['knex_migrations', 'knex_migrations_lock', 'things']);
  });

  it('keeps each schema to itself', async () => {
    const create = (name: string): Migration => ({
      name: '0001_t',
      up: (knex) => knex.schema.createTable(name, (t) => t.increments('id')),
    });
    await migrate(connect('alpha'), 'alpha', [create('a_table')]);
    await migrate(connect('beta'), 'beta', [create('b_table')]);
    expect(await connect('alpha').schema.hasTable('a_table')).toBe(true);
    expect(await connect('alpha').schema.hasTable('b_table')).toBe(false);
  });

  it('fails loudly and applies nothing of a failed migration', async () => {
    const broken: Migration = {
      name: '0001_broken',
      async up(knex) {
        await knex.schema.createTable('half', (t) => t.increments('id'));
        await knex.raw('select * from no_such_table');
      },
    };
    await expect(migrate(connect('broken'), 'broken', [broken])).rejects.toThrow(/no_such_table/);
    expect(await connect('broken').schema.hasTable('half')).toBe(false);
  });

  it('refuses duplicate migration names', async () => {
    const m: Migration = { name: 'same', up: () => Promise.resolve() };
    await expect(migrate(connect('dupes'), 'dupes', [m, m])).rejects.toThrow(/duplicate/);
  });
});
