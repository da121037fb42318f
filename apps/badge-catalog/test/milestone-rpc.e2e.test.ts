/**
 * The milestone RPCs against the real catalog process, for what the BadgeKit
 * routes do not show: the list filters other services use (§13.3 looks
 * milestones up by support badge), the `changed` flag under concurrent calls,
 * and the contract's own rules for absent fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { DomainError, ServiceClient } from '@laurel/service-kit';
import { laurelProtos, type catalogV1 } from '@laurel/protos';
import { startSystem, type TestSystem } from '@laurel/testkit';

let system: TestSystem;
let db: pg.Client;
let catalog: ServiceClient<catalogV1.CatalogDefinition>;
const ids = { p: '', s1: '', s2: '', s3: '' };
const SITE = 'milestoned';

async function createBadge(slug: string): Promise<string> {
  const { badge } = await catalog.call('CreateBadge', {
    context: { systemSlug: SITE },
    fields: { slug, name: `Badge ${slug}`, published: true, origin: 'badgekit' },
  });
  return badge?.id ?? '';
}

async function failure(call: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const create = async (fields: catalogV1.MilestoneFields) => {
  const { milestone } = await catalog.call('CreateMilestone', { systemSlug: SITE, fields });
  if (!milestone) throw new Error('no milestone');
  return milestone;
};
const supportIds = (m: catalogV1.Milestone__Output | null) => m?.supportBadges.map((b) => b.id);

beforeAll(async () => {
  system = await startSystem('milestone-rpc', { apps: ['badge-catalog'] });
  catalog = new ServiceClient(laurelProtos().catalog.v1.Catalog.service, `127.0.0.1:${system.ports['badge-catalog']}`, {
    deadlineMs: 10_000,
  });
  db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  await catalog.call('CreateSystem', { fields: { slug: SITE, name: 'Milestoned', url: 'https://example.org' } });
  for (const slug of ['p', 's1', 's2', 's3'] as const) ids[slug] = await createBadge(slug);
});

afterAll(async () => {
  catalog?.close();
  await db?.end();
  await system?.stop();
});

describe('milestone RPCs', () => {
  it('embeds Badge messages with their scalar fields', async () => {
    const milestone = await create({ numberRequired: 1, primaryBadgeId: ids.p, supportBadgeIds: { items: [ids.s1] } });
    expect(milestone.primaryBadge).toMatchObject({
      id: ids.p,
      slug: 'p',
      name: 'Badge p',
      published: true,
      unique: true,
      archived: false,
      origin: 'badgekit',
    });
    expect(milestone.action).toBeUndefined();
    expect(supportIds(milestone)).toEqual([ids.s1]);
  });

  it('filters the list by support badge and by primary badge', async () => {
    const other = await create({
      numberRequired: 2,
      primaryBadgeId: ids.s3,
      supportBadgeIds: { items: [ids.s1, ids.s2] },
    });
    const bySupport = await catalog.call('ListMilestones', { systemSlug: SITE, supportBadgeId: ids.s2 });
    expect(bySupport.milestones.map((m) => m.id)).toEqual([other.id]);
    expect(bySupport.pageInfo).toMatchObject({ total: '1', paged: false });

    const byBoth = await catalog.call('ListMilestones', {
      systemSlug: SITE,
      supportBadgeId: ids.s1,
      primaryBadgeId: ids.p,
    });
    expect(byBoth.milestones.map((m) => m.primaryBadge?.slug)).toEqual(['p']);

    const paged = await catalog.call('ListMilestones', {
      systemSlug: SITE,
      supportBadgeId: ids.s1,
      page: { page: 2, count: 1 },
    });
    expect(paged.milestones.map((m) => m.id)).toEqual([other.id]);
    expect(paged.pageInfo).toMatchObject({ page: 2, count: 1, total: '2', paged: true });
  });

  it('reports every problem of a create at once and writes nothing', async () => {
    const before = await db.query('select count(*) from catalog.milestones');
    const error = await failure(
      catalog.call('CreateMilestone', {
        systemSlug: SITE,
        fields: { action: 'later', supportBadgeIds: { items: [ids.s1, ids.s1, '424242'] } },
      }),
    );
    expect(error.reason).toBe('ValidationError');
    expect(error.details).toEqual([
      { field: 'action', value: 'later' },
      { field: 'numberRequired', value: '' },
      { field: 'primaryBadgeId', value: '' },
      { message: 'Duplicate value', field: 'supportBadges', value: [Number(ids.s1)] },
      { message: 'Unexpected value or invalid argument', field: 'supportBadges', value: [424242] },
    ]);
    expect((await db.query('select count(*) from catalog.milestones')).rows).toEqual(before.rows);
  });

  it('leaves links alone when an update has no support list, replaces them when it has one, and clears the action with ""', async () => {
    const milestone = await create({
      numberRequired: 1,
      primaryBadgeId: ids.p,
      action: 'issue',
      supportBadgeIds: { items: [ids.s2, ids.s1] },
    });
    const renamed = await catalog.call('UpdateMilestone', {
      systemSlug: SITE,
      milestoneId: milestone.id,
      fields: { numberRequired: 2 },
    });
    expect(renamed.milestone).toMatchObject({ numberRequired: '2', action: 'issue' });
    expect(supportIds(renamed.milestone)).toEqual([ids.s2, ids.s1]);

    const replaced = await catalog.call('UpdateMilestone', {
      systemSlug: SITE,
      milestoneId: milestone.id,
      fields: { action: '', supportBadgeIds: { items: [] } },
    });
    expect(replaced.milestone?.action).toBeUndefined();
    expect(supportIds(replaced.milestone)).toEqual([]);
  });

  it('links a badge exactly once under concurrent add calls', async () => {
    const milestone = await create({ numberRequired: 1, primaryBadgeId: ids.p, supportBadgeIds: { items: [] } });
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        catalog.call('AddMilestoneBadge', { systemSlug: SITE, milestoneId: milestone.id, badgeId: ids.s3 }),
      ),
    );
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    for (const r of results) expect(supportIds(r.milestone)).toEqual([ids.s3]);

    const removed = await catalog.call('RemoveMilestoneBadge', {
      systemSlug: SITE,
      milestoneId: milestone.id,
      badgeId: ids.s3,
    });
    expect(removed.changed).toBe(true);
    expect(
      (await catalog.call('RemoveMilestoneBadge', { systemSlug: SITE, milestoneId: milestone.id, badgeId: ids.s3 }))
        .changed,
    ).toBe(false);
  });

  it('answers the deleted milestone, and ResourceNotFound afterwards', async () => {
    const milestone = await create({ numberRequired: 1, primaryBadgeId: ids.p, supportBadgeIds: { items: [ids.s1] } });
    const { milestone: deleted } = await catalog.call('DeleteMilestone', {
      systemSlug: SITE,
      milestoneId: milestone.id,
    });
    expect(deleted).toEqual(milestone);
    const error = await failure(catalog.call('GetMilestone', { systemSlug: SITE, milestoneId: milestone.id }));
    expect(error.message).toBe(`Could not find milestone field: \`id\`, value: \`${milestone.id}\``);
  });
});
