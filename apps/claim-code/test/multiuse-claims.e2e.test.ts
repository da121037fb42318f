/**
 * Claims of multi-use codes through the real claim-code, catalog and issuance
 * processes. A multi-use claim takes no lock on its code, so these are the
 * races that the claims table's constraints must decide on their own: many
 * emails at once (every one awarded), one email many times at once (one
 * award, every request answered), and what the code shows as its latest
 * claimant (§8.7) afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { seedBadge, seedSystem, startSystem, type TestSystem } from '@laurel/testkit';
import { ServiceClient } from '@laurel/service-kit';
import { laurelProtos, type claimcodesV1 } from '@laurel/protos';

let system: TestSystem;
let client: ServiceClient<claimcodesV1.ClaimCodesDefinition>;
let db: pg.Client;
const ids = { site: '', badge: '', archived: '' };

const site = () => ({ siteId: ids.site, badgeId: ids.badge });

beforeAll(async () => {
  system = await startSystem('multiuse-claims', { apps: ['badge-catalog', 'issuance', 'claim-code'] });
  db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  ids.site = (await seedSystem(system, { slug: 'multi' })).id;
  const badge = async (slug: string, archived: boolean) =>
    (await seedBadge(system, { systemSlug: 'multi', slug, unique: true, archived, published: true })).id;
  ids.badge = await badge('crowded', false);
  ids.archived = await badge('retired', true);
  client = new ServiceClient(
    laurelProtos().claimcodes.v1.ClaimCodes.service,
    `127.0.0.1:${system.ports['claim-code']}`,
    { deadlineMs: 30_000 },
  );
}, 120_000);

afterAll(async () => {
  client?.close();
  await db?.end();
  await system?.stop();
});

async function multiUseCode(code: string): Promise<string> {
  const { claimCode } = await client.call('CreateClaimCode', { ...site(), code, flags: { multiuse: true } });
  return claimCode?.id ?? '';
}

async function awardsOfCode(codeId: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `select count(*)::int as n from issuance.earned_badges where idempotency_key like $1`,
    [`claim:${codeId}:%`],
  );
  return rows.rows[0]?.n ?? 0;
}

/** The email the code shows through each read that presents a code. */
async function shownEmails(code: string): Promise<(string | null)[]> {
  const got = (await client.call('GetClaimCode', { ...site(), code })).claimCode;
  const listed = (await client.call('ListClaimCodes', site())).claimCodes.find((c) => c.code === code);
  const found = (await client.call('FindBadgeByCode', { siteId: ids.site, code })).claimCode;
  return [got, listed, found].map((c) => c?.email ?? null);
}

describe('claims of a multi-use code', () => {
  it('awards 50 concurrent claimants, each once, and shows the latest claimant', async () => {
    const codeId = await multiUseCode('crowd');
    const emails = Array.from({ length: 50 }, (_, i) => `crowd-${i}@example.org`);
    const answers = await Promise.all(emails.map((email) => client.call('Claim', { ...site(), code: 'crowd', email })));
    answers.forEach((answer, i) =>
      expect(answer).toMatchObject({ awarded: true, claimCode: { claimed: true, multiuse: true, email: emails[i] } }),
    );
    expect(new Set(answers.map((a) => a.earnedBadgeId)).size).toBe(50);
    expect(await awardsOfCode(codeId)).toBe(50);
    const states = await db.query<{ state: string; n: number }>(
      'select state, count(*)::int as n from claim_codes.claims where claim_code_id = $1 group by state',
      [codeId],
    );
    expect(states.rows).toEqual([{ state: 'awarded', n: 50 }]);

    const latest = (
      await db.query<{ email: string }>(
        'select email from claim_codes.claims where claim_code_id = $1 order by id desc limit 1',
        [codeId],
      )
    ).rows[0]?.email;
    expect(emails).toContain(latest);
    expect(await shownEmails('crowd')).toEqual([latest, latest, latest]);
  });

  it('awards an email once when it claims many times at once, answering every request', async () => {
    const codeId = await multiUseCode('same');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => client.call('Claim', { ...site(), code: 'same', email: 'Twin@example.org' })),
    );
    // The fresh claim's own award call may be answered after a repeat's finished it, so at most one says awarded.
    expect(answers.filter((a) => a.awarded).length).toBeLessThanOrEqual(1);
    expect(new Set(answers.map((a) => a.earnedBadgeId)).size).toBe(1);
    expect(answers[0]?.earnedBadgeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answers.every((a) => a.claimCode?.email === 'Twin@example.org')).toBe(true);
    expect(await awardsOfCode(codeId)).toBe(1);
    expect(
      (await db.query('select count(*)::int as n from claim_codes.claims where claim_code_id = $1', [codeId])).rows[0],
    ).toEqual({ n: 1 });
  });

  it('shows the latest claimant as it was spelled, also after a repeat, and no email after a claim without one', async () => {
    await multiUseCode('shown');
    const claim = (email?: string) =>
      client.call('Claim', { ...site(), code: 'shown', ...(email !== undefined && { email }) });
    const first = await claim('a@example.org');
    await claim('b@example.org');
    expect(await shownEmails('shown')).toEqual(['b@example.org', 'b@example.org', 'b@example.org']);

    const repeat = await claim('A@Example.org');
    expect(repeat).toMatchObject({
      awarded: false,
      earnedBadgeId: first.earnedBadgeId,
      claimCode: { claimed: true, email: 'A@Example.org' },
    });
    expect(await shownEmails('shown')).toEqual(['A@Example.org', 'A@Example.org', 'A@Example.org']);

    const bodiless = await claim();
    expect(bodiless).toMatchObject({ awarded: false, earnedBadgeId: '', claimCode: { claimed: true } });
    expect(bodiless.claimCode?.email ?? null).toBeNull();
    expect(await shownEmails('shown')).toEqual([null, null, null]);

    await claim('c@example.org');
    expect(await shownEmails('shown')).toEqual(['c@example.org', 'c@example.org', 'c@example.org']);
  });

  it('marks a code claimed by a claim without an email, awarding nothing, as before', async () => {
    const codeId = await multiUseCode('nobody');
    const answer = await client.call('Claim', { ...site(), code: 'nobody' });
    expect(answer).toMatchObject({ awarded: false, earnedBadgeId: '', claimCode: { claimed: true, multiuse: true } });
    expect(answer.claimCode?.email ?? null).toBeNull();
    const got = (await client.call('GetClaimCode', { ...site(), code: 'nobody' })).claimCode;
    expect(got).toMatchObject({ claimed: true, multiuse: true });
    expect(got?.email ?? null).toBeNull();
    expect(await awardsOfCode(codeId)).toBe(0);
    // Recorded as a claim with nothing to award, which the sweep (pending claims only) leaves alone.
    const recorded = await db.query('select email, state from claim_codes.claims where claim_code_id = $1', [codeId]);
    expect(recorded.rows).toEqual([{ email: null, state: 'none' }]);
  });

  it('neither waits for nor writes the code row once the code is claimed', async () => {
    const codeId = await multiUseCode('unlocked');
    await client.call('Claim', { ...site(), code: 'unlocked', email: 'first@example.org' });
    const version = async () =>
      (await db.query<{ xmin: string }>('select xmin::text from claim_codes.claim_codes where id = $1', [codeId]))
        .rows[0]?.xmin;
    const before = await version();

    const holder = new pg.Client({ connectionString: system.database.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select id from claim_codes.claim_codes where id = $1 for update', [codeId]);
      const claim = (name: string) =>
        client.call('Claim', { ...site(), code: 'unlocked', email: `${name}@example.org` });
      // New claimants at once, then a repeat, which makes its email the latest again.
      const claimed = Promise.all([claim('second'), claim('third')]).then(() => claim('first'));
      const timedOut = new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5_000));
      expect(await Promise.race([claimed.then(() => 'answered'), timedOut])).toBe('answered');
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    expect(await version()).toBe(before);
    expect(await shownEmails('unlocked')).toEqual(['first@example.org', 'first@example.org', 'first@example.org']);
  });

  it('shows the email the code was created with until it is claimed', async () => {
    await client.call('CreateClaimCode', {
      ...site(),
      code: 'preset',
      flags: { multiuse: true, email: 'preset@example.org' },
    });
    expect(await shownEmails('preset')).toEqual(['preset@example.org', 'preset@example.org', 'preset@example.org']);
    await client.call('Claim', { ...site(), code: 'preset', email: 'first@example.org' });
    expect(await shownEmails('preset')).toEqual(['first@example.org', 'first@example.org', 'first@example.org']);
  });

  it('answers a claim retried with its request key as it answered the first time, awarding once', async () => {
    const codeId = await multiUseCode('retried');
    const request = { ...site(), code: 'retried', email: 'retry@example.org', idempotencyKey: 'claim-1' };
    const first = await client.call('Claim', request);
    const again = await client.call('Claim', request);
    expect(first).toMatchObject({ awarded: true, claimCode: { claimed: true, email: 'retry@example.org' } });
    expect(again).toEqual({ ...first, awarded: false });
    expect(await awardsOfCode(codeId)).toBe(1);
  });

  it('undoes a claim that issuance refuses, leaving the code unclaimed and claimable', async () => {
    const retired = { siteId: ids.site, badgeId: ids.archived };
    await client.call('CreateClaimCode', { ...retired, code: 'gone', flags: { multiuse: true } });
    await expect(client.call('Claim', { ...retired, code: 'gone', email: 'x@example.org' })).rejects.toMatchObject({
      reason: 'ValidationError',
    });
    const { claimCode } = await client.call('GetClaimCode', { ...retired, code: 'gone' });
    expect(claimCode?.claimed).toBe(false);
    expect(
      (await db.query('select count(*)::int as n from claim_codes.claims where claim_code_id = $1', [claimCode?.id]))
        .rows[0],
    ).toEqual({ n: 0 });
  });
});
