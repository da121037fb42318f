/**
 * Migration 0003 moves a multi-use code's latest claimant from the code's row
 * to its claims. Codes claimed before it must show what they showed: the
 * email the last claim wrote on the code, also when that claim was a repeat
 * of an earlier email (spelled otherwise) or a claim without an email.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrate, type Knex } from '@laurel/service-kit';
import { freshDatabase, type TestDatabase } from '@laurel/testkit';
import { migrations } from '../migrations/index.js';
import { ClaimCodeStore } from '../src/store/claim-codes.js';
import { ClaimStore } from '../src/store/claims.js';

const SCHEMA = 'claim_codes';
let database: TestDatabase;
let db: Knex;
const SITE = '1';
const BADGE = '2';

/** A code as the claims before 0003 left it: its claims, and the last claimant written on the code. */
async function legacyCode(code: string, multiuse: boolean, claimants: string[], shown: string | null): Promise<void> {
  const [row] = await db('claim_codes')
    .insert({ site_id: SITE, badge_id: BADGE, code, claimed: true, email: shown, multiuse })
    .returning<{ id: string }[]>('id');
  for (const email of claimants) {
    await db('claims').insert({
      claim_code_id: row?.id,
      single_use: !multiuse,
      site_id: SITE,
      badge_id: BADGE,
      code,
      email,
      state: 'awarded',
      next_attempt_at: db.fn.now(),
    });
  }
}

const shownEmail = async (code: string) =>
  (await new ClaimCodeStore(db).find({ siteId: SITE, badgeId: BADGE, code }))?.email;

beforeAll(async () => {
  database = await freshDatabase('latest-claimant');
  db = createDatabase({ url: database.url, schema: SCHEMA, poolMax: 2, applicationName: 'latest-claimant-test' });
  await migrate(
    db,
    SCHEMA,
    migrations.filter((m) => m.name < '0003'),
  );
  await legacyCode('plain', true, ['a@example.org', 'b@example.org'], 'b@example.org');
  await legacyCode('repeated', true, ['a@example.org', 'b@example.org'], 'A@Example.org');
  await legacyCode('bodiless', true, ['a@example.org'], null);
  await legacyCode('single', false, ['s@example.org'], 'S@example.org');
  await db('claim_codes').insert({
    site_id: SITE,
    badge_id: BADGE,
    code: 'preset',
    claimed: false,
    email: 'preset@example.org',
    multiuse: true,
  });
  await migrate(db, SCHEMA, migrations);
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('migration 0003', () => {
  it('keeps the email every code showed', async () => {
    expect(await shownEmail('plain')).toBe('b@example.org');
    expect(await shownEmail('repeated')).toBe('A@Example.org');
    expect(await shownEmail('bodiless')).toBeNull();
    expect(await shownEmail('single')).toBe('S@example.org');
    expect(await shownEmail('preset')).toBe('preset@example.org');
  });

  it('lets the next claim of a migrated code become its latest claimant', async () => {
    const claims = new ClaimStore(db);
    const details = {
      user_id: null,
      request_key: null,
      uid: null,
      issued_on: null,
      expires: null,
      comment: null,
      public_origin: null,
    };
    await claims.claimMultiUse(
      { siteId: SITE, badgeId: BADGE, code: 'repeated' },
      { ...details, email: 'c@example.org', state: 'pending' },
    );
    expect(await shownEmail('repeated')).toBe('c@example.org');
    await claims.claimMultiUse(
      { siteId: SITE, badgeId: BADGE, code: 'bodiless' },
      { ...details, email: 'a@example.org', state: 'pending' },
    );
    const [code] = await db<{ id: string; code: string }>('claim_codes').where({ code: 'bodiless' }).select('id');
    await claims.repeat(String(code?.id), 'A@example.org');
    expect(await shownEmail('bodiless')).toBe('A@example.org');
  });
});
