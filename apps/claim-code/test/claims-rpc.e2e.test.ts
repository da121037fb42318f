/**
 * The ClaimCodes contract through the real claim-code, catalog and issuance
 * processes: the claim answers (awarded, earned badge) for both routes'
 * semantics, idempotent creation, the bulk limit, and the sweep finishing a
 * claim whose request died before issuance was asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { eventually, seedBadge, seedSystem, startSystem, type TestSystem } from '@laurel/testkit';
import { DomainError, fromItemFailure, ServiceClient } from '@laurel/service-kit';
import { laurelProtos, type claimcodesV1 } from '@laurel/protos';

let system: TestSystem;
let client: ServiceClient<claimcodesV1.ClaimCodesDefinition>;
let db: pg.Client;
const ids = { site: '', badge: '', otherSite: '', archived: '' };

async function seed(): Promise<void> {
  ids.site = (await seedSystem(system, { slug: 'claims' })).id;
  ids.otherSite = (await seedSystem(system, { slug: 'elsewhere' })).id;
  ids.badge = (
    await seedBadge(system, { systemSlug: 'claims', slug: 'coded', unique: true, archived: false, published: true })
  ).id;
  ids.archived = (
    await seedBadge(system, { systemSlug: 'claims', slug: 'retired', unique: true, archived: true, published: true })
  ).id;
}

const site = () => ({ siteId: ids.site, badgeId: ids.badge });

beforeAll(async () => {
  system = await startSystem('claims-rpc', { apps: ['badge-catalog', 'issuance', 'claim-code'] });
  db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  await seed();
  client = new ServiceClient(
    laurelProtos().claimcodes.v1.ClaimCodes.service,
    `127.0.0.1:${system.ports['claim-code']}`,
    { deadlineMs: 15_000 },
  );
}, 120_000);

afterAll(async () => {
  client?.close();
  await db?.end();
  await system?.stop();
});

describe('Claim', () => {
  it('awards once and, for the instance route, gives the same email its award back', async () => {
    await client.call('CreateClaimCode', { ...site(), code: 'inst' });
    const first = await client.call('Claim', { ...site(), code: 'inst', email: 'ada@example.org' });
    expect(first).toMatchObject({ awarded: true, claimCode: { claimed: true, email: 'ada@example.org' } });
    expect(first.earnedBadgeId).toMatch(/^[0-9a-f-]{36}$/);

    const again = await client.call('Claim', {
      ...site(),
      code: 'INST',
      email: 'ADA@example.org',
      allowSameEmailRepeat: true,
    });
    expect(again).toMatchObject({ awarded: false, earnedBadgeId: first.earnedBadgeId });
    await expect(client.call('Claim', { ...site(), code: 'inst', email: 'ada@example.org' })).rejects.toMatchObject({
      reason: 'CodeAlreadyUsed',
    });
    await expect(
      client.call('Claim', { ...site(), code: 'inst', email: 'bob@example.org', allowSameEmailRepeat: true }),
    ).rejects.toMatchObject({ reason: 'CodeAlreadyUsed' });
  });

  it('refuses an archived badge through issuance and undoes the claim, so the code stays usable', async () => {
    const retired = { siteId: ids.site, badgeId: ids.archived };
    await client.call('CreateClaimCode', { ...retired, code: 'late' });
    await expect(client.call('Claim', { ...retired, code: 'late', email: 'x@example.org' })).rejects.toMatchObject({
      reason: 'ValidationError',
      details: [expect.objectContaining({ field: 'badge' })],
    });
    const { claimCode } = await client.call('GetClaimCode', { ...retired, code: 'late' });
    expect(claimCode?.claimed).toBe(false);
    expect(
      (await db.query('select count(*)::int as n from claim_codes.claims where claim_code_id = $1', [claimCode?.id]))
        .rows[0],
    ).toEqual({ n: 0 });
  });

  it('never finds a code through another site', async () => {
    await expect(
      client.call('Claim', { siteId: ids.otherSite, badgeId: ids.badge, code: 'inst', email: 'x@example.org' }),
    ).rejects.toMatchObject({ reason: 'ResourceNotFound' });
    await expect(
      client.call('GetClaimCode', { siteId: ids.otherSite, badgeId: ids.badge, code: 'inst' }),
    ).rejects.toMatchObject({ reason: 'ResourceNotFound' });
  });

  it('finishes, through the sweep, a claim recorded before its request died', async () => {
    const { claimCode } = await client.call('CreateClaimCode', { ...site(), code: 'orphan' });
    // What a crash between the claim's commit and the award call leaves behind.
    await db.query(
      `insert into claim_codes.claims (claim_code_id, single_use, site_id, badge_id, code, email, state, next_attempt_at)
       values ($1, true, $2, $3, 'orphan', 'late@example.org', 'pending', now())`,
      [claimCode?.id, ids.site, ids.badge],
    );
    await db.query('update claim_codes.claim_codes set claimed = true where id = $1', [claimCode?.id]);
    const awarded = await eventually(
      async () =>
        (
          await db.query<{ n: number }>(
            `select count(*)::int as n from issuance.earned_badges where idempotency_key = $1`,
            [`claim:${claimCode?.id}:late@example.org`],
          )
        ).rows[0],
      (r) => r?.n === 1,
    );
    expect(awarded?.n).toBe(1);
    await eventually(
      async () =>
        (
          await db.query<{ state: string }>(`select state from claim_codes.claims where claim_code_id = $1`, [
            claimCode?.id,
          ])
        ).rows[0],
      (r) => r?.state === 'awarded',
    );
  });
});

describe('ClaimEach and GetClaimCodeEach', () => {
  const settle = (call: Promise<unknown>) =>
    call.then(
      () => undefined,
      (error: unknown) => error,
    );

  it('answer each request as its single call would, in order, a refused one failing alone', async () => {
    await client.call('CreateClaimCode', { ...site(), code: 'each-multi', flags: { multiuse: true } });
    await client.call('CreateClaimCode', { ...site(), code: 'each-once' });
    await client.call('Claim', { ...site(), code: 'each-once', email: 'first@example.org' });
    const refused: claimcodesV1.ClaimRequest[] = [
      { ...site(), code: 'each-unknown', email: 'x@example.org' },
      { ...site(), code: 'each-once', email: 'second@example.org' },
      { siteId: ids.site, badgeId: '0', code: 'each-multi', email: 'y@example.org' },
      { siteId: ids.otherSite, badgeId: ids.badge, code: 'each-multi', email: 'z@example.org' },
    ];
    const { answers } = await client.call('ClaimEach', {
      items: [
        { ...site(), code: 'each-multi', email: 'a@example.org' },
        ...refused,
        { ...site(), code: 'EACH-MULTI', email: 'b@example.org' },
      ],
    });
    expect(answers).toHaveLength(refused.length + 2);
    for (const answer of [answers[0], answers.at(-1)])
      expect(answer?.ok).toMatchObject({ awarded: true, claimCode: { code: 'each-multi' } });
    for (const [i, request] of refused.entries()) {
      const alone = await settle(client.call('Claim', request));
      expect(alone, request.code).toBeInstanceOf(DomainError);
      expect(fromItemFailure(answers[i + 1]?.failed ?? { reason: '', message: '', details: Buffer.alloc(0) })).toEqual(
        alone,
      );
    }
    const awards = await db.query(
      `select email from issuance.earned_badges where claim_code = 'each-multi' order by email`,
    );
    expect(awards.rows.map((r: { email: string }) => r.email)).toEqual(['a@example.org', 'b@example.org']);

    const read = await client.call('GetClaimCodeEach', {
      items: [
        { ...site(), code: 'each-once' },
        { ...site(), code: 'each-unknown' },
      ],
    });
    expect(read.answers[0]?.ok).toMatchObject({
      claimCode: { code: 'each-once', claimed: true, email: 'first@example.org' },
    });
    expect(fromItemFailure(read.answers[1]?.failed ?? { reason: '', message: '', details: Buffer.alloc(0) })).toEqual(
      await settle(client.call('GetClaimCode', { ...site(), code: 'each-unknown' })),
    );
  });
});

describe('creating codes', () => {
  it('replays a create or a generation retried with its idempotency key', async () => {
    const a = await client.call('CreateClaimCode', { ...site(), code: 'keyed', idempotencyKey: 'c-1' });
    const b = await client.call('CreateClaimCode', { ...site(), code: 'keyed', idempotencyKey: 'c-1' });
    expect(b.claimCode?.id).toBe(a.claimCode?.id);
    await expect(client.call('CreateClaimCode', { ...site(), code: 'keyed' })).rejects.toMatchObject({
      reason: 'ResourceConflict',
    });

    const first = await client.call('GenerateClaimCodes', { ...site(), count: 3, idempotencyKey: 'g-1' });
    const retry = await client.call('GenerateClaimCodes', { ...site(), count: 3, idempotencyKey: 'g-1' });
    expect(retry.claimCodes.map((c) => c.code)).toEqual(first.claimCodes.map((c) => c.code));
  });

  it('GenerateClaimCodesEach answers each request as its single call would, a refused one failing alone and a retry replayed', async () => {
    const settle = (call: Promise<unknown>) =>
      call.then(
        () => undefined,
        (error: unknown) => error,
      );
    const earlier = await client.call('GenerateClaimCodes', { ...site(), count: 2, idempotencyKey: 'each-replayed' });
    const refused: claimcodesV1.GenerateClaimCodesRequest[] = [
      { ...site(), count: 10_001 },
      { siteId: ids.site, badgeId: '0', count: 1 },
      { siteId: ids.otherSite, badgeId: ids.badge, count: 1 },
    ];
    const { answers } = await client.call('GenerateClaimCodesEach', {
      items: [
        { ...site(), count: 3, flags: { multiuse: true }, idempotencyKey: 'each-new' },
        ...refused,
        { ...site(), count: 2, idempotencyKey: 'each-replayed' },
      ],
    });
    expect(answers).toHaveLength(refused.length + 2);
    const drawn = answers[0]?.ok?.claimCodes ?? [];
    expect(drawn).toHaveLength(3);
    expect(drawn.every((c) => c.multiuse && /^[0-9a-f]{16}$/.test(c.code))).toBe(true);
    expect(answers.at(-1)?.ok?.claimCodes.map((c) => c.code)).toEqual(earlier.claimCodes.map((c) => c.code));
    for (const [i, request] of refused.entries()) {
      const alone = await settle(client.call('GenerateClaimCodes', request));
      expect(alone, JSON.stringify(request)).toBeInstanceOf(DomainError);
      expect(fromItemFailure(answers[i + 1]?.failed ?? { reason: '', message: '', details: Buffer.alloc(0) })).toEqual(
        alone,
      );
    }
    // Nothing was written for the refused requests nor for the retry.
    expect(
      (
        await db.query(
          `select count(*)::int as n from claim_codes.claim_codes where request_key in ('each-new', 'each-replayed')`,
        )
      ).rows[0],
    ).toEqual({ n: 5 });
  });

  it('draws up to 10,000 codes in one call and refuses more', async () => {
    const { claimCodes } = await client.call('GenerateClaimCodes', {
      ...site(),
      count: 10_000,
      flags: { multiuse: true },
    });
    expect(claimCodes).toHaveLength(10_000);
    expect(new Set(claimCodes.map((c) => c.code)).size).toBe(10_000);
    expect(claimCodes.every((c) => c.multiuse)).toBe(true);
    await expect(client.call('GenerateClaimCodes', { ...site(), count: 10_001 })).rejects.toMatchObject({
      reason: 'ValidationError',
    });
  });
});
