/**
 * TokenStore.recordOutcome against a real PostgreSQL: concurrent v2 outcomes
 * are remembered by a shared statement (fewer commits than outcomes), every
 * one of them is there when its call resolves, a replay changes nothing, and
 * a row PostgreSQL refuses fails only its own call.
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
  db = createDatabase({ url: database.url, schema: 'gateway', poolMax: 4, applicationName: 'gateway-outcome-records-test' });
  await migrate(db, 'gateway', migrations);
  tokens = new TokenStore(db);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const recorded = (ids: string[]) => db('v2_outcomes').whereIn('event_id', ids).select('event_id', 'user_id', 'outcome_code', db.raw('xmin::text as xmin'));

describe('recording v2 outcomes', () => {
  it('remembers 40 concurrent outcomes, each before its call resolves, in fewer commits than outcomes', async () => {
    const ids = Array.from({ length: 40 }, () => randomUUID());
    await Promise.all(ids.map(async (id, n) => {
      await tokens.recordOutcome(id, '1', String(100 + n), 'read');
      expect(await recorded([id])).toHaveLength(1);
    }));
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
    const calls = [...good.map((id) => tokens.recordOutcome(id, '1', '9', 'read')), tokens.recordOutcome(randomUUID(), '1', '9', 'x'.repeat(65))];
    const settled = await Promise.allSettled(calls);
    expect(settled.slice(0, 5).every((s) => s.status === 'fulfilled')).toBe(true);
    expect(settled[5]?.status).toBe('rejected');
    expect(await recorded(good)).toHaveLength(5);
  });
});
