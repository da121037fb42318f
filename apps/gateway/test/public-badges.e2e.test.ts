/**
 * Public badge documents without a token (§7.4, §10.2, model.md "Public
 * documents"), and the catalog's badge RPCs that the other families use
 * (by site and id, by public URL), through the real gateway and catalog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';
import { ServiceClient } from '@laurel/service-kit';
import { laurelProtos, type catalogV1 } from '@laurel/protos';

let system: TestSystem;
let catalog: ServiceClient<catalogV1.CatalogDefinition>;
const ids: Record<string, number> = {};
let chicagoId = '';
let bostonId = '';

type Json = Record<string, unknown>;
const signed = async (method: string, path: string, body?: Json) => {
  const res = await badgekitRequest(system.gatewayUrl, {
    secret: TEST_MASTER_SECRET,
    method,
    path,
    ...(body && { body: JSON.stringify(body) }),
  });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body as Json;
};
const open = async (path: string) => {
  const res = await fetch(system.gatewayUrl + path);
  return { status: res.status, body: (await res.json()) as Json };
};

const S = '/systems/chicago';
const I = `${S}/issuers/library`;
const P = `${I}/programs/reading`;

const badgeBody = (slug: string, extra: Json = {}): Json => ({
  slug,
  name: `Badge ${slug}`,
  earnerDescription: 'What you did',
  consumerDescription: `About ${slug}`,
  criteriaUrl: `http://example.org/criteria/${slug}`,
  unique: 1,
  imageUrl: `http://example.org/${slug}.png`,
  ...extra,
});

beforeAll(async () => {
  system = await startSystem('public-badges');
  catalog = new ServiceClient(laurelProtos().catalog.v1.Catalog.service, `127.0.0.1:${system.ports['badge-catalog']}`, {
    deadlineMs: 10_000,
  });
  const org = (slug: string) => ({ slug, name: slug.toUpperCase(), url: `http://${slug}.example.org` });
  chicagoId = String(((await signed('POST', '/systems', org('chicago'))).system as Json).id);
  bostonId = String(((await signed('POST', '/systems', org('boston'))).system as Json).id);
  await signed('POST', `${S}/issuers`, org('library'));
  await signed('POST', `${I}/programs`, org('reading'));
  for (const [path, slug, extra] of [
    [S, 'alpha', {}],
    [I, 'beta', {}],
    [
      P,
      'gamma',
      {
        alignments: [{ name: 'ELA', url: 'http://standards.example.org/ela', description: 'Reading' }],
        tags: ['kept'],
      },
    ],
    [S, 'old', {}],
    ['/systems/boston', 'alpha', {}],
  ] as const) {
    const { badge } = await signed('POST', `${path}/badges`, badgeBody(slug, extra));
    ids[`${path === '/systems/boston' ? 'boston-' : ''}${slug}`] = (badge as { id: number }).id;
  }
  await signed('PUT', `${S}/badges/old`, { archived: true });
});
afterAll(async () => {
  catalog?.close();
  await system?.stop();
});

describe('GET /public/badges', () => {
  const location = (path: string) => `${system.gatewayUrl}/public/systems/${path}`;

  it('lists the badge class URL of every active badge of every system, in its deepest context, without a token', async () => {
    const res = await open('/public/badges');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      badgelist: [
        { location: location('chicago/badges/alpha') },
        { location: location('chicago/issuers/library/badges/beta') },
        { location: location('chicago/issuers/library/programs/reading/badges/gamma') },
        { location: location('boston/badges/alpha') },
      ],
    });
  });

  it('applies the archived filter and paging', async () => {
    expect((await open('/public/badges?archived=true')).body).toEqual({
      badgelist: [{ location: location('chicago/badges/old') }],
    });
    expect(((await open('/public/badges?archived=any')).body.badgelist as Json[]).length).toBe(5);
    expect((await open('/public/badges?archived=any&page=2&count=2')).body).toEqual({
      badgelist: [
        { location: location('chicago/issuers/library/programs/reading/badges/gamma') },
        { location: location('chicago/badges/old') },
      ],
      pageData: { page: 2, count: 2, total: 5 },
    });
    const invalid = await open('/public/badges?archived=never');
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({
      code: 'InvalidParameter',
      parameter: 'archived',
      message: "Invalid `archived` parameter. Expecting one of 'true', 'false' or 'any'.",
    });
  });

  it('points at URLs that answer the badge class', async () => {
    for (const { location: url } of (await open('/public/badges')).body.badgelist as { location: string }[]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      expect(await res.json()).toHaveProperty('name');
    }
  });
});

describe('badge class documents (§10.2)', () => {
  const classOf = (slug: string, issuer: string, extra: Json = {}) => ({
    name: `Badge ${slug}`,
    description: `About ${slug}`,
    image: `http://example.org/${slug}.png`,
    criteria: `http://example.org/criteria/${slug}`,
    alignment: [],
    issuer: `${system.gatewayUrl}/public/systems/${issuer}`,
    ...extra,
  });

  it('serves a badge class in each context, naming the deepest organization as its issuer', async () => {
    expect(await open('/public/systems/chicago/badges/alpha')).toEqual({
      status: 200,
      body: classOf('alpha', 'chicago'),
    });
    expect((await open('/public/systems/chicago/issuers/library/badges/beta')).body).toEqual(
      classOf('beta', 'chicago/issuers/library'),
    );
    const gamma = classOf('gamma', 'chicago/issuers/library/programs/reading', {
      alignment: [{ name: 'ELA', url: 'http://standards.example.org/ela', description: 'Reading' }],
    });
    expect((await open('/public/systems/chicago/issuers/library/programs/reading/badges/gamma')).body).toEqual(gamma);
    // §7.2 scoping: a program's badge is found through its system and issuer too.
    expect((await open('/public/systems/Chicago/badges/GAMMA')).body).toEqual(gamma);
    expect((await open('/public/systems/chicago/issuers/library/badges/gamma')).body).toEqual(gamma);
  });

  it('serves archived badges, whose awards still verify', async () => {
    expect((await open('/public/systems/chicago/badges/old')).status).toBe(200);
  });

  it('serves the same document at /public/badges/{id}', async () => {
    expect(await open(`/public/badges/${ids.gamma}`)).toEqual(
      await open('/public/systems/chicago/issuers/library/programs/reading/badges/gamma'),
    );
    expect((await open(`/public/badges/${ids['boston-alpha']}`)).body).toMatchObject({
      issuer: `${system.gatewayUrl}/public/systems/boston`,
    });
  });

  it('answers 404 for a broken lookup chain or an unknown badge', async () => {
    expect(await open('/public/systems/atlantis/badges/alpha')).toEqual({
      status: 404,
      body: { code: 'ResourceNotFound', message: 'Could not find system field: `slug`, value: `atlantis`' },
    });
    expect((await open('/public/systems/chicago/issuers/nobody/badges/beta')).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find issuer field: `slug`, value: `nobody`',
    });
    expect((await open('/public/systems/chicago/issuers/library/programs/none/badges/gamma')).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find program field: `slug`, value: `none`',
    });
    expect((await open('/public/systems/chicago/issuers/library/badges/alpha')).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find badge field: `slug`, value: `alpha`',
    });
    expect((await open('/public/badges/abc')).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find badge field: `id`, value: `abc`',
    });
    expect((await open('/public/badges/987654321')).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find badge field: `id`, value: `987654321`',
    });
  });
});

describe('ResolveBadgeUrl', () => {
  const resolve = (url: string, siteId = chicagoId) => catalog.call('ResolveBadgeUrl', { url, siteId });

  it('resolves Laurel’s own public URL and BadgeKit’s badge class paths, on the path alone', async () => {
    expect((await resolve(`https://elsewhere.example.org/public/badges/${ids.alpha}`)).badge?.slug).toBe('alpha');
    expect((await resolve(`/public/badges/${ids.gamma}?v=2_0`)).badge?.slug).toBe('gamma');
    expect(
      (await resolve('http://127.0.0.1:1/public/systems/chicago/issuers/library/programs/reading/badges/gamma')).badge
        ?.id,
    ).toBe(String(ids.gamma));
    expect((await resolve('/public/systems/CHICAGO/badges/beta')).badge?.id).toBe(String(ids.beta));
    expect((await resolve(`/public/badges/${ids['boston-alpha']}`, bostonId)).badge?.system?.slug).toBe('boston');
  });

  it('answers ResourceNotFound for another site’s badge, or a URL that names no badge', async () => {
    for (const [url, site] of [
      [`/public/badges/${ids['boston-alpha']}`, chicagoId],
      ['/public/systems/boston/badges/alpha', chicagoId],
      ['/public/systems/chicago/issuers/nobody/badges/beta', chicagoId],
      ['/public/systems/chicago/issuers/library/badges/alpha', chicagoId],
      ['/systems/chicago/badges/alpha', chicagoId],
      ['/public/badges/not-a-number', chicagoId],
      ['', chicagoId],
      [`/public/badges/${ids.alpha}`, '0'],
    ] as const) {
      await expect(resolve(url, site), url).rejects.toMatchObject({ reason: 'ResourceNotFound' });
    }
  });
});

describe('badge RPCs of the other families', () => {
  it('creates a site-level badge with the family’s own defaults', async () => {
    const { badge } = await catalog.call('CreateBadge', {
      context: { systemSlug: 'chicago' },
      fields: { name: 'Commenter', origin: 'kickapps', location: 'blog', criteriaUrl: 'http://example.org/c' },
    });
    expect(badge).toMatchObject({
      name: 'Commenter',
      origin: 'kickapps',
      published: false,
      unique: true,
      location: 'blog',
      archived: false,
      criteria: [],
      tags: [],
    });
    expect(badge?.slug).toMatch(/^[0-9a-f]{32}$/);
    expect(badge).not.toHaveProperty('earnerDescription');
    ids.commenter = Number(badge?.id);
  });

  it('gets a badge by id, only within the site asked for', async () => {
    expect((await catalog.call('GetBadge', { id: String(ids.gamma), siteId: chicagoId })).badge?.slug).toBe('gamma');
    expect((await catalog.call('GetBadge', { id: String(ids.gamma) })).badge?.slug).toBe('gamma');
    await expect(catalog.call('GetBadge', { id: String(ids.gamma), siteId: bostonId })).rejects.toMatchObject({
      reason: 'ResourceNotFound',
      message: `Could not find badge field: \`id\`, value: \`${ids.gamma}\``,
    });
  });

  it('lists a site’s badges with location, published and id filters', async () => {
    const slugs = async (request: catalogV1.ListBadgesRequest) =>
      (await catalog.call('ListBadges', request)).badges.map((b) => b.slug);
    expect(await slugs({ siteId: chicagoId })).toHaveLength(4);
    expect(await slugs({ siteId: chicagoId, archived: 'ARCHIVED_FILTER_ANY' })).toHaveLength(5);
    expect(await slugs({ siteId: chicagoId, location: 'blog' })).toHaveLength(1);
    expect(await slugs({ siteId: chicagoId, published: true })).toEqual(['alpha', 'beta', 'gamma']);
    expect(await slugs({ siteId: chicagoId, ids: [String(ids.beta), String(ids['boston-alpha'])] })).toEqual(['beta']);
    const paged = await catalog.call('ListBadges', { siteId: bostonId, page: { page: 1, count: 1 } });
    expect(paged.pageInfo).toMatchObject({ total: '1', paged: true });
    await expect(catalog.call('ListBadges', { siteId: '987654' })).rejects.toMatchObject({
      reason: 'ResourceNotFound',
    });
  });

  it('updates a site’s badge by id: present fields change, cleared ones become null, omitted collections stay', async () => {
    const { badge } = await catalog.call('UpdateBadge', {
      siteBadge: { siteId: chicagoId, badgeId: String(ids.gamma) },
      fields: { published: false, location: 'forum', cleared: ['strapline', 'criteria_url'] },
    });
    expect(badge).toMatchObject({
      published: false,
      location: 'forum',
      origin: 'badgekit',
      tags: [{ value: 'kept' }],
      alignments: [{ name: 'ELA' }],
    });
    expect(badge).not.toHaveProperty('criteriaUrl');
    await expect(
      catalog.call('UpdateBadge', {
        siteBadge: { siteId: chicagoId, badgeId: String(ids.gamma) },
        fields: { cleared: ['name'] },
      }),
    ).rejects.toMatchObject({
      reason: 'ValidationError',
      details: [{ field: 'name', value: '' }],
    });
    await expect(
      catalog.call('UpdateBadge', {
        siteBadge: { siteId: bostonId, badgeId: String(ids.gamma) },
        fields: { name: 'x' },
      }),
    ).rejects.toMatchObject({ reason: 'ResourceNotFound' });
  });

  it('deletes a site’s badge by id and answers it as it was', async () => {
    const { badge } = await catalog.call('DeleteBadge', {
      siteBadge: { siteId: chicagoId, badgeId: String(ids.commenter) },
    });
    expect(badge).toMatchObject({ name: 'Commenter', location: 'blog' });
    await expect(catalog.call('GetBadge', { id: String(ids.commenter) })).rejects.toMatchObject({
      reason: 'ResourceNotFound',
    });
  });
});
