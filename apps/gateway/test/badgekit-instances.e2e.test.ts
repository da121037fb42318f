/**
 * BadgeKit instances (§9 with model.md's "Earned badges" and the D-10, D-11,
 * D-13, D-14 fixes) through the real gateway, catalog, claim-code and
 * issuance: every route in each context, every error body, expired
 * instances still listed, revocation (404 afterwards, 410 from the public
 * assertion) and awards by claim code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';

let system: TestSystem;
const call = (request: Omit<Parameters<typeof badgekitRequest>[1], 'secret'>) =>
  badgekitRequest(system.gatewayUrl, { secret: TEST_MASTER_SECRET, ...request });
const get = (path: string) => call({ method: 'GET', path });
const del = (path: string) => call({ method: 'DELETE', path });
const post = (path: string, body: unknown) => call({ method: 'POST', path, body: JSON.stringify(body) });
const put = (path: string, body: unknown) => call({ method: 'PUT', path, body: JSON.stringify(body) });

interface InstanceJson {
  slug: string;
  email: string;
  expires: string | null;
  issuedOn: string;
  claimCode?: string | null;
  assertionUrl: string;
  badge: { slug: string } | null;
}
const instanceOf = (body: unknown) => (body as { instance: InstanceJson }).instance;
const instancesOf = (body: unknown) => (body as { instances: InstanceJson[] }).instances;

const S = '/systems/alpha';
const I = `${S}/issuers/guild`;
const P = `${I}/programs/juniors`;

async function created(path: string, body: Record<string, unknown>): Promise<void> {
  const res = await post(path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

const badge = (slug: string) => ({
  slug,
  name: `Badge ${slug}`,
  strapline: 'A strapline',
  earnerDescription: 'For earners',
  consumerDescription: 'For consumers',
  criteriaUrl: 'https://example.org/criteria',
  unique: 1,
  type: 'Skill',
  imageUrl: 'https://example.org/badge.png',
});

beforeAll(async () => {
  system = await startSystem('badgekit-instances');
  await created('/systems', { slug: 'alpha', name: 'Alpha', url: 'https://alpha.example.org' });
  await created(`${S}/issuers`, { slug: 'guild', name: 'Guild', url: 'https://guild.example.org' });
  await created(`${S}/issuers`, { slug: 'other', name: 'Other', url: 'https://other.example.org' });
  await created(`${I}/programs`, { slug: 'juniors', name: 'Juniors', url: 'https://juniors.example.org' });
  await created(`${S}/badges`, badge('sb'));
  await created(`${S}/badges`, badge('archived'));
  await created(`${S}/badges`, badge('coded'));
  await created(`${S}/badges`, { ...badge('repeatable'), unique: 0 });
  await created(`${I}/badges`, badge('ib'));
  await created(`${P}/badges`, badge('pb'));
  await created(`${S}/issuers/other/badges`, badge('ob'));
  expect((await put(`${S}/badges/archived`, { archived: 1 })).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

describe('POST {ctx}/badges/:badgeSlug/instances', () => {
  let first: InstanceJson;

  it('awards: 201 with the create form of the instance and a relative Location', async () => {
    const res = await post(`${S}/badges/sb/instances`, { email: 'Earner@Example.org', comment: 'well done' });
    expect(res.status).toBe(201);
    const body = res.body as { status: string; instance: InstanceJson };
    expect(body.status).toBe('created');
    first = body.instance;
    expect(Object.keys(first)).toEqual(['slug', 'email', 'expires', 'issuedOn', 'assertionUrl', 'badge']);
    expect(first.slug).toMatch(/^[0-9a-f]{40}$/);
    expect(first).toMatchObject({ email: 'Earner@Example.org', expires: null, badge: null });
    expect(first.issuedOn).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(res.headers.get('location')).toBe(`/public/assertions/${first.slug}`);
    expect(first.assertionUrl).toBe(`${system.gatewayUrl}/public/assertions/${first.slug}`);
  });

  it('answers 409 with the existing assertion URL for the same email in any case', async () => {
    const res = await post(`${S}/badges/sb/instances`, { email: 'earner@example.ORG' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      code: 'ResourceConflict',
      message: 'User earner@example.ORG has already been awarded badge sb',
      details: { assertionUrl: first.assertionUrl },
    });
  });

  it('keeps one instance per email also for a repeatable badge', async () => {
    await created(`${S}/badges/repeatable/instances`, { email: 'again@example.org' });
    const res = await post(`${S}/badges/repeatable/instances`, { email: 'again@example.org' });
    expect(res.status).toBe(409);
    expect((res.body as { message: string }).message).toBe(
      'User again@example.org has already been awarded badge repeatable',
    );
  });

  it('validates email', async () => {
    let res = await post(`${S}/badges/sb/instances`, {});
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'ValidationError',
      message: 'Could not validate required fields',
      details: [{ field: 'email', value: '' }],
    });
    res = await post(`${S}/badges/sb/instances`, { email: 'nope' });
    expect(res.body).toEqual({
      code: 'ValidationError',
      message: 'Could not validate required fields',
      details: [{ message: 'Invalid email', field: 'email', value: 'nope' }],
    });
  });

  it('refuses a time it cannot read', async () => {
    const res = await post(`${S}/badges/sb/instances`, { email: 'dates@example.org', expires: 'next tuesday-ish' });
    expect(res.status).toBe(400);
    expect((res.body as { details: unknown[] }).details).toEqual([
      { message: 'Not a date', field: 'expires', value: 'next tuesday-ish' },
    ]);
  });

  it('takes a client slug, and issuedOn/expires as Unix seconds, milliseconds or ISO (D-14)', async () => {
    let res = await post(`${S}/badges/sb/instances`, {
      email: 'seconds@example.org',
      slug: 'my-slug',
      issuedOn: 1400094712,
      expires: '2014-10-29',
    });
    expect(res.status).toBe(201);
    expect(instanceOf(res.body)).toMatchObject({
      slug: 'my-slug',
      issuedOn: '2014-05-14T19:11:52.000Z',
      expires: '2014-10-29T00:00:00.000Z',
    });
    res = await post(`${S}/badges/sb/instances`, {
      email: 'millis@example.org',
      issuedOn: '1400094712345',
      expires: 4102444800,
    });
    expect(instanceOf(res.body)).toMatchObject({
      issuedOn: '2014-05-14T19:11:52.345Z',
      expires: '2100-01-01T00:00:00.000Z',
    });
  });

  it('answers 409 for a slug another instance has (D-10)', async () => {
    const res = await post(`${S}/badges/sb/instances`, { email: 'clash@example.org', slug: 'MY-SLUG' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'ResourceConflict',
      message: 'badgeInstance with that `slug` already exists',
    });
  });

  it('refuses an archived badge with a details entry for badge', async () => {
    const res = await post(`${S}/badges/archived/instances`, { email: 'late@example.org' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'ValidationError', message: 'Could not validate required fields' });
    expect((res.body as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(['badge']);
  });

  it('answers 404 for a broken lookup chain, before validating', async () => {
    let res = await post(`${S}/badges/nope/instances`, {});
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find badge field: `slug`, value: `nope`',
    });
    res = await post(`${S}/issuers/other/badges/ib/instances`, { email: 'x@example.org' });
    expect(res.status).toBe(404);
  });

  it('awards in the issuer and program contexts', async () => {
    await created(`${I}/badges/ib/instances`, { email: 'scoped@example.org' });
    await created(`${P}/badges/pb/instances`, { email: 'scoped@example.org' });
    await created(`${I}/badges/pb/instances`, { email: 'other-scoped@example.org' });
    await created(`${S}/issuers/other/badges/ob/instances`, { email: 'scoped@example.org' });
    expect((await post(`${P}/badges/ib/instances`, { email: 'scoped@example.org' })).status).toBe(404);
  });
});

describe('GET {ctx}/badges/:badgeSlug/instances', () => {
  it('lists every unrevoked instance with its full badge, expired ones included, paged', async () => {
    const res = await get(`${S}/badges/sb/instances`);
    expect(res.status).toBe(200);
    const list = instancesOf(res.body);
    expect(list.map((i) => i.email)).toEqual(['Earner@Example.org', 'seconds@example.org', 'millis@example.org']);
    expect(list[1]?.expires).toBe('2014-10-29T00:00:00.000Z');
    expect(list[0]?.badge?.slug).toBe('sb');
    expect(list[0]?.claimCode).toBeNull();
    expect(res.body).not.toHaveProperty('pageData');
    const paged = await get(`${S}/badges/sb/instances?page=2&count=2`);
    expect(instancesOf(paged.body).map((i) => i.email)).toEqual(['millis@example.org']);
    expect((paged.body as { pageData: unknown }).pageData).toEqual({ page: 2, count: 2, total: 3 });
  });

  it('lists in the issuer and program contexts', async () => {
    expect(instancesOf((await get(`${I}/badges/ib/instances`)).body).map((i) => i.email)).toEqual([
      'scoped@example.org',
    ]);
    expect(instancesOf((await get(`${P}/badges/pb/instances`)).body).map((i) => i.email)).toEqual([
      'scoped@example.org',
      'other-scoped@example.org',
    ]);
    expect((await get(`${S}/issuers/other/badges/pb/instances`)).status).toBe(404);
  });
});

describe('GET and DELETE {ctx}/badges/:badgeSlug/instances/:email', () => {
  it('gets an instance by email, case-insensitively, with its full badge', async () => {
    const res = await get(`${S}/badges/sb/instances/EARNER@example.org`);
    expect(res.status).toBe(200);
    const instance = instanceOf(res.body);
    expect(Object.keys(instance)).toEqual([
      'slug',
      'email',
      'expires',
      'issuedOn',
      'claimCode',
      'assertionUrl',
      'badge',
    ]);
    expect(instance).toMatchObject({ email: 'Earner@Example.org', claimCode: null, badge: { slug: 'sb' } });
    expect((await get(`${I}/badges/ib/instances/scoped@example.org`)).status).toBe(200);
    expect((await get(`${P}/badges/pb/instances/scoped@example.org`)).status).toBe(200);
  });

  it('answers 404 for an email without the badge', async () => {
    const res = await get(`${S}/badges/sb/instances/brian+test@example.org`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find badgeInstance field: `email`, value: `brian+test@example.org`',
    });
    expect((await del(`${S}/badges/sb/instances/nobody@example.org`)).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find badgeInstance field: `email`, value: `nobody@example.org`',
    });
  });

  it('revokes: the instance as it was, no status; then 404, gone from lists, 410 in public', async () => {
    const before = instanceOf((await get(`${S}/badges/sb/instances/seconds@example.org`)).body);
    const res = await del(`${S}/badges/sb/instances/seconds@example.org`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ instance: before });
    expect((await get(`${S}/badges/sb/instances/seconds@example.org`)).status).toBe(404);
    expect(instancesOf((await get(`${S}/badges/sb/instances`)).body).map((i) => i.email)).not.toContain(
      'seconds@example.org',
    );
    for (const suffix of ['', '?v=2_0']) {
      const assertion = await fetch(`${before.assertionUrl}${suffix}`);
      expect(assertion.status).toBe(410);
      // No reason was given, so none is sent (never null); 2.0 also names the assertion.
      const body: unknown = await assertion.json();
      expect(body).toMatchObject({ revoked: true });
      expect(body).not.toHaveProperty('revocationReason');
    }
  });

  it('awards again after a revocation, with a new assertion', async () => {
    const res = await post(`${S}/badges/sb/instances`, { email: 'seconds@example.org' });
    expect(res.status).toBe(201);
    expect(instanceOf(res.body).slug).not.toBe('my-slug');
    expect((await post(`${S}/badges/sb/instances`, { email: 'seconds@example.org' })).status).toBe(409);
  });

  it('revokes in the issuer and program contexts', async () => {
    await created(`${I}/badges/ib/instances`, { email: 'revoke-me@example.org' });
    await created(`${P}/badges/pb/instances`, { email: 'revoke-me@example.org' });
    expect((await del(`${I}/badges/ib/instances/revoke-me@example.org`)).status).toBe(200);
    expect((await del(`${P}/badges/pb/instances/revoke-me@example.org`)).status).toBe(200);
    expect((await get(`${P}/badges/pb/instances/revoke-me@example.org`)).status).toBe(404);
  });
});

describe('POST {ctx}/badges/:badgeSlug/instances/bulk', () => {
  it('answers the bare 400 when emails is not an array', async () => {
    const res = await post(`${S}/badges/sb/instances/bulk`, { emails: 'one@example.org' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ message: 'Invalid value for "emails".  Expected array.' });
  });

  it('validates every email first and writes nothing when one fails', async () => {
    const res = await post(`${S}/badges/sb/instances/bulk`, { emails: ['fine@example.org', 'bad', 'worse'] });
    expect(res.status).toBe(400);
    expect((res.body as { details: unknown[] }).details).toEqual([
      { message: 'Invalid email', field: 'email', value: 'bad' },
      { message: 'Invalid email', field: 'email', value: 'worse' },
    ]);
    expect((await get(`${S}/badges/sb/instances/fine@example.org`)).status).toBe(404);
  });

  it('awards the new emails only, skipping holders and duplicates silently', async () => {
    const res = await post(`${S}/badges/sb/instances/bulk`, {
      emails: ['b1@example.org', 'earner@example.org', 'b2@example.org', 'B1@example.org'],
      expires: 1400094712000,
    });
    expect(res.status).toBe(201);
    const body = res.body as { status: string; instances: InstanceJson[] };
    expect(body.status).toBe('created');
    expect(body.instances.map((i) => i.email.toLowerCase()).sort()).toEqual(['b1@example.org', 'b2@example.org']);
    expect(body.instances[0]).toMatchObject({ badge: null, expires: '2014-05-14T19:11:52.000Z' });
    expect((await get(`${S}/badges/sb/instances/b2@example.org`)).status).toBe(200);
  });

  it('works in the issuer and program contexts and 404s outside them', async () => {
    expect(
      instancesOf((await post(`${I}/badges/ib/instances/bulk`, { emails: ['bulk-i@example.org'] })).body),
    ).toHaveLength(1);
    expect(
      instancesOf((await post(`${P}/badges/pb/instances/bulk`, { emails: ['bulk-p@example.org'] })).body),
    ).toHaveLength(1);
    expect((await post(`${S}/issuers/other/badges/ib/instances/bulk`, { emails: [] })).status).toBe(404);
  });
});

describe('GET {ctx}/instances/:email', () => {
  it('lists the email’s instances in the system, with full badges', async () => {
    const res = await get(`${S}/instances/scoped@example.org`);
    expect(res.status).toBe(200);
    expect(instancesOf(res.body).map((i) => i.badge?.slug)).toEqual(['ib', 'pb', 'ob']);
  });

  it('scopes issuer and program lists to their badges (D-13)', async () => {
    expect(instancesOf((await get(`${I}/instances/scoped@example.org`)).body).map((i) => i.badge?.slug)).toEqual([
      'ib',
      'pb',
    ]);
    expect(instancesOf((await get(`${P}/instances/scoped@example.org`)).body).map((i) => i.badge?.slug)).toEqual([
      'pb',
    ]);
    expect(
      instancesOf((await get(`${S}/issuers/other/instances/scoped@example.org`)).body).map((i) => i.badge?.slug),
    ).toEqual(['ob']);
  });

  it('pages, and answers an empty paged list with total 0', async () => {
    const paged = await get(`${S}/instances/scoped@example.org?page=1&count=2`);
    expect((paged.body as { pageData: unknown }).pageData).toEqual({ page: 1, count: 2, total: 3 });
    expect(instancesOf(paged.body)).toHaveLength(2);
    expect((await get(`${S}/instances/nobody@example.org`)).body).toEqual({ instances: [] });
    expect((await get(`${P}/instances/nobody@example.org?page=1&count=5`)).body).toEqual({
      instances: [],
      pageData: { page: 1, count: 5, total: 0 },
    });
  });

  it('answers 404 for a missing context', async () => {
    expect((await get(`${S}/issuers/nope/instances/scoped@example.org`)).status).toBe(404);
    expect((await get('/systems/nope/instances/scoped@example.org')).status).toBe(404);
  });
});

describe('POST instances with a claimCode (model.md "Earned badges")', () => {
  beforeAll(async () => {
    await created(`${S}/badges/coded/codes`, { code: 'single-one' });
    await created(`${S}/badges/coded/codes`, { code: 'multi-one', multiuse: true });
  });

  it('answers 404 for a code the badge does not have (D-10)', async () => {
    const res = await post(`${S}/badges/coded/instances`, { email: 'c1@example.org', claimCode: 'unknown-code' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find claimCode field: `code`, value: `unknown-code`',
    });
  });

  it('claims and awards; the same email again gets the same instance (201)', async () => {
    const res = await post(`${S}/badges/coded/instances`, { email: 'c1@example.org', claimCode: 'single-one' });
    expect(res.status).toBe(201);
    const instance = instanceOf(res.body);
    expect(instance).toMatchObject({ email: 'c1@example.org', claimCode: 'single-one', badge: null });
    const again = await post(`${S}/badges/coded/instances`, { email: 'C1@example.org', claimCode: 'single-one' });
    expect(again.status).toBe(201);
    expect(instanceOf(again.body).slug).toBe(instance.slug);
  });

  it('answers CodeAlreadyUsed for a single-use code claimed by another email', async () => {
    const res = await post(`${S}/badges/coded/instances`, { email: 'c2@example.org', claimCode: 'single-one' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'CodeAlreadyUsed', message: 'Claim code `single-one` has already been claimed' });
  });

  it('answers 409 without consuming the code when the email holds the badge otherwise (D-11)', async () => {
    await created(`${S}/badges/coded/instances`, { email: 'direct@example.org' });
    const res = await post(`${S}/badges/coded/instances`, { email: 'direct@example.org', claimCode: 'multi-one' });
    expect(res.status).toBe(409);
    await created(`${S}/badges/coded/instances`, { email: 'c3@example.org', claimCode: 'multi-one' });
  });
});

describe('a member’s awards in the per-email routes (model.md "Members and recipients")', () => {
  it('finds badges awarded to the member’s userId through the member’s email', async () => {
    const { ServiceClient } = await import('@laurel/service-kit');
    const { laurelProtos } = await import('@laurel/protos');
    const member = await post('/admin/systems/alpha/members', { username: 'mira', email: 'Mira@Example.org' });
    expect(member.status).toBe(201);
    const userId = String((member.body as { members: { userId: number }[] }).members[0]?.userId);
    const badgeBody = (await get(`${S}/badges/repeatable`)).body as { badge: { id: number; system: { id: number } } };
    const issuance = new ServiceClient(
      laurelProtos().issuance.v1.Issuance.service,
      `127.0.0.1:${system.ports.issuance}`,
      { deadlineMs: 10_000 },
    );
    try {
      // As requirements awards: to the member's id, with no email on the award.
      const { earnedBadge } = await issuance.call('Award', {
        siteId: String(badgeBody.badge.system.id),
        badgeId: String(badgeBody.badge.id),
        userId,
        channel: 'AWARD_CHANNEL_REQUIREMENTS',
        idempotencyKey: `requirements:${badgeBody.badge.id}:${userId}`,
      });
      expect(instancesOf((await get(`${S}/instances/mira@example.org`)).body).map((i) => i.slug)).toContain(
        earnedBadge?.uid,
      );
      expect(instanceOf((await get(`${S}/badges/repeatable/instances/MIRA@example.org`)).body).slug).toBe(
        earnedBadge?.uid,
      );
    } finally {
      issuance.close();
    }
  });
});
