/**
 * BadgeKit milestones (§13 with the D-16 fixes) through the real gateway and
 * catalog: every route, every validation failure before any write, the
 * system-membership check the original lacked, and idempotent add/remove.
 * The database is read directly only to prove what was (not) written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';

let system: TestSystem;
let db: pg.Client;
const call = (request: Omit<Parameters<typeof badgekitRequest>[1], 'secret'>) =>
  badgekitRequest(system.gatewayUrl, { secret: TEST_MASTER_SECRET, ...request });
const post = (path: string, body: unknown) => call({ method: 'POST', path, body: JSON.stringify(body) });
const put = (path: string, body: unknown) => call({ method: 'PUT', path, body: JSON.stringify(body) });

interface BadgeJson {
  id: number;
  slug: string;
}
interface MilestoneJson {
  id: number;
  action: string | null;
  numberRequired: number;
  primaryBadge: BadgeJson;
  supportBadges: BadgeJson[];
}

/** Badge ids by slug; alpha's badges a1..a5, beta's b1. */
const ids = { a1: 0, a2: 0, a3: 0, a4: 0, a5: 0, b1: 0 };
let betaId: number;

async function createSystem(slug: string): Promise<number> {
  const res = await post('/systems', { slug, name: slug, url: 'https://example.org' });
  expect(res.status).toBe(201);
  return (res.body as { system: { id: number } }).system.id;
}

async function createBadge(systemSlug: string, slug: string): Promise<number> {
  const res = await post(`/systems/${systemSlug}/badges`, {
    slug,
    name: `Badge ${slug}`,
    strapline: 'A strapline',
    earnerDescription: 'For earners',
    consumerDescription: 'For consumers',
    criteriaUrl: 'https://example.org/criteria',
    unique: 1,
    type: 'Skill',
    timeValue: 3,
    timeUnits: 'hours',
    imageUrl: 'https://example.org/badge.png',
  });
  expect(res.status).toBe(201);
  return (res.body as { badge: { id: number } }).badge.id;
}

async function counts(): Promise<{ milestones: number; links: number }> {
  const { rows } = await db.query<{ milestones: string; links: string }>(
    'select (select count(*) from catalog.milestones) as milestones, (select count(*) from catalog.milestone_support_badges) as links',
  );
  return { milestones: Number(rows[0]?.milestones), links: Number(rows[0]?.links) };
}

const milestoneOf = (body: unknown) => (body as { milestone: MilestoneJson }).milestone;
const supportSlugs = (m: MilestoneJson) => m.supportBadges.map((b) => b.slug);
const detailsOf = (body: unknown) => (body as { details: Record<string, unknown>[] }).details;

async function createMilestone(body: Record<string, unknown>): Promise<MilestoneJson> {
  const res = await post('/systems/alpha/milestones', body);
  expect(res.status).toBe(201);
  return milestoneOf(res.body);
}

beforeAll(async () => {
  system = await startSystem('badgekit-milestones');
  db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  await createSystem('alpha');
  betaId = await createSystem('beta');
  for (const slug of ['a1', 'a2', 'a3', 'a4', 'a5'] as const) ids[slug] = await createBadge('alpha', slug);
  ids.b1 = await createBadge('beta', 'b1');
});

afterAll(async () => {
  await db?.end();
  await system?.stop();
});

describe('POST {S}/milestones', () => {
  it('creates a milestone with bare badges, support badges in the order given, and action null when absent', async () => {
    const res = await post('/systems/alpha/milestones', {
      numberRequired: 2,
      primaryBadgeId: ids.a1,
      supportBadges: [ids.a3, ids.a2],
      systemId: betaId,
    });
    expect(res.status).toBe(201);
    const body = res.body as { status: string; milestone: MilestoneJson };
    expect(body.status).toBe('created');
    expect(Object.keys(body.milestone)).toEqual(['id', 'action', 'numberRequired', 'primaryBadge', 'supportBadges']);
    expect(body.milestone).toMatchObject({ id: expect.any(Number), action: null, numberRequired: 2 });
    expect(body.milestone.primaryBadge).toEqual({
      id: ids.a1,
      slug: 'a1',
      name: 'Badge a1',
      strapline: 'A strapline',
      earnerDescription: 'For earners',
      consumerDescription: 'For consumers',
      issuerUrl: null,
      rubricUrl: null,
      timeValue: 3,
      timeUnits: 'hours',
      limit: null,
      unique: 1,
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      type: 'Skill',
      archived: false,
      criteriaUrl: 'https://example.org/criteria',
      criteria: [],
      alignments: [],
      evidenceType: null,
      categories: [],
      tags: [],
      milestones: [],
    });
    expect(supportSlugs(body.milestone)).toEqual(['a3', 'a2']);
    // The system comes from the URL only: the body's systemId is ignored.
    expect((await call({ method: 'GET', path: `/systems/beta/milestones/${body.milestone.id}` })).status).toBe(404);
  });

  it('stores a given action, and accepts urlencoded bodies', async () => {
    const form = `numberRequired=1&primaryBadgeId=${ids.a2}&action=queue-application&supportBadges[]=${ids.a4}&supportBadges[]=${ids.a5}`;
    const res = await call({
      method: 'POST',
      path: '/systems/alpha/milestones',
      body: form,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(201);
    const milestone = milestoneOf(res.body);
    expect(milestone).toMatchObject({ action: 'queue-application', numberRequired: 1, primaryBadge: { slug: 'a2' } });
    expect(supportSlugs(milestone)).toEqual(['a4', 'a5']);
  });

  it('answers 400 for missing required fields, in BadgeKit’s details form, and writes nothing', async () => {
    const before = await counts();
    const res = await post('/systems/alpha/milestones', {});
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'ValidationError', message: 'Could not validate required fields' });
    expect(detailsOf(res.body)).toEqual(
      expect.arrayContaining([
        { field: 'numberRequired', value: '' },
        { field: 'primaryBadgeId', value: '' },
        { field: 'supportBadges', value: '' },
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it('reports a bad action without a message, and non-integers with the integer rule', async () => {
    const before = await counts();
    const res = await post('/systems/alpha/milestones', {
      numberRequired: 'two',
      primaryBadgeId: '1.5',
      action: 'explode',
      supportBadges: [ids.a2, 'x'],
    });
    expect(res.status).toBe(400);
    const details = detailsOf(res.body);
    expect(details.map((d) => d.field).sort()).toEqual(['action', 'numberRequired', 'primaryBadgeId', 'supportBadges']);
    expect(details).toContainEqual({ field: 'action', value: 'explode' });
    expect(details).toContainEqual({ message: 'Invalid integer', field: 'numberRequired', value: 'two' });
    expect(details).toContainEqual({ message: 'Invalid integer', field: 'primaryBadgeId', value: '1.5' });
    expect(details).toContainEqual({ message: 'Invalid integer', field: 'supportBadges', value: [ids.a2, 'x'] });
    expect(await counts()).toEqual(before);
  });

  it('refuses duplicate support badges with 400, not a 500 after a partial write', async () => {
    const before = await counts();
    const res = await post('/systems/alpha/milestones', {
      numberRequired: 1,
      primaryBadgeId: ids.a1,
      supportBadges: [ids.a2, ids.a3, ids.a2],
    });
    expect(res.status).toBe(400);
    expect(detailsOf(res.body)).toEqual([
      { message: 'Duplicate value', field: 'supportBadges', value: [ids.a2, ids.a3, ids.a2] },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses badges of another system and unknown badges, naming each field, and writes nothing', async () => {
    const before = await counts();
    const res = await post('/systems/alpha/milestones', {
      numberRequired: 1,
      primaryBadgeId: ids.b1,
      supportBadges: [ids.a2, ids.b1, 999_999],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'ValidationError' });
    expect(detailsOf(res.body)).toEqual([
      { message: 'Unexpected value or invalid argument', field: 'primaryBadgeId', value: ids.b1 },
      { message: 'Unexpected value or invalid argument', field: 'supportBadges', value: [ids.b1, 999_999] },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for an unknown system before looking at the body', async () => {
    const res = await post('/systems/atlantis/milestones', { numberRequired: 'x' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find system field: `slug`, value: `atlantis`',
    });
  });
});

describe('GET {S}/milestones and {S}/milestones/:milestoneId', () => {
  it('lists the system’s milestones in creation order, with pageData only when paged', async () => {
    const all = await call({ method: 'GET', path: '/systems/alpha/milestones' });
    expect(all.status).toBe(200);
    expect(all.body).not.toHaveProperty('pageData');
    const milestones = (all.body as { milestones: MilestoneJson[] }).milestones;
    expect(milestones.map((m) => m.primaryBadge.slug)).toEqual(['a1', 'a2']);

    const paged = await call({ method: 'GET', path: '/systems/alpha/milestones?page=2&count=1' });
    expect(paged.body).toEqual({ milestones: [milestones[1]], pageData: { page: 2, count: 1, total: 2 } });

    expect((await call({ method: 'GET', path: '/systems/beta/milestones' })).body).toEqual({ milestones: [] });
  });

  it('reads one milestone back', async () => {
    const created = await createMilestone({ numberRequired: 1, primaryBadgeId: ids.a5, supportBadges: [ids.a1] });
    const res = await call({ method: 'GET', path: `/systems/ALPHA/milestones/${created.id}` });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ milestone: created });
  });

  it('answers 404 naming the id as it was in the path, numeric or not', async () => {
    const unknown = await call({ method: 'GET', path: '/systems/alpha/milestones/987654' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find milestone field: `id`, value: `987654`',
    });

    const word = await call({ method: 'GET', path: '/systems/alpha/milestones/abc' });
    expect(word.status).toBe(404);
    expect(word.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find milestone field: `id`, value: `abc`',
    });

    const noSystem = await call({ method: 'GET', path: '/systems/atlantis/milestones/1' });
    expect(noSystem.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find system field: `slug`, value: `atlantis`',
    });
  });

  it('matches the id numerically', async () => {
    const created = await createMilestone({ numberRequired: 1, primaryBadgeId: ids.a4, supportBadges: [] });
    const res = await call({ method: 'GET', path: `/systems/alpha/milestones/00${created.id}` });
    expect(res.status).toBe(200);
    expect(milestoneOf(res.body).id).toBe(created.id);
  });
});

describe('PUT {S}/milestones/:milestoneId', () => {
  it('updates only the fields given: an omitted supportBadges keeps the links', async () => {
    const created = await createMilestone({
      numberRequired: 2,
      primaryBadgeId: ids.a1,
      supportBadges: [ids.a2, ids.a3],
    });
    const res = await put(`/systems/alpha/milestones/${created.id}`, {
      numberRequired: 1,
      action: 'issue',
      id: 424242,
      systemId: betaId,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'updated', milestone: { ...created, numberRequired: 1, action: 'issue' } });
  });

  it('replaces every link when supportBadges is given, and clears the action with null', async () => {
    const created = await createMilestone({
      numberRequired: 2,
      primaryBadgeId: ids.a1,
      action: 'issue',
      supportBadges: [ids.a2, ids.a3],
    });
    const res = await put(`/systems/alpha/milestones/${created.id}`, {
      primaryBadgeId: ids.a5,
      supportBadges: [ids.a4, ids.a2],
      action: null,
    });
    expect(res.status).toBe(200);
    const milestone = milestoneOf(res.body);
    expect(milestone).toMatchObject({ action: null, numberRequired: 2, primaryBadge: { slug: 'a5' } });
    expect(supportSlugs(milestone)).toEqual(['a4', 'a2']);
  });

  it('validates as create and changes nothing on a 400', async () => {
    const created = await createMilestone({ numberRequired: 2, primaryBadgeId: ids.a1, supportBadges: [ids.a2] });
    const foreign = await put(`/systems/alpha/milestones/${created.id}`, {
      numberRequired: 5,
      supportBadges: [ids.a3, ids.b1],
    });
    expect(foreign.status).toBe(400);
    expect(detailsOf(foreign.body)).toEqual([
      { message: 'Unexpected value or invalid argument', field: 'supportBadges', value: [ids.b1] },
    ]);

    const invalid = await put(`/systems/alpha/milestones/${created.id}`, {
      numberRequired: null,
      action: 'later',
      supportBadges: [ids.a3, ids.a3],
    });
    expect(invalid.status).toBe(400);
    expect(detailsOf(invalid.body)).toEqual(
      expect.arrayContaining([
        { field: 'numberRequired', value: '' },
        { field: 'action', value: 'later' },
        { message: 'Duplicate value', field: 'supportBadges', value: [ids.a3, ids.a3] },
      ]),
    );

    expect((await call({ method: 'GET', path: `/systems/alpha/milestones/${created.id}` })).body).toEqual({
      milestone: created,
    });
  });

  it('answers 404 for an unknown milestone, before the body’s 400', async () => {
    const res = await put('/systems/alpha/milestones/987654', { numberRequired: 'x' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find milestone field: `id`, value: `987654`',
    });
  });

  it('answers 404 for another system’s milestone', async () => {
    const theirs = await post('/systems/beta/milestones', {
      numberRequired: 1,
      primaryBadgeId: ids.b1,
      supportBadges: [],
    });
    expect(theirs.status).toBe(201);
    const res = await put(`/systems/alpha/milestones/${milestoneOf(theirs.body).id}`, { numberRequired: 3 });
    expect(res.status).toBe(404);
  });
});

describe('POST {S}/milestones/:milestoneId/add-badge and remove-badge', () => {
  let milestone: MilestoneJson;
  const path = (action: string) => `/systems/alpha/milestones/${milestone.id}/${action}`;

  beforeAll(async () => {
    milestone = await createMilestone({ numberRequired: 1, primaryBadgeId: ids.a1, supportBadges: [ids.a2] });
  });

  it('links a badge once: the second call changes nothing but still answers "updated", as the original did', async () => {
    const first = await post(path('add-badge'), { badgeId: ids.a3 });
    expect(first.status).toBe(200);
    expect((first.body as { status?: string }).status).toBe('updated');
    expect(supportSlugs(milestoneOf(first.body))).toEqual(['a2', 'a3']);

    const again = await post(path('add-badge'), { badgeId: String(ids.a3) });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ status: 'updated', milestone: milestoneOf(first.body) });
  });

  it('unlinks a badge once, the same way, "updated" both times', async () => {
    const first = await post(path('remove-badge'), { badgeId: ids.a2 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'updated' });
    expect(supportSlugs(milestoneOf(first.body))).toEqual(['a3']);

    const again = await post(path('remove-badge'), { badgeId: ids.a2 });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ status: 'updated', milestone: milestoneOf(first.body) });
  });

  it('answers 400 on badgeId for a missing, non-numeric, unknown or foreign badge', async () => {
    const before = await counts();
    for (const route of ['add-badge', 'remove-badge']) {
      expect(detailsOf((await post(path(route), {})).body)).toEqual([{ field: 'badgeId', value: '' }]);
      expect(detailsOf((await post(path(route), { badgeId: 'abc' })).body)).toEqual([
        { message: 'Invalid integer', field: 'badgeId', value: 'abc' },
      ]);
      const foreign = await post(path(route), { badgeId: ids.b1 });
      expect(foreign.status).toBe(400);
      expect(detailsOf(foreign.body)).toEqual([
        { message: 'Unexpected value or invalid argument', field: 'badgeId', value: ids.b1 },
      ]);
      expect((await post(path(route), { badgeId: 999_999 })).status).toBe(400);
    }
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for an unknown milestone', async () => {
    const res = await post('/systems/alpha/milestones/nope/add-badge', { badgeId: ids.a2 });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find milestone field: `id`, value: `nope`',
    });
  });
});

describe('DELETE {S}/milestones/:milestoneId', () => {
  it('answers {status: deleted} only, and removes the support links with it', async () => {
    const created = await createMilestone({
      numberRequired: 1,
      primaryBadgeId: ids.a1,
      supportBadges: [ids.a2, ids.a3],
    });
    const res = await call({ method: 'DELETE', path: `/systems/alpha/milestones/${created.id}` });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'deleted' });

    expect((await call({ method: 'GET', path: `/systems/alpha/milestones/${created.id}` })).status).toBe(404);
    const { rows } = await db.query('select 1 from catalog.milestone_support_badges where milestone_id = $1', [
      created.id,
    ]);
    expect(rows).toEqual([]);
    expect((await call({ method: 'DELETE', path: `/systems/alpha/milestones/${created.id}` })).status).toBe(404);
  });

  it('answers 405 for other methods, and requires authorization', async () => {
    const patch = await fetch(`${system.gatewayUrl}/systems/alpha/milestones/1`, { method: 'PATCH' });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, PUT, DELETE');
    const anonymous = await fetch(`${system.gatewayUrl}/systems/alpha/milestones`);
    expect(anonymous.status).toBe(403);
  });
});
