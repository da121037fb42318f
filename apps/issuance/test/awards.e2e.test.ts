/**
 * The award core through the real issuance and catalog processes: idempotency
 * and non-repeatability hold under concurrency, revocation keeps the record,
 * every award and revocation reaches Kafka, and a SIGKILL during a stream of
 * awards loses or doubles no acknowledged award.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { collectTopic, eventually, seedBadge, seedSystem, startSystem, type TestSystem } from '@laurel/testkit';
import { DomainError, fromItemFailure, ServiceClient, sharedEach, topicName } from '@laurel/service-kit';
import { laurelProtos, type issuanceV1 } from '@laurel/protos';

let system: TestSystem;
let issuance: ServiceClient<issuanceV1.IssuanceDefinition>;
let db: pg.Client;
const ids = { site: '', otherSite: '', unique: '', repeatable: '', archived: '' };

/** Catalog fixtures, created through the catalog's API. */
async function seed(): Promise<void> {
  const badge = async (slug: string, unique: boolean, archived: boolean) =>
    (await seedBadge(system, { systemSlug: 'awards', slug, unique, archived, published: true })).id;
  ids.site = (await seedSystem(system, { slug: 'awards' })).id;
  ids.otherSite = (await seedSystem(system, { slug: 'elsewhere' })).id;
  ids.unique = await badge('once', true, false);
  ids.repeatable = await badge('again', false, false);
  ids.archived = await badge('retired', true, true);
}

const award = (fields: Partial<issuanceV1.AwardRequest> & { idempotencyKey: string }) =>
  issuance.call('Award', { siteId: ids.site, badgeId: ids.unique, channel: 'AWARD_CHANNEL_DIRECT', ...fields });

beforeAll(async () => {
  system = await startSystem('awards', { apps: ['badge-catalog', 'issuance'] });
  db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  await seed();
  issuance = new ServiceClient(laurelProtos().issuance.v1.Issuance.service, `127.0.0.1:${system.ports.issuance}`, {
    deadlineMs: 15_000,
  });
});

afterAll(async () => {
  issuance?.close();
  await db?.end();
  await system?.stop();
});

describe('Award', () => {
  it('creates once per idempotency key and replays the same record', async () => {
    const first = await award({ idempotencyKey: 'k-1', email: 'ada@example.org' });
    expect(first.result).toBe('AWARD_RESULT_CREATED');
    expect(first.earnedBadge?.uid).toMatch(/^[0-9a-f]{40}$/);
    const again = await award({ idempotencyKey: 'k-1', email: 'ADA@example.org' });
    expect(again).toMatchObject({ result: 'AWARD_RESULT_REPLAYED', earnedBadge: { id: first.earnedBadge?.id } });
  });

  it('refuses a known key for another recipient', async () => {
    await expect(award({ idempotencyKey: 'k-1', email: 'someone-else@example.org' })).rejects.toMatchObject({
      reason: 'ResourceConflict',
    });
  });

  it('awards once when twenty identical calls race', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        award({ idempotencyKey: 'race', email: 'race@example.org', badgeId: ids.repeatable }),
      ),
    );
    expect(results.filter((r) => r.result === 'AWARD_RESULT_CREATED')).toHaveLength(1);
    expect(new Set(results.map((r) => r.earnedBadge?.id)).size).toBe(1);
    const rows = await db.query(`select count(*)::int as n from issuance.earned_badges where idempotency_key = 'race'`);
    expect(rows.rows[0]).toEqual({ n: 1 });
  });

  it('lets a recipient hold a non-repeatable badge once, whatever the key, and a repeatable one again', async () => {
    const member = { userId: '77', email: 'grace@example.org' };
    expect((await award({ idempotencyKey: 'h-1', ...member })).result).toBe('AWARD_RESULT_CREATED');
    const byEmail = await award({ idempotencyKey: 'h-2', email: 'Grace@Example.org' });
    expect(byEmail.result).toBe('AWARD_RESULT_ALREADY_HELD');
    const byMember = await award({ idempotencyKey: 'h-3', userId: '77' });
    expect(byMember.result).toBe('AWARD_RESULT_ALREADY_HELD');
    const twice = await Promise.all(
      ['r-1', 'r-2'].map((key) => award({ idempotencyKey: key, ...member, badgeId: ids.repeatable })),
    );
    expect(twice.map((r) => r.result)).toEqual(['AWARD_RESULT_CREATED', 'AWARD_RESULT_CREATED']);
  });

  it('with refuseIfHeld, answers the award a recipient already holds of a repeatable badge instead of a second one', async () => {
    const first = await award({
      idempotencyKey: 'held-1',
      badgeId: ids.repeatable,
      email: 'held@example.org',
      refuseIfHeld: true,
    });
    expect(first.result).toBe('AWARD_RESULT_CREATED');
    const refused = await award({
      idempotencyKey: 'held-2',
      badgeId: ids.repeatable,
      email: 'HELD@example.org',
      refuseIfHeld: true,
    });
    expect(refused.result).toBe('AWARD_RESULT_ALREADY_HELD');
    expect(refused.earnedBadge?.id).toBe(first.earnedBadge?.id);
    // Without it, a repeatable badge is awarded again.
    const second = await award({ idempotencyKey: 'held-3', badgeId: ids.repeatable, email: 'held@example.org' });
    expect(second.result).toBe('AWARD_RESULT_CREATED');
    // Revoked awards are not held.
    for (const id of [first.earnedBadge?.id, second.earnedBadge?.id])
      await issuance.call('Revoke', { siteId: ids.site, id: id ?? '', reason: 'test' });
    expect(
      (
        await award({
          idempotencyKey: 'held-4',
          badgeId: ids.repeatable,
          email: 'held@example.org',
          refuseIfHeld: true,
        })
      ).result,
    ).toBe('AWARD_RESULT_CREATED');
  });

  it('refuses archived badges, badges of another site and awards without a recipient', async () => {
    await expect(award({ idempotencyKey: 'a-1', email: 'x@example.org', badgeId: ids.archived })).rejects.toMatchObject(
      { reason: 'ValidationError', details: [expect.objectContaining({ field: 'badge' })] },
    );
    await expect(award({ idempotencyKey: 'a-2', email: 'x@example.org', siteId: ids.otherSite })).rejects.toMatchObject(
      { reason: 'ResourceNotFound' },
    );
    await expect(award({ idempotencyKey: 'a-3' })).rejects.toBeInstanceOf(DomainError);
  });
});

describe('AwardEach, and awards that share it', () => {
  const item = (key: string, fields: Partial<issuanceV1.AwardRequest> = {}): issuanceV1.AwardRequest => ({
    siteId: ids.site,
    badgeId: ids.repeatable,
    channel: 'AWARD_CHANNEL_DIRECT',
    idempotencyKey: key,
    email: `${key}@example.org`,
    ...fields,
  });

  it('answers each award as Award alone would, in order, and a refused one fails alone', async () => {
    await award({ idempotencyKey: 'each-taken', email: 'first@example.org', badgeId: ids.repeatable });
    const refused = [
      item('each-archived', { badgeId: ids.archived }),
      item('each-taken', { email: 'second@example.org' }),
      item(''),
      item('each-elsewhere', { siteId: ids.otherSite }),
    ];
    const { answers } = await issuance.call('AwardEach', { items: [item('each-1'), ...refused, item('each-2')] });
    expect(answers).toHaveLength(refused.length + 2);
    expect([answers[0], answers.at(-1)].map((a) => [a?.ok?.result, a?.ok?.earnedBadge?.recipient?.email])).toEqual([
      ['AWARD_RESULT_CREATED', 'each-1@example.org'],
      ['AWARD_RESULT_CREATED', 'each-2@example.org'],
    ]);
    for (const [i, request] of refused.entries()) {
      const failed = answers[i + 1]?.failed;
      expect(failed, request.idempotencyKey).toBeTruthy();
      const alone = await issuance.call('Award', request).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(alone).toBeInstanceOf(DomainError);
      expect(fromItemFailure(failed ?? { reason: '', message: '', details: Buffer.alloc(0) })).toEqual(alone);
    }
    const rows = await db.query(
      `select idempotency_key from issuance.earned_badges where idempotency_key like 'each-%' order by 1`,
    );
    expect(rows.rows.map((r: { idempotency_key: string }) => r.idempotency_key)).toEqual([
      'each-1',
      'each-2',
      'each-taken',
    ]);
  });

  it('refuses more than 1000 awards in one call, before awarding any', async () => {
    const items = Array.from({ length: 1001 }, (_, i) => item(`each-many-${i}`));
    await expect(issuance.call('AwardEach', { items })).rejects.toMatchObject({ reason: 'ValidationError' });
    const rows = await db.query(
      `select count(*)::int as n from issuance.earned_badges where idempotency_key like 'each-many-%'`,
    );
    expect(rows.rows[0]).toEqual({ n: 0 });
  });

  it('awards forty concurrent awards in a few calls, each exactly once, an archived badge failing alone', async () => {
    let calls = 0;
    const counted: ServiceClient<issuanceV1.IssuanceDefinition> = Object.assign(
      Object.create(issuance) as typeof issuance,
      {
        call: ((method, request, options) => {
          calls += 1;
          return issuance.call(method, request, options);
        }) satisfies typeof issuance.call,
      },
    );
    const shared = sharedEach(counted, 'AwardEach');
    const settled = await Promise.allSettled([
      ...Array.from({ length: 40 }, (_, i) => shared(item(`shared-${i}`))),
      shared(item('shared-archived', { badgeId: ids.archived })),
    ]);
    expect(settled.slice(0, 40).map((s) => s.status === 'fulfilled' && s.value.result)).toEqual(
      Array(40).fill('AWARD_RESULT_CREATED'),
    );
    expect(settled[40]).toMatchObject({ status: 'rejected', reason: { reason: 'ValidationError' } });
    expect(calls).toBeLessThan(10);
    const rows = await db.query(
      `select count(*)::int as n, count(distinct email)::int as emails from issuance.earned_badges where idempotency_key like 'shared-%'`,
    );
    expect(rows.rows[0]).toEqual({ n: 40, emails: 40 });
  });
});

describe('Revoke and listings', () => {
  it('keeps the record, hides it from listings, and does nothing the second time', async () => {
    const { earnedBadge } = await award({ idempotencyKey: 'rv-1', email: 'lin@example.org', badgeId: ids.repeatable });
    const listed = await issuance.call('ListRecipientBadges', { siteId: ids.site, email: 'LIN@example.org' });
    expect(listed.earnedBadges.map((b) => b.id)).toEqual([earnedBadge?.id]);

    const first = await issuance.call('Revoke', {
      siteId: ids.site,
      uid: earnedBadge?.uid ?? '',
      reason: 'issued by mistake',
    });
    expect(first).toMatchObject({ revoked: true, earnedBadge: { revocationReason: 'issued by mistake' } });
    expect(
      (await issuance.call('Revoke', { siteId: ids.site, uid: earnedBadge?.uid ?? '', reason: 'again' })).revoked,
    ).toBe(false);

    expect(
      (await issuance.call('ListRecipientBadges', { siteId: ids.site, email: 'lin@example.org' })).earnedBadges,
    ).toEqual([]);
    const kept = await issuance.call('GetEarnedBadge', { siteId: '0', uid: earnedBadge?.uid ?? '' });
    expect(kept.earnedBadge?.revokedAt).toBeDefined();
  });

  it('pages a badge’s awards with a total', async () => {
    const page = await issuance.call('ListBadgeAwards', {
      siteId: ids.site,
      badgeId: ids.repeatable,
      page: { page: 1, count: 1 },
    });
    expect(page.earnedBadges).toHaveLength(1);
    expect(Number(page.pageInfo?.total)).toBeGreaterThanOrEqual(3);
  });

  it('publishes BadgeAwarded and BadgeRevoked for what happened', async () => {
    const awarded = await collectTopic(topicName(system.topicPrefix, 'badgeAwarded'));
    const revoked = await collectTopic(topicName(system.topicPrefix, 'badgeRevoked'));
    try {
      const created = await db.query<{ id: string }>('select id from issuance.earned_badges');
      const expected = new Set(created.rows.map((r) => r.id));
      const seen = await awarded.waitFor((m) => m.length >= expected.size);
      const events = seen.map(
        (m) => JSON.parse(m.value?.toString() ?? '{}') as { earnedBadgeId: string; channel: string },
      );
      expect(new Set(events.map((e) => e.earnedBadgeId))).toEqual(expected);
      expect(events[0]?.channel).toBe('AWARD_CHANNEL_DIRECT');
      const revocations = await db.query<{ id: string }>(
        'select id from issuance.earned_badges where revoked_at is not null',
      );
      const seenRevoked = await revoked.waitFor((m) => m.length >= revocations.rows.length);
      const reasons = seenRevoked.map((m) => (JSON.parse(m.value?.toString() ?? '{}') as { reason?: string }).reason);
      expect(reasons).toContain('issued by mistake');
    } finally {
      await Promise.all([awarded.stop(), revoked.stop()]);
    }
  });
});

describe('an issuance process killed with SIGKILL during a stream of awards', () => {
  it('keeps every acknowledged award exactly once and publishes every one', async () => {
    const acknowledged = new Map<string, string>();
    const clients = 8;
    const perClient = 60;
    let killed = false;
    // Each client retries a call until it is answered, with the same key, as a careful integration would.
    const runClient = async (c: number) => {
      for (let i = 0; i < perClient; i += 1) {
        const key = `stream-${c}-${i}`;
        for (;;) {
          try {
            const answer = await award({ idempotencyKey: key, email: `member-${c}-${i}@example.org` });
            acknowledged.set(key, answer.earnedBadge?.id ?? '');
            break;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
        if (!killed && acknowledged.size >= (clients * perClient) / 3) {
          killed = true;
          void system
            .process('issuance')
            .kill('SIGKILL')
            .then(() => system.process('issuance').restart());
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, c) => runClient(c)));
    expect(killed).toBe(true);
    expect(acknowledged.size).toBe(clients * perClient);

    const rows = await db.query<{ idempotency_key: string; id: string; n: number }>(
      `select idempotency_key, min(id::text) as id, count(*)::int as n from issuance.earned_badges where idempotency_key like 'stream-%' group by idempotency_key`,
    );
    expect(rows.rows).toHaveLength(clients * perClient);
    expect(rows.rows.every((r) => r.n === 1 && acknowledged.get(r.idempotency_key) === r.id)).toBe(true);

    const awarded = await collectTopic(topicName(system.topicPrefix, 'badgeAwarded'));
    try {
      const wanted = new Set(acknowledged.values());
      await awarded.waitFor((messages) => {
        const seen = new Set(
          messages.map((m) => (JSON.parse(m.value?.toString() ?? '{}') as { earnedBadgeId: string }).earnedBadgeId),
        );
        return [...wanted].every((id) => seen.has(id));
      }, 60_000);
    } finally {
      await awarded.stop();
    }
    await eventually(
      async () => (await db.query<{ n: number }>('select count(*)::int as n from issuance.outbox')).rows[0],
      (r) => r?.n === 0,
    );
  });
});
