/**
 * BadgeKit badges (§7) through the real gateway and catalog: every route in
 * each of its three contexts, §7.2's scoping, the archived filter, paging,
 * partial updates that keep omitted collections (D-12), parents taken only
 * from the path (D-17), slugs unique per system (model.md), and BadgeKit's
 * error bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type JsonResponse, type TestSystem } from '@laurel/testkit';

let system: TestSystem;

const call = (method: string, path: string, body?: unknown, contentType?: string): Promise<JsonResponse> =>
  badgekitRequest(system.gatewayUrl, {
    secret: TEST_MASTER_SECRET,
    method,
    path,
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    ...(contentType && { contentType }),
  });

type Json = Record<string, unknown>;
type BadgeJson = Json & {
  id: number;
  slug: string;
  criteria: Json[];
  alignments: Json[];
  tags: Json[];
  categories: string[];
};
const badgeOf = (res: JsonResponse) => (res.body as { badge: BadgeJson }).badge;
const badgesOf = (res: JsonResponse) => (res.body as { badges: BadgeJson[] }).badges;
const slugsOf = (res: JsonResponse) => badgesOf(res).map((b) => b.slug);

const S = '/systems/chicago';
const I = `${S}/issuers/library`;
const P = `${I}/programs/reading`;
const CONTEXTS = [
  { name: '{S}', path: S, level: 'system' },
  { name: '{I}', path: I, level: 'issuer' },
  { name: '{P}', path: P, level: 'program' },
] as const;

const badgeBody = (slug: string, extra: Json = {}): Json => ({
  slug,
  name: `Badge ${slug}`,
  earnerDescription: 'What you did',
  consumerDescription: 'What they did',
  criteriaUrl: 'http://example.org/criteria',
  unique: 1,
  image: 'http://example.org/badge.png',
  type: 'skill',
  ...extra,
});

const SHALLOW_SYSTEM = {
  id: expect.any(Number),
  slug: 'chicago',
  url: 'http://chicago.example.org',
  name: 'Chicago',
  description: null,
  email: null,
  imageUrl: null,
  issuers: [],
};
const SHALLOW_ISSUER = {
  id: expect.any(Number),
  slug: 'library',
  url: 'http://library.example.org',
  name: 'Library',
  description: null,
  email: null,
  imageUrl: null,
  programs: [],
};
const SHALLOW_PROGRAM = {
  id: expect.any(Number),
  slug: 'reading',
  url: 'http://reading.example.org',
  name: 'Reading',
  description: null,
  email: null,
  imageUrl: null,
};

/** §7.1's keys in the original's order. */
const BADGE_KEYS = [
  'id',
  'slug',
  'name',
  'strapline',
  'earnerDescription',
  'consumerDescription',
  'issuerUrl',
  'rubricUrl',
  'timeValue',
  'timeUnits',
  'limit',
  'unique',
  'created',
  'imageUrl',
  'type',
  'archived',
  'system',
  'issuer',
  'program',
  'criteriaUrl',
  'criteria',
  'alignments',
  'evidenceType',
  'categories',
  'tags',
  'milestones',
];

async function created(path: string, body: Json): Promise<BadgeJson> {
  const res = await call('POST', `${path}/badges`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return badgeOf(res);
}

beforeAll(async () => {
  system = await startSystem('badgekit-badges');
  const org = (slug: string, name: string) => ({ slug, name, url: `http://${slug}.example.org` });
  for (const [path, body] of [
    ['/systems', org('chicago', 'Chicago')],
    ['/systems', org('boston', 'Boston')],
    [`${S}/issuers`, org('library', 'Library')],
    [`${S}/issuers`, org('museum', 'Museum')],
    [`${I}/programs`, org('reading', 'Reading')],
  ] as const) {
    const res = await call('POST', path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});
afterAll(async () => {
  await system?.stop();
});

describe('POST {ctx}/badges', () => {
  it.each(CONTEXTS)('creates a badge in $name with its context from the path only (D-17)', async ({ path, level }) => {
    const slug = `made-in-${level}`;
    const res = await call(
      'POST',
      `${path}/badges`,
      badgeBody(slug, { id: 999, systemId: 998, issuerId: 997, programId: 996, archived: true, milestones: [1] }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`${path}/badges/${slug}`);
    const badge = badgeOf(res);
    expect(res.body).toEqual({ status: 'created', badge: expect.any(Object) });
    expect(Object.keys(badge)).toEqual(
      BADGE_KEYS.filter((k) => (k !== 'issuer' || level !== 'system') && (k !== 'program' || level === 'program')),
    );
    expect(badge).toEqual({
      id: expect.any(Number),
      slug,
      name: `Badge ${slug}`,
      strapline: null,
      earnerDescription: 'What you did',
      consumerDescription: 'What they did',
      issuerUrl: null,
      rubricUrl: null,
      timeValue: null,
      timeUnits: null,
      limit: null,
      unique: 1,
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      imageUrl: 'http://example.org/badge.png',
      type: 'skill',
      archived: false,
      system: SHALLOW_SYSTEM,
      ...(level !== 'system' && { issuer: SHALLOW_ISSUER }),
      ...(level === 'program' && { program: SHALLOW_PROGRAM }),
      criteriaUrl: 'http://example.org/criteria',
      criteria: [],
      alignments: [],
      evidenceType: null,
      categories: [],
      tags: [],
      milestones: [],
    });
    expect(badge.id).not.toBe(999);
  });

  it('stores every field, the collections and their normalised values', async () => {
    const badge = await created(
      P,
      badgeBody('full', {
        strapline: 'Short line',
        issuerUrl: 'http://issuer.example.org',
        rubricUrl: 'http://rubric.example.org',
        timeValue: 5,
        timeUnits: 'hours',
        limit: '10',
        unique: 'false',
        evidenceType: 'Photo',
        criteria: [
          { description: 'Read a book', required: 1, note: 'Any book' },
          { description: 'Write a review', required: 'false' },
          { description: 'Share it' },
        ],
        alignments: [{ name: 'CCSS.ELA', url: 'http://standards.example.org/ela', description: 'Reading standard' }],
        categories: ['reading', 'reading', '', 'writing'],
        tags: ['books', { value: 'library' }, 'books', ''],
      }),
    );
    expect(badge).toMatchObject({
      strapline: 'Short line',
      issuerUrl: 'http://issuer.example.org',
      rubricUrl: 'http://rubric.example.org',
      timeValue: 5,
      timeUnits: 'hours',
      limit: 10,
      unique: 0,
      evidenceType: 'Photo',
      categories: ['reading', 'writing'],
    });
    expect(badge.criteria).toEqual([
      { id: expect.any(Number), description: 'Read a book', required: 1, note: 'Any book' },
      { id: expect.any(Number), description: 'Write a review', required: 0, note: '' },
      { id: expect.any(Number), description: 'Share it', required: 1, note: '' },
    ]);
    expect(badge.alignments).toEqual([
      {
        id: expect.any(Number),
        name: 'CCSS.ELA',
        url: 'http://standards.example.org/ela',
        description: 'Reading standard',
      },
    ]);
    expect(badge.tags).toEqual([
      { id: expect.any(Number), value: 'books' },
      { id: expect.any(Number), value: 'library' },
    ]);
  });

  it('generates a 32-hex slug and defaults type to "" (D-14) when they are left out', async () => {
    const { slug: _slug, type: _type, ...rest } = badgeBody('unused');
    const res = await call('POST', `${S}/badges`, rest);
    expect(res.status).toBe(201);
    const badge = badgeOf(res);
    expect(badge.slug).toMatch(/^[0-9a-f]{32}$/);
    expect(badge.type).toBe('');
    expect(res.headers.get('location')).toBe(`${S}/badges/${badge.slug}`);
  });

  it('accepts urlencoded bodies with nested criteria, boolean-likes and single strings (D-15)', async () => {
    const form = new URLSearchParams({
      slug: 'from-form',
      name: 'From a form',
      earnerDescription: 'e',
      consumerDescription: 'c',
      criteriaUrl: 'www.example.org/criteria',
      unique: 'true',
      imageUrl: 'http://example.org/form.png',
      'criteria[0][description]': 'First',
      'criteria[0][required]': 'on',
      'criteria[1][description]': 'Second',
      'criteria[1][required]': '0',
      'criteria[1][note]': 'optional',
      categories: 'solo',
      'tags[]': 'one',
      'alignments[0][name]': 'A',
      'alignments[0][url]': 'http://a.example.org',
      'alignments[0][description]': 'An alignment',
    });
    form.append('tags[]', 'two');
    form.append('tags[]', 'one');
    const res = await call('POST', `${I}/badges`, form.toString(), 'application/x-www-form-urlencoded');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(badgeOf(res)).toMatchObject({
      unique: 1,
      imageUrl: 'http://example.org/form.png',
      criteria: [
        { description: 'First', required: 1, note: '' },
        { description: 'Second', required: 0, note: 'optional' },
      ],
      alignments: [{ name: 'A', url: 'http://a.example.org', description: 'An alignment' }],
      categories: ['solo'],
      tags: [{ value: 'one' }, { value: 'two' }],
    });
  });

  it('accepts a multipart upload as the image and answers its absolute public URL (D-6)', async () => {
    const boundary = 'laurel-test-boundary';
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const fields = badgeBody('uploaded');
    delete fields.image;
    const body =
      Object.entries(fields)
        .map(([k, v]) => part(k, String(v)))
        .join('') +
      part('criteria[0][description]', 'Upload something') +
      `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="badge.png"\r\nContent-Type: image/png\r\n\r\nPNG-BYTES\r\n--${boundary}--\r\n`;
    const res = await call('POST', `${S}/badges`, body, `multipart/form-data; boundary=${boundary}`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const badge = badgeOf(res);
    expect(badge.imageUrl).toMatch(new RegExp(`^${system.gatewayUrl}/public/images/[0-9a-f]{32}$`));
    expect(badge.criteria).toEqual([
      { id: expect.any(Number), description: 'Upload something', required: 1, note: '' },
    ]);
  });

  it('answers 400 naming exactly the required fields for an empty body', async () => {
    const res = await call('POST', `${I}/badges`, {});
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'ValidationError', message: 'Could not validate required fields' });
    const details = (res.body as { details: Json[] }).details;
    expect(details.map((d) => d.field).sort()).toEqual([
      'consumerDescription',
      'criteriaUrl',
      'earnerDescription',
      'image',
      'name',
      'unique',
    ]);
    expect(details).toContainEqual({ field: 'name', value: '' });
    expect(details.at(-1)).toEqual({ message: 'Missing value', field: 'image' });
  });

  it('answers 400 with BadgeKit’s messages for bad values, child items (D-18, D-19) and images', async () => {
    const res = await call(
      'POST',
      `${S}/badges`,
      badgeBody('bad', {
        slug: '',
        strapline: 'x'.repeat(141),
        criteriaUrl: 'not a url',
        unique: 'yes',
        timeValue: '05',
        timeUnits: 'years',
        limit: 'ten',
        evidenceType: 'url',
        image: { data: 'not a string' },
        criteria: [{ note: 'no description' }, { description: 'ok', required: 'maybe' }],
        alignments: [{ name: 'A', url: 'http://a.example.org' }],
      }),
    );
    expect(res.status).toBe(400);
    expect((res.body as { details: Json[] }).details).toEqual([
      { message: 'String is not in range', field: 'strapline', value: 'x'.repeat(141) },
      { message: 'Invalid integer', field: 'timeValue', value: '05' },
      { message: 'Unexpected value or invalid argument', field: 'timeUnits', value: 'years' },
      { message: 'Invalid integer', field: 'limit', value: 'ten' },
      { message: 'Unexpected value or invalid argument', field: 'unique', value: 'yes' },
      { message: 'Invalid URL', field: 'criteriaUrl', value: 'not a url' },
      { message: 'Unexpected value or invalid argument', field: 'evidenceType', value: 'url' },
      { field: 'criteria[0][description]', value: '' },
      { message: 'Unexpected value or invalid argument', field: 'criteria[1][required]', value: 'maybe' },
      { field: 'alignments[0][description]', value: '' },
      { message: 'Missing value', field: 'image' },
    ]);

    const badUrl = await call('POST', `${S}/badges`, badgeBody('bad-image', { image: 'not a url' }));
    expect((badUrl.body as { details: Json[] }).details).toEqual([
      { message: 'Invalid URL', field: 'url', value: 'not a url' },
    ]);
  });

  it('answers 404 for a broken lookup chain before validating the body', async () => {
    const system404 = await call('POST', '/systems/atlantis/badges', {});
    expect(system404.status).toBe(404);
    expect(system404.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find system field: `slug`, value: `atlantis`',
    });
    const issuer404 = await call('POST', `${S}/issuers/nobody/badges`, badgeBody('orphan'));
    expect(issuer404.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find issuer field: `slug`, value: `nobody`',
    });
    const program404 = await call('POST', `${I}/programs/nothing/badges`, {});
    expect(program404.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find program field: `slug`, value: `nothing`',
    });
  });

  it('keeps slugs unique per system, ignoring case, across its issuers and programs', async () => {
    const conflict = await call('POST', `${S}/badges`, badgeBody('MADE-IN-PROGRAM'));
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({
      code: 'ResourceConflict',
      message: 'badge with that `slug` already exists',
      details: expect.objectContaining({ slug: 'MADE-IN-PROGRAM', name: 'Badge MADE-IN-PROGRAM' }),
    });
    const trailing = await call('POST', `${I}/badges`, badgeBody('made-in-system  '));
    expect(trailing.status).toBe(409);
    // Another system may use the same slug (model.md deviation from BadgeKit's global slugs).
    expect((await call('POST', '/systems/boston/badges', badgeBody('made-in-program'))).status).toBe(201);
  });
});

describe('GET {ctx}/badges', () => {
  it('scopes lists as §7.2 says: a system sees every badge, an issuer its own and its programs’, a program its own', async () => {
    const all = await call('GET', `${S}/badges`);
    expect(all.status).toBe(200);
    expect(all.body).not.toHaveProperty('pageData');
    expect(slugsOf(all)).toEqual(
      expect.arrayContaining(['made-in-system', 'made-in-issuer', 'made-in-program', 'full', 'from-form', 'uploaded']),
    );
    expect(slugsOf(await call('GET', `${I}/badges`)).sort()).toEqual([
      'from-form',
      'full',
      'made-in-issuer',
      'made-in-program',
    ]);
    expect(slugsOf(await call('GET', `${P}/badges`)).sort()).toEqual(['full', 'made-in-program']);
    expect(slugsOf(await call('GET', `${S}/issuers/museum/badges`))).toEqual([]);
    expect(slugsOf(await call('GET', '/systems/boston/badges'))).toEqual(['made-in-program']);
  });

  it('answers fully loaded badges ordered by id, with absolute image URLs and empty milestones', async () => {
    const badges = badgesOf(await call('GET', `${P}/badges`));
    expect(badges.map((b) => b.id)).toEqual([...badges.map((b) => b.id)].sort((a, b) => a - b));
    const full = badges.find((b) => b.slug === 'full');
    expect(full).toMatchObject({
      system: SHALLOW_SYSTEM,
      issuer: SHALLOW_ISSUER,
      program: SHALLOW_PROGRAM,
      milestones: [],
      categories: ['reading', 'writing'],
    });
    expect(full?.criteria).toHaveLength(3);
    expect(full?.tags).toHaveLength(2);
    const uploaded = badgesOf(await call('GET', `${S}/badges`)).find((b) => b.slug === 'uploaded');
    expect(uploaded?.imageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/public\/images\/[0-9a-f]{32}$/);
  });

  it('pages with pageData only when page and count are both positive', async () => {
    const all = slugsOf(await call('GET', `${S}/badges`));
    const page = await call('GET', `${S}/badges?page=2&count=2`);
    expect(page.body).toMatchObject({ pageData: { page: 2, count: 2, total: all.length } });
    expect(slugsOf(page)).toEqual(all.slice(2, 4));
    const beyond = await call('GET', `${S}/badges?page=50&count=2`);
    expect(beyond.body).toEqual({ badges: [], pageData: { page: 50, count: 2, total: all.length } });
    const ignored = await call('GET', `${S}/badges?page=0&count=2`);
    expect(ignored.body).not.toHaveProperty('pageData');
    expect(slugsOf(ignored)).toEqual(all);
  });

  it('answers 404 for a broken lookup chain', async () => {
    expect((await call('GET', '/systems/atlantis/badges')).status).toBe(404);
    expect((await call('GET', `${I}/programs/nothing/badges`)).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find program field: `slug`, value: `nothing`',
    });
  });
});

describe('the archived filter', () => {
  beforeAll(async () => {
    await created(P, badgeBody('retired'));
    const res = await call('PUT', `${P}/badges/retired`, { archived: 'true' });
    expect(badgeOf(res).archived).toBe(true);
  });

  it.each(CONTEXTS)('filters archived badges in $name', async ({ path }) => {
    const active = slugsOf(await call('GET', `${path}/badges`));
    expect(active).not.toContain('retired');
    for (const query of ['true', '1'])
      expect(slugsOf(await call('GET', `${path}/badges?archived=${query}`))).toEqual(['retired']);
    for (const query of ['?archived=false', '?archived=0', '?archived=undefined'])
      expect(slugsOf(await call('GET', `${path}/badges${query}`))).toEqual(active);
    for (const query of ['?archived=any', '?archived=', '?archived'])
      expect(slugsOf(await call('GET', `${path}/badges${query}`)).sort()).toEqual([...active, 'retired'].sort());
  });

  it('answers 400 InvalidParameter for any other value or a repeated parameter', async () => {
    const invalid = {
      code: 'InvalidParameter',
      parameter: 'archived',
      message: "Invalid `archived` parameter. Expecting one of 'true', 'false' or 'any'.",
    };
    for (const query of ['archived=yes', 'archived=TRUE', 'archived=true&archived=true']) {
      const res = await call('GET', `${S}/badges?${query}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(invalid);
    }
    // The lookup chain (404) comes before the handler's checks (400), as §2.1 orders them.
    expect((await call('GET', '/systems/atlantis/badges?archived=yes')).status).toBe(404);
  });

  it('still finds an archived badge by its path', async () => {
    expect(badgeOf(await call('GET', `${S}/badges/retired`)).archived).toBe(true);
  });
});

describe('GET {ctx}/badges/:badgeSlug', () => {
  it.each(CONTEXTS)('reads a program’s badge through $name (§7.2), case-insensitively', async ({ path }) => {
    const res = await call('GET', `${path}/badges/FULL`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body as Json)).toEqual(['badge']);
    expect(badgeOf(res)).toMatchObject({
      slug: 'full',
      program: SHALLOW_PROGRAM,
      issuer: SHALLOW_ISSUER,
      milestones: [],
    });
  });

  it('does not find a badge outside the path’s issuer or program', async () => {
    const otherIssuer = await call('GET', `${S}/issuers/museum/badges/full`);
    expect(otherIssuer.status).toBe(404);
    expect(otherIssuer.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find badge field: `slug`, value: `full`',
    });
    expect((await call('GET', `${I}/badges/made-in-system`)).status).toBe(404);
    expect((await call('GET', `${P}/badges/made-in-issuer`)).status).toBe(404);
    expect((await call('GET', '/systems/boston/badges/full')).status).toBe(404);
  });

  it('answers 404 naming the first missing level', async () => {
    expect((await call('GET', '/systems/atlantis/badges/full')).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find system field: `slug`, value: `atlantis`',
    });
    expect((await call('GET', `${S}/issuers/nobody/badges/full`)).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find issuer field: `slug`, value: `nobody`',
    });
    expect((await call('GET', `${I}/programs/nothing/badges/full`)).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find program field: `slug`, value: `nothing`',
    });
    expect((await call('GET', `${S}/badges/nothing`)).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find badge field: `slug`, value: `nothing`',
    });
  });

  it('lists the milestones whose primary badge it is (§7.6), with bare badges', async () => {
    const support = await created(S, badgeBody('support'));
    const primary = await created(I, badgeBody('primary'));
    const milestone = await call('POST', `${S}/milestones`, {
      numberRequired: 1,
      primaryBadgeId: primary.id,
      supportBadges: [support.id],
      action: 'issue',
    });
    expect(milestone.status, JSON.stringify(milestone.body)).toBe(201);
    const bare = (b: BadgeJson): unknown =>
      expect.objectContaining({
        id: b.id,
        slug: b.slug,
        criteria: [],
        alignments: [],
        categories: [],
        tags: [],
        milestones: [],
      });
    const res = await call('GET', `${I}/badges/primary`);
    expect(badgeOf(res).milestones).toEqual([
      {
        id: expect.any(Number),
        action: 'issue',
        numberRequired: 1,
        primaryBadge: bare(primary),
        supportBadges: [bare(support)],
      },
    ]);
    const milestoneBadge = (badgeOf(res).milestones as { primaryBadge: Json }[])[0]?.primaryBadge ?? {};
    for (const key of ['imageUrl', 'system', 'issuer', 'program']) expect(milestoneBadge).not.toHaveProperty(key);
    expect(badgeOf(await call('GET', `${S}/badges/support`)).milestones).toEqual([]);
    // The milestone goes with its primary badge (§7.8).
    expect((await call('DELETE', `${S}/badges/primary`)).status).toBe(200);
    expect((await call('GET', `${S}/milestones`)).body).toMatchObject({ milestones: [] });
  });
});

describe('PUT {ctx}/badges/:badgeSlug', () => {
  it.each(CONTEXTS)('updates a badge through $name and keeps omitted collections (D-12)', async ({ path, level }) => {
    const slug = `kept-${level}`;
    const before = await created(
      path,
      badgeBody(slug, {
        criteria: [{ description: 'c1' }],
        alignments: [{ name: 'a', url: 'http://a.example.org', description: 'd' }],
        categories: 'cat',
        tags: 'tag',
      }),
    );
    const res = await call('PUT', `${path}/badges/${slug}`, {
      name: 'Renamed',
      strapline: null,
      timeValue: 3,
      unique: 0,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'updated', badge: expect.any(Object) });
    const after = badgeOf(res);
    expect(after).toMatchObject({
      name: 'Renamed',
      strapline: null,
      timeValue: 3,
      unique: 0,
      categories: ['cat'],
      tags: before.tags,
      criteria: before.criteria,
      alignments: before.alignments,
    });
    expect(after.created).toBe(before.created);
  });

  it('replaces given collections, keeping the ids of the badge’s own items and clearing with [] (D-12, D-18)', async () => {
    const before = badgeOf(await call('GET', `${P}/badges/full`));
    const [first, second] = before.criteria as { id: number }[];
    const other = badgeOf(await call('GET', `${I}/badges/from-form`));
    const foreignId = (other.criteria[0] as { id: number }).id;
    const res = await call('PUT', `${P}/badges/full`, {
      criteria: [
        { id: second?.id, description: 'Write a better review', required: true },
        { id: foreignId, description: 'Not stolen' },
        { description: 'New one' },
      ],
      alignments: [],
      tags: ['fresh'],
    });
    expect(res.status).toBe(200);
    const after = badgeOf(res);
    expect(after.criteria).toEqual([
      { id: second?.id, description: 'Write a better review', required: 1, note: '' },
      { id: expect.any(Number), description: 'Not stolen', required: 1, note: '' },
      { id: expect.any(Number), description: 'New one', required: 1, note: '' },
    ]);
    expect(after.criteria.map((c) => c.id)).not.toContain(first?.id);
    expect(after.criteria.map((c) => c.id)).not.toContain(foreignId);
    expect(after.alignments).toEqual([]);
    expect(after.tags).toEqual([{ id: expect.any(Number), value: 'fresh' }]);
    expect(after.categories).toEqual(['reading', 'writing']);
    // The other badge's criterion was not touched.
    expect(badgeOf(await call('GET', `${I}/badges/from-form`)).criteria).toEqual(other.criteria);
  });

  it('ignores ids and parents in the body (D-17) and replaces the image', async () => {
    const before = badgeOf(await call('GET', `${S}/badges/made-in-system`));
    const res = await call('PUT', `${S}/badges/made-in-system`, {
      id: 1,
      systemId: 999,
      issuerId: 1,
      programId: 1,
      imageId: 1,
      created: '2001-01-01T00:00:00.000Z',
      imageUrl: 'http://example.org/new.png',
    });
    expect(res.status).toBe(200);
    const after = badgeOf(res);
    expect(after).toMatchObject({ id: before.id, created: before.created, imageUrl: 'http://example.org/new.png' });
    expect(after).not.toHaveProperty('issuer');
    expect(after).not.toHaveProperty('program');
  });

  it('answers 200 unchanged for a body of unknown keys only', async () => {
    const before = badgeOf(await call('GET', `${S}/badges/made-in-issuer`));
    const res = await call('PUT', `${S}/badges/made-in-issuer`, { colour: 'blue' });
    expect(res.status).toBe(200);
    expect(badgeOf(res)).toEqual(before);
  });

  it('validates the merged record and answers 400', async () => {
    const res = await call('PUT', `${I}/badges/made-in-issuer`, {
      name: '',
      unique: null,
      slug: '',
      criteriaUrl: 'nope',
      archived: 'maybe',
      criteria: [{}],
    });
    expect(res.status).toBe(400);
    expect((res.body as { details: Json[] }).details).toEqual([
      { field: 'name', value: '' },
      { field: 'unique', value: '' },
      { message: 'Invalid URL', field: 'criteriaUrl', value: 'nope' },
      { message: 'Unexpected value or invalid argument', field: 'archived', value: 'maybe' },
      { field: 'criteria[0][description]', value: '' },
    ]);
    const emptySlug = await call('PUT', `${I}/badges/made-in-issuer`, { slug: '' });
    expect(emptySlug.status).toBe(400);
    expect((emptySlug.body as { details: Json[] }).details).toEqual([{ field: 'slug', value: '' }]);
  });

  it('answers 409 with the submitted values when the new slug is taken in the system, and renames otherwise', async () => {
    const res = await call('PUT', `${I}/badges/made-in-issuer`, { slug: 'Made-In-System', name: 'Clash' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      code: 'ResourceConflict',
      message: 'badge with that `slug` already exists',
      details: { slug: 'Made-In-System', name: 'Clash' },
    });
    const renamed = await call('PUT', `${I}/badges/made-in-issuer`, { slug: 'renamed-in-issuer' });
    expect(badgeOf(renamed).slug).toBe('renamed-in-issuer');
    expect((await call('GET', `${S}/badges/renamed-in-issuer`)).status).toBe(200);
  });

  it('answers 404 for a badge outside the path’s context', async () => {
    const res = await call('PUT', `${S}/issuers/museum/badges/full`, { name: 'x' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find badge field: `slug`, value: `full`',
    });
  });
});

describe('DELETE {ctx}/badges/:badgeSlug', () => {
  it.each(CONTEXTS)('deletes a badge through $name and answers it bare', async ({ path, level }) => {
    const slug = `doomed-${level}`;
    await created(P, badgeBody(slug, { criteria: [{ description: 'c' }], tags: ['t'] }));
    const res = await call('DELETE', `${path}/badges/${slug}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'deleted',
      badge: expect.objectContaining({ slug, criteria: [], alignments: [], categories: [], tags: [], milestones: [] }),
    });
    const bare = badgeOf(res);
    expect(Object.keys(bare)).toEqual(
      BADGE_KEYS.filter((k) => !['imageUrl', 'system', 'issuer', 'program'].includes(k)),
    );
    expect((await call('GET', `${S}/badges/${slug}`)).status).toBe(404);
    expect((await call('DELETE', `${path}/badges/${slug}`)).status).toBe(404);
  });

  it('does not delete a badge outside the path’s context', async () => {
    expect((await call('DELETE', `${S}/issuers/museum/badges/full`)).status).toBe(404);
    expect((await call('GET', `${P}/badges/full`)).status).toBe(200);
  });
});
