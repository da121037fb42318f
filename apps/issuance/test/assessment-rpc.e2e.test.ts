/**
 * Issuance's assessment contract through the real issuance and catalog
 * processes, for every gRPC caller and not only the gateway: a retried
 * create answers the first record, nothing crosses sites or badges, and a
 * review's webhook delivery is written exactly when the review is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startSystem, type TestSystem } from '@laurel/testkit';
import { ServiceClient } from '@laurel/service-kit';
import { laurelProtos, type catalogV1, type issuanceV1 } from '@laurel/protos';

let system: TestSystem;
let issuance: ServiceClient<issuanceV1.IssuanceDefinition>;
let catalog: ServiceClient<catalogV1.CatalogDefinition>;
let db: pg.Client;
const ids = { site: '', otherSite: '', badge: '', otherBadge: '', foreignBadge: '', required: '' };

async function badge(
  systemSlug: string,
  slug: string,
  criteria: catalogV1.Criterion[] = [],
): Promise<catalogV1.Badge__Output> {
  const { badge: made } = await catalog.call('CreateBadge', {
    context: { systemSlug },
    fields: {
      slug,
      name: slug,
      earnerDescription: 'e',
      consumerDescription: 'c',
      criteriaUrl: 'http://example.org/c',
      unique: true,
      type: '',
      published: true,
      origin: 'badgekit',
      criteria: { items: criteria },
    },
  });
  if (!made) throw new Error('no badge');
  return made;
}

beforeAll(async () => {
  system = await startSystem('assessment-rpc', { apps: ['badge-catalog', 'issuance'] });
  db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  const protos = laurelProtos();
  issuance = new ServiceClient(protos.issuance.v1.Issuance.service, `127.0.0.1:${system.ports.issuance}`, {
    deadlineMs: 15_000,
  });
  catalog = new ServiceClient(protos.catalog.v1.Catalog.service, `127.0.0.1:${system.ports['badge-catalog']}`, {
    deadlineMs: 15_000,
  });
  const site = async (slug: string) =>
    (await catalog.call('CreateSystem', { fields: { slug, name: slug, url: 'http://example.org' } })).system?.id ?? '';
  ids.site = await site('assess');
  ids.otherSite = await site('elsewhere');
  const withCriteria = await badge('assess', 'assessed', [
    { description: 'must', required: true },
    { description: 'may', required: false },
  ]);
  ids.badge = withCriteria.id;
  ids.required = withCriteria.criteria.find((c) => c.required)?.id ?? '';
  ids.otherBadge = (await badge('assess', 'other')).id;
  ids.foreignBadge = (await badge('elsewhere', 'foreign')).id;
  // A receiver that is never there: deliveries stay in the log as failing, where the test can see them.
  await catalog.call('PutWebhook', {
    systemSlug: 'assess',
    url: 'http://127.0.0.1:9/hooks',
    secret: 'hook-secret-0123456789',
  });
});

afterAll(async () => {
  issuance?.close();
  catalog?.close();
  await db?.end();
  await system?.stop();
});

const create = (idempotencyKey: string, badgeId = ids.badge, siteId = ids.site) =>
  issuance.call('CreateApplication', {
    siteId,
    badgeId,
    fields: { learner: 'ada@example.org', evidence: { items: [{ url: 'http://example.org/w' }] } },
    idempotencyKey,
  });

const reviewDeliveries = async () =>
  (await issuance.call('ListWebhookDeliveries', { siteId: ids.site })).deliveries.filter(
    (d) => d.action === 'WEBHOOK_ACTION_REVIEW',
  );

describe('applications over gRPC', () => {
  it('answers a retried create with the first application and its evidence', async () => {
    const [first, again] = await Promise.all([create('app-1'), create('app-1')]);
    expect(again.application).toEqual(first.application);
    expect(first.application?.evidence).toMatchObject([
      {
        id: expect.stringMatching(/^[1-9]\d*$/),
        url: 'http://example.org/w',
        mediaType: 'EVIDENCE_MEDIA_TYPE_UNSPECIFIED',
      },
    ]);
    const rows = await db.query(`select count(*)::int as n from issuance.applications where idempotency_key = 'app-1'`);
    expect(rows.rows[0]).toEqual({ n: 1 });
  });

  it('refuses another site’s badge, and finds an application only under its own badge and site', async () => {
    await expect(create('app-2', ids.foreignBadge)).rejects.toMatchObject({ reason: 'ResourceNotFound' });
    const { application } = await create('app-3');
    const slug = application?.slug ?? '';
    await expect(
      issuance.call('GetApplication', { siteId: ids.site, badgeId: ids.otherBadge, slug }),
    ).rejects.toMatchObject({
      reason: 'ResourceNotFound',
      message: `Could not find application field: \`slug\`, value: \`${slug}\``,
    });
    await expect(
      issuance.call('GetApplication', { siteId: ids.otherSite, badgeId: ids.badge, slug }),
    ).rejects.toMatchObject({ reason: 'ResourceNotFound' });
    await expect(
      issuance.call('DeleteApplication', { siteId: ids.otherSite, badgeId: ids.badge, slug }),
    ).rejects.toMatchObject({ reason: 'ResourceNotFound' });
    expect(
      (await issuance.call('GetApplication', { siteId: ids.site, badgeId: ids.badge, slug })).application?.slug,
    ).toBe(slug);
  });

  it('requires a learner', async () => {
    await expect(
      issuance.call('CreateApplication', { siteId: ids.site, badgeId: ids.badge, fields: {} }),
    ).rejects.toMatchObject({ reason: 'ValidationError', details: [{ field: 'learner', value: '' }] });
  });
});

describe('reviews over gRPC', () => {
  it('records one review delivery per written review, none for a replay or a refused one', async () => {
    const slug = (await create('app-r')).application?.slug ?? '';
    const before = (await reviewDeliveries()).length;
    const request = {
      siteId: ids.site,
      badgeId: ids.badge,
      applicationSlug: slug,
      idempotencyKey: 'rev-1',
      fields: { author: 'r@example.org', reviewItems: { items: [{ criterionId: ids.required, satisfied: true }] } },
    };
    const first = await issuance.call('CreateReview', request);
    const replay = await issuance.call('CreateReview', request);
    expect(replay.review).toEqual(first.review);
    await expect(
      issuance.call('CreateReview', { ...request, idempotencyKey: 'rev-2', fields: { author: '' } }),
    ).rejects.toMatchObject({ reason: 'ValidationError' });
    await expect(
      issuance.call('CreateReview', { ...request, applicationSlug: 'missing', idempotencyKey: 'rev-3' }),
    ).rejects.toMatchObject({ reason: 'ResourceNotFound' });
    expect((await reviewDeliveries()).length).toBe(before + 1);

    await issuance.call('UpdateReview', {
      siteId: ids.site,
      badgeId: ids.badge,
      applicationSlug: slug,
      slug: first.review?.slug ?? '',
      fields: { comment: 'again' },
    });
    expect((await reviewDeliveries()).length).toBe(before + 2);
    const inputs = await db.query<{ input: { approved: boolean; review: { comment: string | null } } }>(
      `select input from issuance.webhook_deliveries where action = 'review' order by id desc limit 2`,
    );
    // Each message keeps the review as its own write left it.
    expect(inputs.rows.map((r) => [r.input.approved, r.input.review.comment])).toEqual([
      [true, 'again'],
      [true, null],
    ]);
  });

  it('falls back to the stored flag for callers that do not say how satisfied was sent', async () => {
    const slug = (await create('app-s')).application?.slug ?? '';
    await issuance.call('CreateReview', {
      siteId: ids.site,
      badgeId: ids.badge,
      applicationSlug: slug,
      fields: {
        author: 'r@example.org',
        reviewItems: { items: [{ criterionId: ids.required, satisfied: true, satisfiedAsSent: '"true"' }] },
      },
    });
    await issuance.call('CreateReview', {
      siteId: ids.site,
      badgeId: ids.badge,
      applicationSlug: slug,
      fields: { author: 'r@example.org', reviewItems: { items: [{ criterionId: ids.required, satisfied: true }] } },
    });
    const inputs = await db.query<{ input: { approved: boolean } }>(
      `select input from issuance.webhook_deliveries where action = 'review' order by id desc limit 2`,
    );
    expect(inputs.rows.map((r) => r.input.approved)).toEqual([true, false]);
  });
});
