/**
 * MemberStore.userIdByEmail against a real PostgreSQL: look-ups made while
 * another is in flight share one statement, each is answered with its own
 * member (site and email, compared case-insensitively), and a value
 * PostgreSQL refuses fails only its own look-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrate, type Knex } from '@laurel/service-kit';
import { freshDatabase, type TestDatabase } from '@laurel/testkit';
import { migrations } from '../migrations/index.js';
import { MemberStore } from '../src/store/members.js';

let database: TestDatabase;
let db: Knex;
let members: MemberStore;
/** Connections taken from the pool: one per statement the store sends. */
let statements = 0;

beforeAll(async () => {
  database = await freshDatabase('gateway-member-lookups');
  db = createDatabase({
    url: database.url,
    schema: 'gateway',
    poolMax: 4,
    applicationName: 'gateway-member-lookups-test',
  });
  await migrate(db, 'gateway', migrations);
  members = new MemberStore(db);
  for (const site of ['1', '2']) {
    const result = await members.createAll(
      site,
      Array.from({ length: 20 }, (_, i) => ({
        username: `m${i}`,
        email: `member${i}@site${site}.example.org`,
        role: 'MEMBER' as const,
      })),
    );
    expect(result).toHaveProperty('created');
  }
  // knex types its client `any`; the test counts the connections a call takes from the pool.
  const pool = db.client as { acquireConnection: () => Promise<unknown> };
  const acquire = pool.acquireConnection.bind(pool);
  pool.acquireConnection = () => {
    statements += 1;
    return acquire();
  };
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe("a member's userId by email", () => {
  it('answers 60 concurrent look-ups, each with its own site’s member or none, in fewer statements than look-ups', async () => {
    const before = statements;
    const asked = Array.from({ length: 60 }, (_, i) => ({ site: i % 3 === 2 ? '2' : '1', n: i % 25 }));
    const answers = await Promise.all(
      asked.map(({ site, n }) => members.userIdByEmail(site, `MEMBER${n}@Site1.example.org`)),
    );
    answers.forEach((answer, i) => {
      const { site, n } = asked[i] ?? { site: '', n: -1 };
      // Only site 1's members have site1 addresses; members 20-24 do not exist; userIds start at 1.
      expect(answer).toBe(site === '1' && n < 20 ? String(n + 1) : undefined);
    });
    expect(statements - before).toBeLessThan(10);
  });

  it('fails only the look-up PostgreSQL refuses, when it shares a statement with others', async () => {
    const settled = await Promise.allSettled(
      ['member1@site2.example.org', 'nul\u0000@example.org', 'member2@site2.example.org', 'none@example.org'].map(
        (email) => members.userIdByEmail('2', email),
      ),
    );
    expect(settled[0]).toEqual({ status: 'fulfilled', value: '2' });
    expect(settled[1]).toMatchObject({ status: 'rejected', reason: { reason: 'ValidationError' } });
    expect(settled[2]).toEqual({ status: 'fulfilled', value: '3' });
    expect(settled[3]).toEqual({ status: 'fulfilled', value: undefined });
  });
});
