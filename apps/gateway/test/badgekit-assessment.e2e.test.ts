/**
 * BadgeKit assessment (§11 applications, §12 reviews) through the real
 * gateway, catalog and issuance processes into PostgreSQL: every route in
 * each of its three contexts, the context lists and their filters, paging
 * and ordering, the lookup chain's 404s, validation (D-18, D-24), partial
 * updates (D-12), delete shapes, and the `review` webhook as a real receiver
 * on this machine gets it, with `approved` computed as §14.4 says.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  badgekitRequest,
  eventually,
  startSystem,
  TEST_MASTER_SECRET,
  type JsonResponse,
  type TestSystem,
} from '@laurel/testkit';
import { ServiceClient } from '@laurel/service-kit';
import { laurelProtos } from '@laurel/protos';

let system: TestSystem;
let db: pg.Client;
let receiver: Server;
const received: Record<string, unknown>[] = [];

type Json = Record<string, unknown>;

const call = (method: string, path: string, body?: unknown, contentType?: string): Promise<JsonResponse> =>
  badgekitRequest(system.gatewayUrl, {
    secret: TEST_MASTER_SECRET,
    method,
    path,
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    ...(contentType && { contentType }),
  });

const S = '/systems/chicago';
const I = `${S}/issuers/library`;
const P = `${I}/programs/reading`;

/** Each context with the badge made at its level. */
const CONTEXTS = [
  { name: '{S}', path: S, badge: 'sys-badge' },
  { name: '{I}', path: I, badge: 'issuer-badge' },
  { name: '{P}', path: P, badge: 'program-badge' },
] as const;

const APPLICATION_KEYS = [
  'id',
  'slug',
  'learner',
  'created',
  'assignedTo',
  'assignedExpiration',
  'badge',
  'processed',
  'evidence',
];
const REVIEW_KEYS = ['id', 'slug', 'author', 'comment', 'reviewItems'];
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const HEX32 = /^[0-9a-f]{32}$/;

const applicationOf = (res: JsonResponse) =>
  (res.body as { application: Json & { slug: string; badge: Json | null; evidence: Json[] } }).application;
const applicationsOf = (res: JsonResponse) =>
  (res.body as { applications: (Json & { slug: string; badge: Json & { slug: string } })[] }).applications;
const reviewOf = (res: JsonResponse) => (res.body as { review: Json & { slug: string; reviewItems: Json[] } }).review;

async function ok(res: Promise<JsonResponse>, status = 200): Promise<JsonResponse> {
  const answer = await res;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer;
}

const apply = async (ctx: string, badge: string, body: Json = {}) =>
  applicationOf(
    await ok(call('POST', `${ctx}/badges/${badge}/applications`, { learner: 'earner@example.org', ...body }), 201),
  );

const criterionIds: Record<string, number[]> = {};

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));

  system = await startSystem('badgekit-assessment');
  db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  const org = (slug: string) => ({ slug, name: slug, url: `http://${slug}.example.org` });
  await ok(call('POST', '/systems', org('chicago')), 201);
  await ok(call('POST', '/systems', org('boston')), 201);
  await ok(call('POST', `${S}/issuers`, org('library')), 201);
  await ok(call('POST', `${I}/programs`, org('reading')), 201);
  const badge = (slug: string, criteria: Json[] = []) => ({
    slug,
    name: slug,
    earnerDescription: 'e',
    consumerDescription: 'c',
    criteriaUrl: 'http://example.org/criteria',
    unique: 1,
    image: 'http://example.org/badge.png',
    type: 'skill',
    criteria,
  });
  const required = [
    { description: 'Read', required: 1 },
    { description: 'Write', required: 1 },
    { description: 'Share', required: 0 },
  ];
  for (const [ctx, slug, criteria] of [
    [S, 'sys-badge', required],
    [I, 'issuer-badge', []],
    [P, 'program-badge', []],
    [S, 'other-badge', []],
  ] as const) {
    const made = await ok(call('POST', `${ctx}/badges`, badge(slug, [...criteria])), 201);
    criterionIds[slug] = (made.body as { badge: { criteria: { id: number }[] } }).badge.criteria.map((c) => c.id);
  }
  await ok(call('POST', '/systems/boston/badges', badge('boston-badge')), 201);

  const catalog = new ServiceClient(
    laurelProtos().catalog.v1.Catalog.service,
    `127.0.0.1:${system.ports['badge-catalog']}`,
    { deadlineMs: 10_000 },
  );
  await catalog.call('PutWebhook', {
    systemSlug: 'chicago',
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
    secret: 'hook-secret-0123456789',
  });
  catalog.close();
});

afterAll(async () => {
  await db?.end();
  await system?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe.each(CONTEXTS)('applications in $name', ({ path, badge }) => {
  const base = `${path}/badges/${badge}/applications`;

  it('submits an application: 201, a generated slug, the bare badge and the stored evidence', async () => {
    const res = await ok(
      call('POST', base, {
        learner: 'Ada@Example.org',
        assignedTo: 'reviewer@example.org',
        assignedExpiration: '2030-01-02 03:04:05',
        slug: 'chosen',
        processed: '2020-01-01',
        id: 999_999,
        evidence: [
          { url: 'http://example.org/work', mediaType: 'link', reflection: 'I did it' },
          { mediaType: 'image' },
        ],
      }),
      201,
    );
    const application = applicationOf(res);
    expect(Object.keys(res.body as Json)).toEqual(['status', 'application']);
    expect((res.body as Json).status).toBe('created');
    expect(Object.keys(application)).toEqual(APPLICATION_KEYS);
    expect(application).toMatchObject({
      learner: 'Ada@Example.org',
      assignedTo: 'reviewer@example.org',
      assignedExpiration: '2030-01-02T03:04:05.000Z',
      processed: null,
      evidence: [
        { url: 'http://example.org/work', mediaType: 'link', reflection: 'I did it' },
        { url: null, mediaType: 'image', reflection: null },
      ],
    });
    expect(application.slug).toMatch(HEX32);
    expect(application.created).toMatch(ISO);
    expect(application.id).not.toBe(999_999);
    // Bare (§2.9): no image, no organizations, empty collections.
    expect(application.badge).toMatchObject({ slug: badge, criteria: [], milestones: [] });
    expect(Object.keys(application.badge ?? {})).not.toContain('imageUrl');
    expect(Object.keys(application.badge ?? {})).not.toContain('system');
  });

  it('reads, updates (a merge that keeps omitted evidence) and deletes an application', async () => {
    const created = await apply(path, badge, { evidence: [{ url: 'http://example.org/a' }] });
    const one = `${base}/${created.slug}`;

    // Slugs are matched ignoring case (§2.2).
    const read = applicationOf(await ok(call('GET', `${base}/${created.slug.toUpperCase()}`)));
    expect(read).toMatchObject({
      slug: created.slug,
      evidence: [{ url: 'http://example.org/a', mediaType: null, reflection: null }],
    });
    expect(read.badge).toMatchObject({
      slug: badge,
      imageUrl: 'http://example.org/badge.png',
      system: { slug: 'chicago' },
    });

    const updated = await ok(
      call('PUT', one, {
        assignedTo: 'grace@example.org',
        processed: 1_400_000_000_000,
        slug: 'renamed',
        created: '2000-01-01',
        badgeId: 1,
      }),
    );
    expect(Object.keys(updated.body as Json)).toEqual(['status', 'application']);
    expect(updated.body).toMatchObject({
      status: 'updated',
      application: {
        slug: created.slug,
        created: created.created,
        assignedTo: 'grace@example.org',
        processed: '2014-05-13T16:53:20.000Z',
        evidence: [{ url: 'http://example.org/a' }],
      },
    });
    expect(Object.keys(applicationOf(updated).badge ?? {})).not.toContain('imageUrl');

    const unprocessed = applicationOf(await ok(call('PUT', one, { processed: null, assignedTo: null, evidence: [] })));
    expect(unprocessed).toMatchObject({ processed: null, assignedTo: null, evidence: [] });

    const deleted = await ok(call('DELETE', one));
    expect(deleted.body).toEqual({ status: 'deleted', application: { ...unprocessed, badge: null, evidence: [] } });
    expect((await call('GET', one)).status).toBe(404);
  });

  it('lists the badge’s applications with their full badge and evidence', async () => {
    const created = await apply(path, badge, { learner: 'lister@example.org', evidence: [{ reflection: 'listed' }] });
    const list = applicationsOf(await ok(call('GET', `${base}?email=LISTER@example.org`)));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      slug: created.slug,
      evidence: [{ reflection: 'listed' }],
      badge: { slug: badge, imageUrl: 'http://example.org/badge.png' },
    });
  });

  it('creates, lists, reads, updates and deletes a review', async () => {
    const application = await apply(path, badge);
    const reviews = `${base}/${application.slug}/reviews`;
    const res = await ok(
      call('POST', reviews, {
        author: 'rev@example.org',
        comment: 'Nice',
        slug: 'mine',
        reviewItems: [
          { criterionId: 3, satisfied: true, comment: 'yes' },
          { criterionId: '4', satisfied: '0' },
        ],
      }),
      201,
    );
    expect(Object.keys(res.body as Json)).toEqual(['status', 'review']);
    const review = reviewOf(res);
    expect(Object.keys(review)).toEqual(REVIEW_KEYS);
    expect(review).toEqual({
      id: expect.any(Number),
      slug: expect.stringMatching(HEX32),
      author: 'rev@example.org',
      comment: 'Nice',
      reviewItems: [
        { criterionId: 3, satisfied: 1, comment: 'yes' },
        { criterionId: 4, satisfied: 0, comment: null },
      ],
    });

    expect((await ok(call('GET', reviews))).body).toEqual({ reviews: [review] });
    expect((await ok(call('GET', `${reviews}/${review.slug.toUpperCase()}`))).body).toEqual({ review });

    const updated = await ok(call('PUT', `${reviews}/${review.slug}`, { comment: null, applicationId: 1, id: 2 }));
    expect(updated.body).toEqual({ status: 'updated', review: { ...review, comment: null } });

    const deleted = await ok(call('DELETE', `${reviews}/${review.slug}`));
    expect(deleted.body).toEqual({ status: 'deleted', badge: { ...review, comment: null, reviewItems: [] } });
    expect((await call('GET', `${reviews}/${review.slug}`)).body).toEqual({
      code: 'ResourceNotFound',
      message: `Could not find review field: \`slug\`, value: \`${review.slug}\``,
    });
  });
});

describe('{ctx}/applications', () => {
  const slugs: Record<string, string> = {};

  beforeAll(async () => {
    // The earlier tests' applications (all in {S}) go through the API, so that these lists hold only the ones below.
    for (const { slug, badge } of applicationsOf(await ok(call('GET', `${S}/applications`))))
      await ok(call('DELETE', `${S}/badges/${badge.slug}/applications/${slug}`));
    // Submitted through {S} for deeper badges too: the badge's own context is copied (§11.1).
    slugs.program1 = (await apply(S, 'program-badge', { learner: 'p1@example.org' })).slug;
    slugs.sys1 = (await apply(S, 'sys-badge', { learner: 's1@example.org' })).slug;
    slugs.issuer1 = (await apply(I, 'issuer-badge', { learner: 'i1@example.org' })).slug;
    slugs.sys2 = (await apply(S, 'sys-badge', { learner: 's2@example.org' })).slug;
    slugs.program2 = (await apply(P, 'program-badge', { learner: 'p2@example.org' })).slug;
    await apply('/systems/boston', 'boston-badge', { learner: 'elsewhere@example.org' });
    await ok(call('PUT', `${S}/badges/sys-badge/applications/${slugs.sys2}`, { processed: '2024-03-01T10:00:00Z' }));
    await ok(
      call('PUT', `${P}/badges/program-badge/applications/${slugs.program1}`, { processed: '2024-03-02T10:00:00Z' }),
    );
  });

  const listed = async (path: string) => applicationsOf(await ok(call('GET', path))).map((a) => a.slug);

  it('lists each context’s applications by badge, then submission, each with its full badge', async () => {
    expect(await listed(`${S}/applications`)).toEqual([
      slugs.sys1,
      slugs.sys2,
      slugs.issuer1,
      slugs.program1,
      slugs.program2,
    ]);
    expect(await listed(`${I}/applications`)).toEqual([slugs.issuer1, slugs.program1, slugs.program2]);
    expect(await listed(`${P}/applications`)).toEqual([slugs.program1, slugs.program2]);
    const [first] = applicationsOf(await ok(call('GET', `${I}/applications`)));
    expect(first?.badge).toMatchObject({
      slug: 'issuer-badge',
      imageUrl: 'http://example.org/badge.png',
      issuer: { slug: 'library' },
    });
  });

  it.each([
    ['true', ['sys2', 'program1']],
    ['1', ['sys2', 'program1']],
    ['false', ['sys1', 'issuer1', 'program2']],
    ['0', ['sys1', 'issuer1', 'program2']],
    ['any', ['sys1', 'sys2', 'issuer1', 'program1', 'program2']],
    ['', ['sys1', 'sys2', 'issuer1', 'program1', 'program2']],
  ])('filters processed=%s (D-4: processed means a processed time is set)', async (value, expected) => {
    expect(await listed(`${S}/applications?processed=${value}`)).toEqual(expected.map((k) => slugs[k]));
  });

  it.each([`${S}/applications`, `${I}/applications`, `${S}/badges/sys-badge/applications`])(
    'answers 400 InvalidParameter for a bad processed value on %s',
    async (path) => {
      const res = await call('GET', `${path}?processed=yes`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'InvalidParameter',
        parameter: 'processed',
        message: "Invalid `processed` parameter. Expecting one of 'true', 'false' or 'any'.",
      });
    },
  );

  it('filters by learner email and per badge', async () => {
    expect(await listed(`${S}/applications?email=S2@EXAMPLE.ORG`)).toEqual([slugs.sys2]);
    expect(await listed(`${P}/badges/program-badge/applications?processed=false`)).toEqual([slugs.program2]);
    expect(await listed(`${S}/badges/other-badge/applications`)).toEqual([]);
  });

  it('pages with pageData counting every match, and ignores bad paging values', async () => {
    const page = await ok(call('GET', `${S}/applications?page=2&count=2`));
    expect(applicationsOf(page).map((a) => a.slug)).toEqual([slugs.issuer1, slugs.program1]);
    expect((page.body as Json).pageData).toEqual({ page: 2, count: 2, total: 5 });
    const filtered = await ok(call('GET', `${S}/applications?processed=true&page=1&count=1`));
    expect((filtered.body as Json).pageData).toEqual({ page: 1, count: 1, total: 2 });
    const unpaged = await ok(call('GET', `${S}/badges/sys-badge/applications?page=0&count=2`));
    expect(Object.keys(unpaged.body as Json)).toEqual(['applications']);
    expect(applicationsOf(unpaged)).toHaveLength(2);
  });

  it('pages reviews', async () => {
    const reviews = `${S}/badges/sys-badge/applications/${slugs.sys1}/reviews`;
    for (const author of ['a@example.org', 'b@example.org', 'c@example.org'])
      await ok(call('POST', reviews, { author }), 201);
    const page = await ok(call('GET', `${reviews}?page=2&count=2`));
    expect(page.body).toEqual({
      reviews: [expect.objectContaining({ author: 'c@example.org' })],
      pageData: { page: 2, count: 2, total: 3 },
    });
  });
});

describe('the lookup chain', () => {
  let application: string;
  let review: string;

  beforeAll(async () => {
    application = (await apply(P, 'program-badge')).slug;
    review = reviewOf(
      await ok(
        call('POST', `${P}/badges/program-badge/applications/${application}/reviews`, { author: 'r@example.org' }),
        201,
      ),
    ).slug;
  });

  const notFound = (model: string, value: string) => ({
    code: 'ResourceNotFound',
    message: `Could not find ${model} field: \`slug\`, value: \`${value}\``,
  });

  it.each([
    ['/systems/nowhere/applications', 'system', 'nowhere'],
    [`${S}/issuers/nobody/applications`, 'issuer', 'nobody'],
    [`${I}/programs/nothing/applications`, 'program', 'nothing'],
    [`/systems/nowhere/issuers/library/programs/reading/applications`, 'system', 'nowhere'],
    [`${I}/programs/nothing/badges/program-badge/applications`, 'program', 'nothing'],
    [`${S}/badges/no-badge/applications`, 'badge', 'no-badge'],
    // A system-level badge is not found through an issuer (§9.2).
    [`${I}/badges/sys-badge/applications`, 'badge', 'sys-badge'],
    // Another system's badge is not found here.
    [`${S}/badges/boston-badge/applications`, 'badge', 'boston-badge'],
    [`${P}/badges/program-badge/applications/unknown-app`, 'application', 'unknown-app'],
    [`${P}/badges/program-badge/applications/unknown-app/reviews`, 'application', 'unknown-app'],
    [`${P}/badges/program-badge/applications/unknown-app/reviews/x`, 'application', 'unknown-app'],
    ['REVIEW', 'review', 'unknown-review'],
  ])('GET %s answers 404 naming the %s', async (path, model, value) => {
    const url =
      path === 'REVIEW' ? `${P}/badges/program-badge/applications/${application}/reviews/unknown-review` : path;
    const res = await call('GET', url);
    expect(res.status).toBe(404);
    expect(res.body).toEqual(notFound(model, value));
  });

  it('answers 404 for writes to a missing application or review, before looking at the body', async () => {
    const app = `${P}/badges/program-badge/applications`;
    expect((await call('PUT', `${app}/missing`, { learner: 'not an email' })).body).toEqual(
      notFound('application', 'missing'),
    );
    expect((await call('DELETE', `${app}/missing`)).body).toEqual(notFound('application', 'missing'));
    expect((await call('POST', `${app}/missing/reviews`, {})).body).toEqual(notFound('application', 'missing'));
    expect((await call('PUT', `${app}/${application}/reviews/missing`, { author: 'nope' })).body).toEqual(
      notFound('review', 'missing'),
    );
    expect((await call('DELETE', `${app}/${application}/reviews/missing`)).body).toEqual(notFound('review', 'missing'));
    expect((await call('POST', `/systems/nowhere/badges/x/applications`, {})).body).toEqual(
      notFound('system', 'nowhere'),
    );
    expect((await call('GET', `${app}/${application}/reviews/${review}`)).status).toBe(200);
  });
});

describe('validation', () => {
  const base = `${S}/badges/sys-badge/applications`;

  it('names exactly learner for an empty body, a missing body or JSON null (D-24)', async () => {
    for (const body of [{}, 'null', undefined]) {
      const res = await call('POST', base, body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'ValidationError',
        message: 'Could not validate required fields',
        details: [{ field: 'learner', value: '' }],
      });
    }
    const review = await call('POST', `${base}/${(await apply(S, 'sys-badge')).slug}/reviews`);
    expect(review.body).toMatchObject({ code: 'ValidationError', details: [{ field: 'author', value: '' }] });
  });

  it('checks the fields and the evidence items (D-18)', async () => {
    const res = await call('POST', base, {
      learner: 'nope',
      assignedTo: 'also nope',
      assignedExpiration: 'someday',
      evidence: [{ url: 'not a url', mediaType: 'video' }, 'text', { url: 'www.example.org/ok', mediaType: 'image' }],
    });
    expect(res.status).toBe(400);
    expect((res.body as { details: Json[] }).details).toEqual([
      { message: 'Invalid email', field: 'learner', value: 'nope' },
      { message: 'Invalid email', field: 'assignedTo', value: 'also nope' },
      { message: 'Not a date', field: 'assignedExpiration', value: 'someday' },
      { message: 'Invalid URL', field: 'evidence[0][url]', value: 'not a url' },
      { message: 'Unexpected value or invalid argument', field: 'evidence[0][mediaType]', value: 'video' },
      { message: 'Unexpected value or invalid argument', field: 'evidence[1]', value: 'text' },
    ]);
  });

  it('checks updates: a present learner may not be emptied, processed must be a date', async () => {
    const one = `${base}/${(await apply(S, 'sys-badge')).slug}`;
    const res = await call('PUT', one, { learner: null, processed: 'later' });
    expect(res.status).toBe(400);
    expect((res.body as { details: Json[] }).details).toEqual([
      { field: 'learner', value: '' },
      { message: 'Not a date', field: 'processed', value: 'later' },
    ]);
  });

  it('checks review items', async () => {
    const reviews = `${base}/${(await apply(S, 'sys-badge')).slug}/reviews`;
    const res = await call('POST', reviews, {
      author: 'r@example.org',
      reviewItems: [{ satisfied: 'yes' }, { criterionId: 'x', satisfied: 1 }, { criterionId: 0 }],
    });
    expect(res.status).toBe(400);
    expect((res.body as { details: Json[] }).details).toEqual([
      { field: 'reviewItems[0][criterionId]', value: '' },
      { message: 'Unexpected value or invalid argument', field: 'reviewItems[0][satisfied]', value: 'yes' },
      { message: 'Invalid integer', field: 'reviewItems[1][criterionId]', value: 'x' },
      { message: 'Invalid integer', field: 'reviewItems[2][criterionId]', value: '0' },
    ]);
  });

  it('treats an update without a body, or with only unknown keys, as a no-op (D-24)', async () => {
    const created = await apply(S, 'sys-badge', { evidence: [{ url: 'http://example.org/kept' }] });
    const one = `${base}/${created.slug}`;
    for (const body of [undefined, 'null', { unknown: 1 }]) {
      const res = await ok(call('PUT', one, body));
      expect(applicationOf(res)).toMatchObject({ learner: created.learner, evidence: created.evidence });
    }
  });

  it('reads urlencoded bodies with nested evidence and review items', async () => {
    const form = new URLSearchParams({
      learner: 'form@example.org',
      'evidence[0][url]': 'http://example.org/f',
      'evidence[0][mediaType]': 'link',
    });
    const created = applicationOf(
      await ok(call('POST', base, form.toString(), 'application/x-www-form-urlencoded'), 201),
    );
    expect(created.evidence).toEqual([{ url: 'http://example.org/f', mediaType: 'link', reflection: null }]);
    const items = new URLSearchParams({
      author: 'r@example.org',
      'reviewItems[0][criterionId]': '1',
      'reviewItems[0][satisfied]': 'true',
    });
    const review = reviewOf(
      await ok(
        call('POST', `${base}/${created.slug}/reviews`, items.toString(), 'application/x-www-form-urlencoded'),
        201,
      ),
    );
    // D-15: the form's "true" is stored as satisfied.
    expect(review.reviewItems).toEqual([{ criterionId: 1, satisfied: 1, comment: null }]);
  });
});

describe('child items', () => {
  const base = `${S}/badges/sys-badge/applications`;
  const evidenceIds = async (slug: string) =>
    (
      await db.query<{ id: string; url: string }>(
        'select e.id, e.url from issuance.application_evidence e join issuance.applications a on a.id = e.application_id where a.slug = $1 order by e.id',
        [slug],
      )
    ).rows;

  it('honours an evidence id only when it belongs to the same application (D-18)', async () => {
    const mine = await apply(S, 'sys-badge', {
      evidence: [{ url: 'http://example.org/one' }, { url: 'http://example.org/two' }],
    });
    const theirs = await apply(S, 'sys-badge', { evidence: [{ url: 'http://example.org/theirs' }] });
    const [one, two] = await evidenceIds(mine.slug);
    const [foreign] = await evidenceIds(theirs.slug);

    const updated = applicationOf(
      await ok(
        call('PUT', `${base}/${mine.slug}`, {
          evidence: [
            { url: 'http://example.org/new' },
            { id: Number(two?.id), url: 'http://example.org/two-edited' },
            { id: Number(foreign?.id), url: 'http://example.org/hijack' },
          ],
        }),
      ),
    );
    // The own item kept its id (and so its place); the foreign id made a new item; `one` is gone.
    const after = await evidenceIds(mine.slug);
    expect(after[0]).toEqual({ id: two?.id, url: 'http://example.org/two-edited' });
    expect(after.map((e) => e.url)).toEqual([
      'http://example.org/two-edited',
      'http://example.org/new',
      'http://example.org/hijack',
    ]);
    expect(after.map((e) => e.id)).not.toContain(one?.id);
    expect(updated.evidence.map((e) => e.url)).toEqual(after.map((e) => e.url));
    expect(applicationOf(await ok(call('GET', `${base}/${theirs.slug}`))).evidence).toEqual([
      { url: 'http://example.org/theirs', mediaType: null, reflection: null },
    ]);
  });

  it('keeps review items when an update omits them and replaces them when it sends a list (D-12, D-18)', async () => {
    const reviews = `${base}/${(await apply(S, 'sys-badge')).slug}/reviews`;
    const review = reviewOf(
      await ok(
        call('POST', reviews, {
          author: 'r@example.org',
          reviewItems: [
            { criterionId: 1, satisfied: 1 },
            { criterionId: 2, satisfied: 0 },
          ],
        }),
        201,
      ),
    );
    const other = reviewOf(
      await ok(
        call('POST', reviews, { author: 'o@example.org', reviewItems: [{ criterionId: 9, satisfied: 1 }] }),
        201,
      ),
    );
    const itemIds = async (slug: string) =>
      (
        await db.query<{ id: string }>(
          'select i.id from issuance.review_items i join issuance.reviews r on r.id = i.review_id where r.slug = $1 order by i.id',
          [slug],
        )
      ).rows.map((r) => r.id);
    const [, second] = await itemIds(review.slug);
    const [foreign] = await itemIds(other.slug);

    const renamed = reviewOf(await ok(call('PUT', `${reviews}/${review.slug}`, { author: 'renamed@example.org' })));
    expect(renamed).toEqual({ ...review, author: 'renamed@example.org' });

    const replaced = reviewOf(
      await ok(
        call('PUT', `${reviews}/${review.slug}`, {
          reviewItems: [
            { criterionId: 3, satisfied: 1 },
            { id: Number(second), criterionId: 2, satisfied: 1 },
            { id: Number(foreign), criterionId: 7 },
          ],
        }),
      ),
    );
    expect(replaced.reviewItems).toEqual([
      { criterionId: 2, satisfied: 1, comment: null },
      { criterionId: 3, satisfied: 1, comment: null },
      { criterionId: 7, satisfied: 0, comment: null },
    ]);
    expect((await itemIds(review.slug))[0]).toBe(second);
    expect(reviewOf(await ok(call('GET', `${reviews}/${other.slug}`))).reviewItems).toEqual([
      { criterionId: 9, satisfied: 1, comment: null },
    ]);

    const cleared = reviewOf(await ok(call('PUT', `${reviews}/${review.slug}`, { reviewItems: [] })));
    expect(cleared.reviewItems).toEqual([]);
  });

  it('deletes an application’s reviews with it', async () => {
    const application = await apply(S, 'sys-badge');
    await ok(
      call('POST', `${base}/${application.slug}/reviews`, {
        author: 'r@example.org',
        reviewItems: [{ criterionId: 1, satisfied: 1 }],
      }),
      201,
    );
    await ok(call('DELETE', `${base}/${application.slug}`));
    const left = await db.query(
      'select 1 from issuance.reviews r left join issuance.applications a on a.id = r.application_id where a.id is null',
    );
    expect(left.rowCount).toBe(0);
  });
});

describe('the review webhook', () => {
  const base = `${S}/badges/sys-badge/applications`;
  type ReviewMessage = Json & {
    application: Json & { slug: string; badge: Json; evidence: Json[] };
    review: Json;
    approved: boolean;
  };
  /** The `count`-th review message about one application; one learner's messages arrive in order. */
  const reviewsOf = async (slug: string, count: number): Promise<ReviewMessage> => {
    const messages = await eventually(
      async () => (received as ReviewMessage[]).filter((m) => m.action === 'review' && m.application.slug === slug),
      (m) => m.length >= count,
      30_000,
    );
    return messages[count - 1] as ReviewMessage;
  };

  it('sends the review with the application, its full badge and stored evidence (D-5), approved only when every required criterion is satisfied', async () => {
    const [read, write, share] = criterionIds['sys-badge'] ?? [];
    const application = await apply(S, 'sys-badge', {
      learner: 'hooked@example.org',
      evidence: [{ url: 'http://example.org/proof', mediaType: 'link', reflection: 'see' }],
    });
    // The string "true" does not count (§14.4), although it is stored as satisfied.
    const review = reviewOf(
      await ok(
        call('POST', `${base}/${application.slug}/reviews`, {
          author: 'rev@example.org',
          comment: 'Almost',
          reviewItems: [
            { criterionId: read, satisfied: 'true' },
            { criterionId: write, satisfied: 1 },
            { criterionId: share, satisfied: 0 },
          ],
        }),
        201,
      ),
    );
    const first = await reviewsOf(application.slug, 1);
    expect(Object.keys(first)).toEqual(['action', 'application', 'review', 'approved']);
    expect(first.approved).toBe(false);
    expect(Object.keys(first.application)).toEqual(APPLICATION_KEYS);
    expect(first.application).toMatchObject({
      slug: application.slug,
      learner: 'hooked@example.org',
      evidence: [{ url: 'http://example.org/proof', mediaType: 'link', reflection: 'see' }],
    });
    expect(first.application.badge).toMatchObject({
      slug: 'sys-badge',
      imageUrl: 'http://example.org/badge.png',
      system: { slug: 'chicago' },
    });
    expect(first.review).toEqual(review);
    expect(review.reviewItems).toEqual([
      { criterionId: read, satisfied: 1, comment: null },
      { criterionId: write, satisfied: 1, comment: null },
      { criterionId: share, satisfied: 0, comment: null },
    ]);

    // 1, "1" and true count; the optional criterion does not matter.
    const updated = reviewOf(
      await ok(
        call('PUT', `${base}/${application.slug}/reviews/${review.slug}`, {
          comment: 'Done',
          reviewItems: [
            { criterionId: read, satisfied: '1' },
            { criterionId: write, satisfied: true },
          ],
        }),
      ),
    );
    const second = await reviewsOf(application.slug, 2);
    expect(second.approved).toBe(true);
    expect(second.review).toEqual(updated);

    // Items omitted on update stay, and are read as they were sent.
    await ok(call('PUT', `${base}/${application.slug}/reviews/${review.slug}`, { comment: 'Still done' }));
    const third = await reviewsOf(application.slug, 3);
    expect(third).toMatchObject({
      approved: true,
      review: { comment: 'Still done', reviewItems: updated.reviewItems },
    });

    await ok(
      call('PUT', `${base}/${application.slug}/reviews/${review.slug}`, {
        reviewItems: [{ criterionId: read, satisfied: 1 }],
      }),
    );
    expect((await reviewsOf(application.slug, 4)).approved).toBe(false);
  });

  it('approves any review of a badge without required criteria, even one without items', async () => {
    const application = await apply(I, 'issuer-badge', { learner: 'free@example.org' });
    await ok(
      call('POST', `${I}/badges/issuer-badge/applications/${application.slug}/reviews`, { author: 'rev@example.org' }),
      201,
    );
    const message = await reviewsOf(application.slug, 1);
    expect(message).toMatchObject({
      approved: true,
      review: { author: 'rev@example.org', comment: null, reviewItems: [] },
      application: { slug: application.slug, evidence: [] },
    });
    expect(message.application.badge).toMatchObject({ slug: 'issuer-badge', issuer: { slug: 'library' } });
  });
});
