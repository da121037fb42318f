/**
 * BulkAward through the real issuance and catalog processes: one batch, one
 * transaction; per-item results (created, replayed, already held, rejected
 * with the catalog's reasons); the batch key and request hash; and every
 * created award's BadgeAwarded event (occurred_at = the earn date) and,
 * when the site has a webhook, its delivery recorded with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  collectTopic,
  eventually,
  seedBadge,
  seedSystem,
  seedWebhook,
  startSystem,
  type TestSystem,
} from '@laurel/testkit';
import { ServiceClient, topicName } from '@laurel/service-kit';
import { laurelProtos, type issuanceV1 } from '@laurel/protos';

let system: TestSystem;
let issuance: ServiceClient<issuanceV1.IssuanceDefinition>;
let db: pg.Client;
const ids = {
  site: '',
  otherSite: '',
  unique: '',
  repeatable: '',
  archived: '',
  draft: '',
  foreign: '',
  hookedSite: '',
  hooked: '',
};

async function seed(): Promise<void> {
  const site = async (slug: string) => (await seedSystem(system, { slug })).id;
  const badge = async (systemSlug: string, slug: string, unique: boolean, archived: boolean, published = true) =>
    (await seedBadge(system, { systemSlug, slug, unique, archived, published })).id;
  ids.site = await site('bulk');
  ids.otherSite = await site('elsewhere');
  ids.unique = await badge('bulk', 'once', true, false);
  ids.repeatable = await badge('bulk', 'again', false, false);
  ids.archived = await badge('bulk', 'retired', false, true);
  ids.draft = await badge('bulk', 'draft', false, false, false);
  ids.foreign = await badge('elsewhere', 'theirs', false, false);
  ids.hookedSite = await site('hooked');
  ids.hooked = await badge('hooked', 'hooked', false, false);
  // Nothing listens there: the deliveries stay pending or failing, and are counted as recorded.
  await seedWebhook(system, { systemSlug: 'hooked', url: 'http://127.0.0.1:9/hook' });
}

const item = (
  badgeId: string,
  userId: string,
  key: string,
  extra: Partial<issuanceV1.BulkAwardItem> = {},
): issuanceV1.BulkAwardItem => ({
  badgeId,
  userId,
  email: '',
  idempotencyKey: key,
  issuedOn: '2025-01-02T03:04:05.678Z',
  expires: '2099-01-01T00:00:00.000Z',
  ...extra,
});

const bulk = (items: issuanceV1.BulkAwardItem[], batch: { batchKey?: string; requestHash?: string } = {}) =>
  issuance.call('BulkAward', { siteId: ids.site, channel: 'AWARD_CHANNEL_IMPORT', items, ...batch });

const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]?.n;

beforeAll(async () => {
  system = await startSystem('bulk-award', { apps: ['badge-catalog', 'issuance'] });
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

describe('BulkAward', () => {
  it('answers every item in order and writes the valid ones, their events and deliveries together', async () => {
    // The relay publishes and deletes outbox rows at any moment, so the events are counted where they end up:
    // on the topic, read from its beginning (user 1 appears in no other test).
    const awarded = await collectTopic(topicName(system.topicPrefix, 'badgeAwarded'));
    const deliveriesBefore = await count('select count(*)::int as n from issuance.webhook_deliveries');
    const { results } = await bulk(
      [
        item(ids.repeatable, '1', 'b1:1'),
        item(ids.repeatable, '1', 'b1:2'),
        item(ids.unique, '1', 'b1:3'),
        item(ids.unique, '1', 'b1:4'),
        item(ids.archived, '1', 'b1:5'),
        item(ids.foreign, '1', 'b1:6'),
        item('123456789', '1', 'b1:7'),
        item(ids.draft, '1', 'b1:8', { expires: '2020-01-01T00:00:00.000Z' }),
        item(ids.repeatable, '0', 'b1:9'),
      ],
      { batchKey: 'b1', requestHash: 'h1' },
    );
    expect(results.map((r) => r.result)).toEqual([
      'AWARD_RESULT_CREATED',
      'AWARD_RESULT_CREATED',
      'AWARD_RESULT_CREATED',
      'AWARD_RESULT_ALREADY_HELD',
      'AWARD_RESULT_REJECTED',
      'AWARD_RESULT_REJECTED',
      'AWARD_RESULT_REJECTED',
      'AWARD_RESULT_CREATED',
      'AWARD_RESULT_REJECTED',
    ]);
    expect(results[3]?.earnedBadge?.id).toBe(results[2]?.earnedBadge?.id);
    expect(results[4]?.errors.map((e) => e.code)).toEqual(['BULK_AWARD_ISSUE_CODE_BADGE_ARCHIVED']);
    expect(results[5]?.errors.map((e) => e.code)).toEqual(['BULK_AWARD_ISSUE_CODE_BADGE_NOT_FOUND']);
    expect(results[6]?.errors.map((e) => e.code)).toEqual(['BULK_AWARD_ISSUE_CODE_BADGE_NOT_FOUND']);
    expect(results[7]?.warnings.map((e) => e.code).sort()).toEqual([
      'BULK_AWARD_ISSUE_CODE_BADGE_NOT_PUBLISHED',
      'BULK_AWARD_ISSUE_CODE_EXPIRES_IN_PAST',
    ]);
    expect(results[8]?.errors.map((e) => e.field)).toEqual(['user_id']);
    expect(results[0]?.earnedBadge).toMatchObject({
      channel: 'AWARD_CHANNEL_IMPORT',
      issuedOn: '2025-01-02T03:04:05.678Z',
      expires: '2099-01-01T00:00:00.000Z',
    });
    const created = results.filter((r) => r.result === 'AWARD_RESULT_CREATED').map((r) => r.earnedBadge?.id);
    expect(created).toHaveLength(4);
    try {
      const eventsOfUser1 = (messages: { value: Buffer | null }[]) =>
        messages
          .map(
            (m) =>
              JSON.parse(m.value?.toString() ?? '{}') as {
                earnedBadgeId?: string;
                recipient?: { userId?: string; siteId?: string };
              },
          )
          .filter((e) => e.recipient?.userId === '1' && e.recipient.siteId === ids.site);
      await awarded.waitFor((m) => created.every((id) => eventsOfUser1(m).some((e) => e.earnedBadgeId === id)), 60_000);
      // Once the relay has drained the outbox, every event of the transaction has been published.
      await eventually(
        () => count('select count(*)::int as n from issuance.outbox'),
        (n) => n === 0,
        60_000,
      );
      expect(
        eventsOfUser1(awarded.messages)
          .map((e) => e.earnedBadgeId)
          .sort(),
      ).toEqual([...created].sort());
    } finally {
      await awarded.stop();
    }
    expect(await count('select count(*)::int as n from issuance.webhook_deliveries')).toBeLessThanOrEqual(
      (deliveriesBefore ?? 0) + 4,
    );
    expect(
      await count(
        `select count(*)::int as n from issuance.imports where batch_key = 'b1' and request_hash = 'h1' and item_count = 9`,
      ),
    ).toBe(1);
  });

  it('records a webhook delivery for each created award only where the site has a webhook', async () => {
    const deliveriesOf = (siteId: string) =>
      count('select count(*)::int as n from issuance.webhook_deliveries where site_id = $1', [siteId]);
    const plain = await bulk([item(ids.repeatable, '5', 'b5:1'), item(ids.repeatable, '5', 'b5:2')]);
    expect(plain.results.map((r) => r.result)).toEqual(['AWARD_RESULT_CREATED', 'AWARD_RESULT_CREATED']);
    expect(await deliveriesOf(ids.site)).toBe(0);

    const hooked = await issuance.call('BulkAward', {
      siteId: ids.hookedSite,
      channel: 'AWARD_CHANNEL_IMPORT',
      items: [item(ids.hooked, '5', 'b5:3'), item(ids.hooked, '5', 'b5:4')],
    });
    expect(hooked.results.map((r) => r.result)).toEqual(['AWARD_RESULT_CREATED', 'AWARD_RESULT_CREATED']);
    expect(await deliveriesOf(ids.hookedSite)).toBe(2);
  });

  it('replays a known batch without writing, and refuses its key with another hash', async () => {
    const items = [item(ids.repeatable, '2', 'b2:1'), item(ids.repeatable, '2', 'b2:2')];
    const first = await bulk(items, { batchKey: 'b2', requestHash: 'h2' });
    const again = await bulk(items, { batchKey: 'b2', requestHash: 'h2' });
    expect(again.results.map((r) => r.result)).toEqual(['AWARD_RESULT_REPLAYED', 'AWARD_RESULT_REPLAYED']);
    expect(again.results.map((r) => r.earnedBadge?.id)).toEqual(first.results.map((r) => r.earnedBadge?.id));
    await expect(bulk(items, { batchKey: 'b2', requestHash: 'other' })).rejects.toMatchObject({
      reason: 'ResourceConflict',
    });
    expect(await count(`select count(*)::int as n from issuance.earned_badges where user_id = 2`)).toBe(2);
  });

  it('answers a batch that mixes known keys and held badges with new items item by item, writing each new one once', async () => {
    const first = await bulk([item(ids.repeatable, '6', 'b6:1'), item(ids.unique, '6', 'b6:2')]);
    const mixed = await bulk([
      item(ids.repeatable, '6', 'b6:3'),
      item(ids.repeatable, '6', 'b6:1'),
      item(ids.unique, '6', 'b6:4'),
      item(ids.repeatable, '6', 'b6:5'),
    ]);
    expect(mixed.results.map((r) => r.result)).toEqual([
      'AWARD_RESULT_CREATED',
      'AWARD_RESULT_REPLAYED',
      'AWARD_RESULT_ALREADY_HELD',
      'AWARD_RESULT_CREATED',
    ]);
    expect(mixed.results[1]?.earnedBadge?.id).toBe(first.results[0]?.earnedBadge?.id);
    expect(mixed.results[2]?.earnedBadge?.id).toBe(first.results[1]?.earnedBadge?.id);
    const keys = await db.query<{ idempotency_key: string }>(
      'select idempotency_key from issuance.earned_badges where user_id = 6 order by seq',
    );
    expect(keys.rows.map((r) => r.idempotency_key)).toEqual(['b6:1', 'b6:2', 'b6:3', 'b6:5']);
  });

  it('records concurrent identical batches once', async () => {
    const items = Array.from({ length: 200 }, (_, i) => item(ids.repeatable, '3', `b3:${i}`));
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => bulk(items, { batchKey: 'b3', requestHash: 'h3' })),
    );
    expect(answers.flatMap((a) => a.results).filter((r) => r.result === 'AWARD_RESULT_CREATED')).toHaveLength(200);
    expect(await count(`select count(*)::int as n from issuance.earned_badges where user_id = 3`)).toBe(200);
  });

  it('publishes BadgeAwarded with occurred_at = the earn date', async () => {
    const awarded = await collectTopic(topicName(system.topicPrefix, 'badgeAwarded'));
    try {
      const { results } = await bulk([item(ids.repeatable, '4', 'b4:1', { issuedOn: '2021-06-07T08:09:10.000Z' })]);
      const id = results[0]?.earnedBadge?.id;
      const seen = await awarded.waitFor((m) =>
        m.some((x) => (JSON.parse(x.value?.toString() ?? '{}') as { earnedBadgeId?: string }).earnedBadgeId === id),
      );
      const event = seen
        .map(
          (m) =>
            JSON.parse(m.value?.toString() ?? '{}') as { earnedBadgeId: string; occurredAt: string; channel: string },
        )
        .find((e) => e.earnedBadgeId === id);
      expect(event).toMatchObject({ occurredAt: '2021-06-07T08:09:10.000Z', channel: 'AWARD_CHANNEL_IMPORT' });
    } finally {
      await awarded.stop();
    }
  });
});
