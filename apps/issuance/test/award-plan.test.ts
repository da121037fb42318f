/**
 * The statement that inserts awards reads a bounded number of rows whatever the
 * table holds (issue 10: a claim's or an award's cost must not grow with the
 * awards stored). Read from PostgreSQL's own plan, executed: with statistics
 * taken while the table was small (a plan prepared then is kept by its
 * connection) and thousands of awards stored since, a batch of awards that ask
 * "refuse if held" must probe the held-by indexes once per award, never read
 * every held award of the table once per statement (what a hashed `not exists`
 * subplan did). And the store's connections plan every execution of a
 * prepared statement for the table as it is (createDatabase).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrate, type Knex } from '@laurel/service-kit';
import { freshDatabase, type TestDatabase } from '@laurel/testkit';
import { migrations } from '../migrations/index.js';
import { INSERT_AWARDS_STATEMENT } from '../src/store/earned-badges.js';

let database: TestDatabase;
let db: Knex;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}
interface PlanConnection {
  query(
    text: string | { text: string; values: unknown[] },
  ): Promise<{ rows: { 'QUERY PLAN': { Plan: PlanNode }[] }[] }>;
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

const STORED = 4000;
const BATCH = 60;

beforeAll(async () => {
  database = await freshDatabase('issuance-award-plan');
  db = createDatabase({
    url: database.url,
    schema: 'issuance',
    poolMax: 2,
    applicationName: 'issuance-award-plan-test',
  });
  await migrate(db, 'issuance', migrations);
  const store = (from: number, to: number) =>
    db.raw(
      `insert into earned_badges (site_id, badge_id, email, user_id, uid, channel, idempotency_key, badge_unique, issued_on)
     select 1, 7, 'held-' || g || '@example.org', g, 'uid' || g, 'direct', 'key-' || g, true, now() from generate_series(?::int, ?::int) g`,
      [from, to],
    );
  // Statistics of a small table, kept while it grows (as between two autovacuum analyses).
  await db.raw('alter table earned_badges set (autovacuum_enabled = false)');
  await store(1, 20);
  await db.raw('analyze earned_badges');
  await store(21, STORED);
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('the statement that inserts awards', () => {
  it(`probes the held-by indexes once per award, reading no more rows than awards in a batch of ${BATCH} with ${STORED} awards stored`, async () => {
    const ids = Array.from({ length: BATCH }, () => randomUUID());
    const each = <T>(value: (i: number) => T) => ids.map((_, i) => value(i));
    const values = [
      ids,
      each(() => '1'),
      each(() => '7'),
      each((i) => String(100_000 + i)),
      each((i) => `new-${i}@example.org`),
      each((i) => `new-uid-${i}`),
      each(() => 'direct'),
      each((i) => `new-key-${i}`),
      each(() => true),
      each(() => new Date()),
      each(() => null),
      each(() => null),
      each(() => null),
      each(() => 'topic'),
      each(() => 'key'),
      each(() => Buffer.from('{}')),
      each(() => '{}'),
      each(() => true),
      each((i) => String(100_000 + i)),
    ];
    // EXPLAIN ANALYZE runs the insert: in a transaction rolled back, on a connection of its own.
    const pool = db.client as {
      acquireConnection(): Promise<PlanConnection>;
      releaseConnection(connection: PlanConnection): Promise<void>;
    };
    const connection = await pool.acquireConnection();
    let plan: PlanNode | undefined;
    try {
      await connection.query('begin');
      const { rows } = await connection.query({
        text: `explain (analyze, format json) ${INSERT_AWARDS_STATEMENT}`,
        values,
      });
      plan = rows[0]?.['QUERY PLAN'][0]?.Plan;
    } finally {
      await connection.query('rollback');
      await pool.releaseConnection(connection);
    }
    const scans = nodesOf(plan ?? { 'Node Type': 'none' }).filter(
      (node) => node['Relation Name'] === 'earned_badges' && node['Node Type'] !== 'ModifyTable',
    );
    expect(scans.length).toBeGreaterThan(0);
    const rowsRead = scans.reduce((sum, node) => sum + (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1), 0);
    expect(rowsRead).toBeLessThanOrEqual(BATCH);
    expect(scans.filter((node) => node['Subplan Name']?.startsWith('hashed'))).toEqual([]);
  });
});

describe('a connection of the store', () => {
  // A generic plan is made once per connection, from the statistics of that moment: in peer-routes, one
  // made while earned_badges was empty probed "held by email" through the badge's index and read all of
  // the badge's awards for every award (PostgreSQL 5.9 ms an award after 7,000 claims of the badge).
  it('plans every execution of a prepared statement for the table as it is now', async () => {
    const pool = createDatabase({
      url: database.url,
      schema: 'issuance',
      poolMax: 1,
      applicationName: 'issuance-award-plan-store',
    });
    try {
      const { rows } = await pool.raw<{ rows: { plan_cache_mode: string }[] }>('show plan_cache_mode');
      expect(rows).toEqual([{ plan_cache_mode: 'force_custom_plan' }]);
    } finally {
      await pool.destroy();
    }
  });
});
