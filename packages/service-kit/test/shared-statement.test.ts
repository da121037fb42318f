/**
 * sharedStatement against a real PostgreSQL: items submitted while a
 * statement is in flight share the next one, each answered with its own
 * result; a statement PostgreSQL refuses is run again item by item so that
 * only the item at fault fails; any other failure fails the whole statement's
 * items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '@laurel/testkit';
import { createDatabase, preparedQuery, type Knex } from '../src/db/database.js';
import { sharedStatement } from '../src/db/shared-statement.js';

/** The end of this turn of the event loop: what was submitted in it is in flight, later items wait for the next statement. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

let database: TestDatabase;
let db: Knex;

beforeAll(async () => {
  database = await freshDatabase('kit-shared-statement');
  db = createDatabase({ url: database.url, schema: 'kit', poolMax: 3, applicationName: 'kit-shared-statement-test' });
  await db.raw('create schema if not exists kit');
  await db.raw('create table kit.names (id serial primary key, name varchar(5) not null)');
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

/** Inserts the names in one statement, answering each one's id and the transaction that wrote it. */
const statements: string[][] = [];
const insertNames = async (names: readonly string[]) => {
  statements.push([...names]);
  const rows = await preparedQuery<{ id: number; xmin: string; position: string }>(
    db,
    'kit-test.insert-names',
    `with input as (select * from unnest($1::text[]) with ordinality as input(name, position)),
          inserted as (insert into kit.names (name) select name from input order by position returning id, name, xmin::text as xmin)
     select inserted.id, inserted.xmin, input.position from inserted join input using (name) order by input.position`,
    [names],
  );
  return names.map((_, i) => rows.find((row) => Number(row.position) === i + 1));
};

describe('sharedStatement', () => {
  it('writes what arrives while a statement is in flight in one statement, each answered with its own row', async () => {
    statements.length = 0;
    const insert = sharedStatement(insertNames);
    const names = ['a0', 'b1', 'c2', 'd3', 'e4', 'f5', 'g6'];
    const first = insert('a0');
    await turn();
    const rows = await Promise.all([first, ...names.slice(1).map((name) => insert(name))]);
    expect(statements).toEqual([['a0'], names.slice(1)]);
    const stored = await db('kit.names')
      .whereIn(
        'id',
        rows.map((row) => row?.id ?? 0),
      )
      .select('id', 'name');
    expect(new Map(stored.map((row: { id: number; name: string }) => [row.id, row.name]))).toEqual(
      new Map(rows.map((row, i) => [row?.id, names[i]])),
    );
    expect(new Set(rows.slice(1).map((row) => row?.xmin)).size).toBe(1);
  });

  it('fails only the item PostgreSQL refuses, and writes the others', async () => {
    const insert = sharedStatement(insertNames);
    const names = ['h7', 'i8', 'too-long', 'j9'];
    const settled = await Promise.allSettled(names.map((name) => insert(name)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await db('kit.names').whereIn('name', names).pluck('name')).toEqual(
      expect.arrayContaining(['h7', 'i8', 'j9']),
    );
    expect(await db('kit.names').where({ name: 'too-long' })).toEqual([]);
  });

  it('fails every item of a statement that failed otherwise, as each would have failed alone', async () => {
    let calls = 0;
    const broken = sharedStatement(async (items: readonly number[]) => {
      calls += 1;
      if (items.length > 1) throw new Error('connection lost (the statement may have committed)');
      return items.map((n) => n * 2);
    });
    const first = broken(1);
    await turn();
    const settled = await Promise.allSettled([first, ...[2, 3, 4].map((n) => broken(n))]);
    expect(settled[0]).toEqual({ status: 'fulfilled', value: 2 });
    settled.slice(1).forEach((s) =>
      expect(s).toMatchObject({
        status: 'rejected',
        reason: { message: expect.stringContaining('connection lost') },
      }),
    );
    expect(calls).toBe(2);
  });
});
