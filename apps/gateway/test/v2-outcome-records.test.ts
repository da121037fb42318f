/**
 * TokenStore.recordOutcome against a real PostgreSQL: concurrent v2 outcomes
 * are remembered by a shared statement (fewer commits than outcomes), every
 * one of them is there when its call resolves, a replay changes nothing, and
 * a row PostgreSQL refuses fails only its own call. TokenStore.check: concurrent
 * checks of login tokens share a statement, each answered as it would be alone.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrate, type Knex } from '@laurel/service-kit';
import { freshDatabase, type TestDatabase } from '@laurel/testkit';
import { migrations } from '../migrations/index.js';
import { TokenStore } from '../src/store/tokens.js';

let database: TestDatabase;
let db: Knex;
let tokens: TokenStore;

beforeAll(async () => {
  database = await freshDatabase('gateway-outcome-records');
  db = createDatabase({
    url: database.url,
    schema: 'gateway',
    poolMax: 4,
    applicationName: 'gateway-outcome-records-test',
  });
  await migrate(db, 'gateway', migrations);
  tokens = new TokenStore(db);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const recorded = (ids: string[]) =>
  db('v2_outcomes')
    .whereIn('event_id', ids)
    .select<{ event_id: string; user_id: string; outcome_code: string; xmin: string }[]>(
      'event_id',
      'user_id',
      'outcome_code',
      db.raw('xmin::text as xmin'),
    );

describe('recording v2 outcomes', () => {
  it('remembers 40 concurrent outcomes, each before its call resolves, in fewer commits than outcomes', async () => {
    const ids = Array.from({ length: 40 }, () => randomUUID());
    await Promise.all(
      ids.map(async (id, n) => {
        await tokens.recordOutcome(id, '1', String(100 + n), 'read');
        expect(await recorded([id])).toHaveLength(1);
      }),
    );
    const rows = await recorded(ids);
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.xmin)).size).toBeLessThan(40);
  });

  it('changes nothing on a replay, also within one batch', async () => {
    const id = randomUUID();
    await Promise.all([tokens.recordOutcome(id, '1', '7', 'read'), tokens.recordOutcome(id, '1', '7', 'read')]);
    await tokens.recordOutcome(id, '1', '8', 'write');
    expect(await recorded([id])).toMatchObject([{ user_id: '7', outcome_code: 'read' }]);
  });

  it('fails only the outcome PostgreSQL refuses, not the others sharing its statement', async () => {
    const good = Array.from({ length: 5 }, () => randomUUID());
    const calls = [
      ...good.map((id) => tokens.recordOutcome(id, '1', '9', 'read')),
      tokens.recordOutcome(randomUUID(), '1', '9', 'x'.repeat(65)),
    ];
    const settled = await Promise.allSettled(calls);
    expect(settled.slice(0, 5).every((s) => s.status === 'fulfilled')).toBe(true);
    expect(settled[5]?.status).toBe('rejected');
    expect(await recorded(good)).toHaveLength(5);
  });
});

describe('checking login tokens', () => {
  it('answers 30 concurrent checks each as alone (valid, unknown, expired, revoked, another site), in fewer statements than checks', async () => {
    await db('members').insert([
      { site_id: 1, user_id: 501, username: 'ada', email: 'ada@example.org' },
      { site_id: 1, user_id: 502, username: 'bob', email: 'bob@example.org', role: 'EDITOR' },
    ]);
    const ada = await tokens.issue('1', '501');
    const bob = await tokens.issue('1', '502');
    const expired = await new TokenStore(db, -1000).issue('1', '501');
    const revoked = await tokens.issue('1', '502');
    await tokens.revoke(revoked);
    const asked: [string, string | undefined][] = [
      [ada, undefined],
      [bob, '1'],
      ['no-such-token', undefined],
      [expired, undefined],
      [revoked, undefined],
      [ada, '2'],
    ];
    const expected = [
      {
        state: 'valid',
        member: { siteId: '1', userId: '501', username: 'ada', email: 'ada@example.org', role: 'MEMBER' },
      },
      { state: 'valid', member: { siteId: '1', userId: '502', username: 'bob', role: 'EDITOR' } },
      { state: 'unknown' },
      { state: 'expired' },
      { state: 'unknown' },
      { state: 'unknown' },
    ];
    let statements = 0;
    // knex types its client `any`; the test counts the connections a call takes from the pool.
    const pool = db.client as { acquireConnection: () => Promise<unknown> };
    const acquire = pool.acquireConnection.bind(pool);
    pool.acquireConnection = () => ((statements += 1), acquire());
    try {
      const checks = await Promise.all(
        Array.from({ length: 30 }, (_, i) => tokens.check(...(asked[i % asked.length] ?? ['', undefined]))),
      );
      checks.forEach((check, i) => expect(check).toMatchObject(expected[i % expected.length] ?? {}));
      expect(statements).toBeLessThan(10);
    } finally {
      pool.acquireConnection = acquire;
    }
  });
});
