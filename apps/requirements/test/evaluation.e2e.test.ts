/**
 * The requirements engine end to end, through real processes (catalog,
 * issuance, requirements, Kafka, PostgreSQL): outcomes award badges once,
 * requirement edits re-evaluate without new actions and never revoke, and a
 * SIGKILL mid-stream loses, doubles and forgets nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Producer } from 'kafkajs';
import { eventually, startSystem, testProducer, type TestSystem } from '@laurel/testkit';
import { DomainError, encodeEvent, ServiceClient, topicName } from '@laurel/service-kit';
import { laurelProtos, type catalogV1, type issuanceV1, type requirementsV1 } from '@laurel/protos';

let system: TestSystem;
let producer: Producer;
let requirements: ServiceClient<requirementsV1.RequirementsDefinition>;
let catalog: ServiceClient<catalogV1.CatalogDefinition>;
let issuance: ServiceClient<issuanceV1.IssuanceDefinition>;
let topic: string;
let site = '';
const SYSTEM_SLUG = 'evaluation';
const actionIds: Record<string, string> = {};

let badgeCounter = 0;
async function newBadge(published = true): Promise<string> {
  badgeCounter += 1;
  const slug = `badge-${badgeCounter}`;
  const { badge } = await catalog.call('CreateBadge', {
    context: { systemSlug: SYSTEM_SLUG },
    // Not unique: a second award would be a second earned badge, so "once" is really tested here, not by issuance.
    fields: {
      slug,
      name: slug,
      earnerDescription: 'e',
      consumerDescription: 'c',
      criteriaUrl: 'http://example.org/c',
      unique: false,
      type: '',
      published,
      origin: 'badgekit',
    },
  });
  if (!badge) throw new Error('no badge');
  return badge.id;
}

async function publish(events: { memberId: number; action: string; quantity?: number }[]): Promise<void> {
  await producer.send({
    topic,
    acks: -1,
    messages: events.map((e) => {
      const encoded = encodeEvent('OutcomeRecorded', {
        eventId: randomUUID(),
        occurredAt: new Date().toISOString(),
        siteId: site,
        memberId: String(e.memberId),
        action: e.action,
        ...(e.quantity !== undefined && { quantity: String(e.quantity) }),
      });
      return { key: String(e.memberId), value: encoded.value, headers: encoded.headers };
    }),
  });
}

async function awardsOf(memberId: number, badgeId: string): Promise<issuanceV1.EarnedBadge__Output[]> {
  const { earnedBadges } = await issuance.call('ListRecipientBadges', {
    siteId: site,
    userId: String(memberId),
    badgeIds: [badgeId],
  });
  return earnedBadges;
}

async function countOf(memberId: number, action: string): Promise<number> {
  const { counts } = await requirements.call('ListMemberCounts', { siteId: site, userId: String(memberId) });
  return Number(counts.find((c) => c.actionName === action && c.location === 'v2')?.count ?? 0);
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function requirement(badgeId: string, action: string, quantity: number): Promise<string> {
  const { requirement: made } = await requirements.call('AddRequirement', {
    siteId: site,
    badgeId,
    actionId: actionIds[action] ?? '',
    location: 'v2',
    quantity: String(quantity),
    published: true,
  });
  return made?.id ?? '';
}

beforeAll(async () => {
  system = await startSystem('evaluation', { apps: ['badge-catalog', 'issuance', 'requirements'] });
  topic = topicName(system.topicPrefix, 'outcomeRecorded');
  producer = await testProducer();
  const protos = laurelProtos();
  requirements = new ServiceClient(
    protos.requirements.v1.Requirements.service,
    `127.0.0.1:${system.ports.requirements}`,
    { deadlineMs: 15_000 },
  );
  catalog = new ServiceClient(protos.catalog.v1.Catalog.service, `127.0.0.1:${system.ports['badge-catalog']}`, {
    deadlineMs: 15_000,
  });
  issuance = new ServiceClient(protos.issuance.v1.Issuance.service, `127.0.0.1:${system.ports.issuance}`, {
    deadlineMs: 15_000,
  });
  site =
    (
      await catalog.call('CreateSystem', {
        fields: { slug: SYSTEM_SLUG, name: 'Evaluation', url: 'http://example.org' },
      })
    ).system?.id ?? '';
  for (const name of ['comment', 'share', 'stream']) {
    actionIds[name] = (await requirements.call('CreateAction', { siteId: site, name })).action?.id ?? '';
  }
}, 120_000);

afterAll(async () => {
  requirements?.close();
  catalog?.close();
  issuance?.close();
  await producer?.disconnect();
  await system?.stop();
});

describe('actions and requirements', () => {
  it('keeps action names unique per site ignoring case, and serves them by id and by name', async () => {
    await expect(requirements.call('CreateAction', { siteId: site, name: 'COMMENT' })).rejects.toMatchObject({
      reason: 'ResourceConflict',
    });
    const { action } = await requirements.call('GetAction', { siteId: site, name: 'Share' });
    expect(action?.id).toBe(actionIds.share);
    const { actions } = await requirements.call('ListActions', { siteId: site });
    expect(actions.map((a) => a.name).slice(0, 3)).toEqual(['comment', 'share', 'stream']);
    const renamed = await requirements.call('CreateAction', { siteId: site, name: 'temporary' });
    const { action: updated } = await requirements.call('UpdateAction', {
      siteId: site,
      actionId: renamed.action?.id ?? '',
      name: 'Renamed',
    });
    expect(updated?.name).toBe('Renamed');
    await requirements.call('DeleteAction', { siteId: site, actionId: renamed.action?.id ?? '' });
    await expect(requirements.call('GetAction', { siteId: site, id: renamed.action?.id ?? '' })).rejects.toMatchObject({
      reason: 'ResourceNotFound',
    });
  });

  it('refuses a second requirement on badge + action + location, unknown badges and a used action’s deletion', async () => {
    const badgeId = await newBadge();
    const first = await requirements.call('AddRequirement', {
      siteId: site,
      badgeId,
      actionId: actionIds.share ?? '',
      location: 'blog',
    });
    expect(first.requirement).toMatchObject({ quantity: '1', published: false, location: 'blog' });
    const error = await requirements
      .call('AddRequirement', {
        siteId: site,
        badgeId,
        actionId: actionIds.share ?? '',
        location: 'blog',
        quantity: '4',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ reason: 'ResourceConflict' });
    // Location is compared exactly: another case is another requirement.
    await requirements.call('AddRequirement', {
      siteId: site,
      badgeId,
      actionId: actionIds.share ?? '',
      location: 'Blog',
    });
    await expect(
      requirements.call('AddRequirement', {
        siteId: site,
        badgeId: '999999',
        actionId: actionIds.share ?? '',
        location: 'x',
      }),
    ).rejects.toMatchObject({ reason: 'ResourceNotFound' });
    await expect(
      requirements.call('AddRequirement', {
        siteId: site,
        badgeId,
        actionId: actionIds.share ?? '',
        location: 'x',
        quantity: '0',
      }),
    ).rejects.toMatchObject({ reason: 'ValidationError' });
    await expect(
      requirements.call('DeleteAction', { siteId: site, actionId: actionIds.share ?? '' }),
    ).rejects.toMatchObject({ reason: 'ResourceConflict' });
    const unchanged = await requirements.call('UpdateRequirement', {
      siteId: site,
      requirementId: first.requirement?.id ?? '',
      quantity: '1',
    });
    expect(unchanged.changed).toBe(false);
    const { requirements: listed } = await requirements.call('ListRequirements', { siteId: site, badgeId });
    expect(listed.map((r) => r.location)).toEqual(['blog', 'Blog']);
    const removed = await requirements.call('DeleteBadgeRequirements', { siteId: site, badgeId });
    expect(removed.requirements).toHaveLength(2);
  });

  it('records user actions idempotently, clamps counts at 0 and reports progress', async () => {
    const badgeId = await newBadge();
    await requirement(badgeId, 'stream', 2);
    const key = randomUUID();
    const first = await requirements.call('RecordUserAction', {
      siteId: site,
      userId: '500',
      actionId: actionIds.stream ?? '',
      location: 'v2',
      quantity: '1',
      idempotencyKey: key,
    });
    const retry = await requirements.call('RecordUserAction', {
      siteId: site,
      userId: '500',
      actionId: actionIds.stream ?? '',
      location: 'v2',
      quantity: '1',
      idempotencyKey: key,
    });
    expect(retry).toEqual(first);
    expect(first.count).toBe('1');
    const negative = await requirements.call('RecordUserAction', {
      siteId: site,
      userId: '500',
      actionId: actionIds.stream ?? '',
      location: 'v2',
      quantity: '-5',
      idempotencyKey: randomUUID(),
    });
    expect(negative.count).toBe('0');
    await requirements.call('RecordUserAction', {
      siteId: site,
      userId: '500',
      actionId: actionIds.stream ?? '',
      location: 'v2',
      quantity: '2',
      idempotencyKey: randomUUID(),
    });
    const { badges } = await requirements.call('GetMemberProgress', {
      siteId: site,
      userId: '500',
      badgeIds: [badgeId],
    });
    expect(badges[0]).toMatchObject({ badgeId, qualified: true, requirements: [{ userQuantity: '2', met: true }] });
    expect(
      await eventually(
        () => awardsOf(500, badgeId),
        (a) => a.length > 0,
      ),
    ).toHaveLength(1);
  });
});

describe('evaluation of outcomes', () => {
  it('awards a quantity-3 badge on the third outcome, once, and not again on the fourth', async () => {
    const badgeId = await newBadge();
    await requirement(badgeId, 'comment', 3);
    await publish([
      { memberId: 1, action: 'comment' },
      { memberId: 1, action: 'comment' },
    ]);
    await eventually(
      () => countOf(1, 'comment'),
      (c) => c === 2,
    );
    await settle(500);
    expect(await awardsOf(1, badgeId)).toHaveLength(0);
    await publish([{ memberId: 1, action: 'comment' }]);
    const awarded = await eventually(
      () => awardsOf(1, badgeId),
      (a) => a.length > 0,
    );
    expect(awarded).toHaveLength(1);
    expect(awarded[0]?.channel).toBe('AWARD_CHANNEL_REQUIREMENTS');
    await publish([{ memberId: 1, action: 'comment' }]);
    await eventually(
      () => countOf(1, 'comment'),
      (c) => c === 4,
    );
    await settle(800);
    expect(await awardsOf(1, badgeId)).toHaveLength(1);
  });

  it('needs every published requirement, and ignores drafts', async () => {
    const badgeId = await newBadge();
    await requirement(badgeId, 'share', 1);
    await requirement(badgeId, 'stream', 1);
    await requirements.call('AddRequirement', {
      siteId: site,
      badgeId,
      actionId: actionIds.comment ?? '',
      location: 'v2',
      quantity: '100',
    });
    await publish([{ memberId: 2, action: 'share' }]);
    await eventually(
      () => countOf(2, 'share'),
      (c) => c === 1,
    );
    await settle(500);
    expect(await awardsOf(2, badgeId)).toHaveLength(0);
    await publish([{ memberId: 2, action: 'stream' }]);
    expect(
      await eventually(
        () => awardsOf(2, badgeId),
        (a) => a.length > 0,
      ),
    ).toHaveLength(1);
  });

  it('does not award an unpublished badge until it is published and re-evaluated', async () => {
    const badgeId = await newBadge(false);
    await requirement(badgeId, 'share', 1);
    await publish([{ memberId: 3, action: 'share' }]);
    await eventually(
      () => countOf(3, 'share'),
      (c) => c === 1,
    );
    await settle(800);
    expect(await awardsOf(3, badgeId)).toHaveLength(0);
    await catalog.call('UpdateBadge', { siteBadge: { siteId: site, badgeId }, fields: { published: true } });
    await requirements.call('ReevaluateBadge', { siteId: site, badgeId });
    expect(
      await eventually(
        () => awardsOf(3, badgeId),
        (a) => a.length > 0,
      ),
    ).toHaveLength(1);
  });
});

describe('re-evaluation when a requirement changes', () => {
  it('awards members who qualify after a quantity is lowered, with no new action, and revokes nothing when it is raised again', async () => {
    const badgeId = await newBadge();
    const requirementId = await requirement(badgeId, 'stream', 5);
    await publish([
      { memberId: 10, action: 'stream', quantity: 2 },
      { memberId: 11, action: 'stream', quantity: 1 },
      { memberId: 12, action: 'stream', quantity: 3 },
    ]);
    await eventually(
      () => countOf(12, 'stream'),
      (c) => c === 3,
    );
    await eventually(
      () => countOf(10, 'stream'),
      (c) => c === 2,
    );
    await settle(500);
    expect(await awardsOf(10, badgeId)).toHaveLength(0);

    const { changed } = await requirements.call('UpdateRequirement', { siteId: site, requirementId, quantity: '2' });
    expect(changed).toBe(true);
    expect(
      await eventually(
        () => awardsOf(10, badgeId),
        (a) => a.length > 0,
      ),
    ).toHaveLength(1);
    expect(
      await eventually(
        () => awardsOf(12, badgeId),
        (a) => a.length > 0,
      ),
    ).toHaveLength(1);
    expect(await awardsOf(11, badgeId)).toHaveLength(0);

    await requirements.call('UpdateRequirement', { siteId: site, requirementId, quantity: '5' });
    await settle(1000);
    for (const member of [10, 12]) {
      const held = await awardsOf(member, badgeId);
      expect(held).toHaveLength(1);
      expect(held[0]?.revokedAt).toBeUndefined();
    }
  });

  it('re-evaluates both badges when a requirement moves to another badge', async () => {
    const from = await newBadge();
    const to = await newBadge();
    const moving = await requirement(from, 'share', 50);
    await requirement(from, 'comment', 1);
    await requirement(to, 'stream', 1);
    await publish([
      { memberId: 20, action: 'comment' },
      { memberId: 20, action: 'stream' },
      { memberId: 20, action: 'share', quantity: 50 },
    ]);
    // Member 21 meets `from` only once the share requirement has left it, and `to` never.
    await publish([{ memberId: 21, action: 'comment' }]);
    expect(
      await eventually(
        () => awardsOf(20, from),
        (a) => a.length > 0,
      ),
    ).toHaveLength(1);
    expect(
      await eventually(
        () => awardsOf(20, to),
        (a) => a.length > 0,
      ),
    ).toHaveLength(1);
    await eventually(
      () => countOf(21, 'comment'),
      (c) => c === 1,
    );
    await settle(500);
    expect(await awardsOf(21, from)).toHaveLength(0);

    await requirements.call('UpdateRequirement', { siteId: site, requirementId: moving, badgeId: to });
    expect(
      await eventually(
        () => awardsOf(21, from),
        (a) => a.length > 0,
      ),
    ).toHaveLength(1);
    await settle(800);
    expect(await awardsOf(21, to)).toHaveLength(0);
    expect(await awardsOf(20, to)).toHaveLength(1);
  });

  it('re-evaluates when a requirement is deleted or published', async () => {
    const badgeId = await newBadge();
    const hard = await requirement(badgeId, 'comment', 1000);
    const { requirement: draft } = await requirements.call('AddRequirement', {
      siteId: site,
      badgeId,
      actionId: actionIds.share ?? '',
      location: 'v2',
      quantity: '1',
    });
    await publish([{ memberId: 30, action: 'share' }]);
    await eventually(
      () => countOf(30, 'share'),
      (c) => c === 1,
    );
    await requirements.call('DeleteRequirement', { siteId: site, requirementId: hard });
    await settle(800);
    // Only a draft is left: a badge without published requirements is never qualified.
    expect(await awardsOf(30, badgeId)).toHaveLength(0);
    await requirements.call('UpdateRequirement', { siteId: site, requirementId: draft?.id ?? '', published: true });
    expect(
      await eventually(
        () => awardsOf(30, badgeId),
        (a) => a.length > 0,
      ),
    ).toHaveLength(1);
  });
});

describe('a requirements process killed with SIGKILL mid-stream', () => {
  it('loses no outcome, counts none twice and makes every due award exactly once', async () => {
    const badgeId = await newBadge();
    const members = 30;
    const perMember = 40;
    await requirement(badgeId, 'share', 20);
    const base = 2000;
    const events = Array.from({ length: members * perMember }, (_, i) => ({
      memberId: base + (i % members),
      action: 'share',
    }));
    const sending = (async () => {
      for (let i = 0; i < events.length; i += 60) {
        await publish(events.slice(i, i + 60));
        await settle(25);
      }
    })();
    await eventually(
      () => countOf(base, 'share'),
      (c) => c >= 10,
    );
    await system.process('requirements').kill('SIGKILL');
    await sending;
    await system.process('requirements').restart();

    for (let m = 0; m < members; m += 1) {
      expect(
        await eventually(
          () => countOf(base + m, 'share'),
          (c) => c >= perMember,
          60_000,
        ),
      ).toBe(perMember);
      expect(
        await eventually(
          () => awardsOf(base + m, badgeId),
          (a) => a.length > 0,
          60_000,
        ),
      ).toHaveLength(1);
    }
    await settle(1000);
    for (let m = 0; m < members; m += 1) expect(await awardsOf(base + m, badgeId)).toHaveLength(1);
  }, 180_000);
});
