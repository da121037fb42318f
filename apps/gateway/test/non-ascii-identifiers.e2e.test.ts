/**
 * Identifiers that carry any text — non-ASCII, NUL, emoji — sent through the
 * gateway to every service that looks them up (issue 9, item 1). Before the
 * error transport carried any text, a not-found for `ü` killed the service
 * that answered it. Each family must answer with a 4xx in its own format, and
 * every service must still be running and answering afterwards.
 *
 * One system for all four services: a system start costs seconds, and one
 * file keeps the whole check well under a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgekitRequest,
  startSystem,
  TEST_MASTER_SECRET,
  type AppName,
  type JsonResponse,
  type TestSystem,
} from '@laurel/testkit';

let system: TestSystem;
let site = '';
let adminToken = '';
let memberToken = '';

type Json = Record<string, unknown>;

/** Decoded identifiers; each is percent-encoded where it goes into a path. */
const HOSTILE = ['ü', 'Grüße-東京-🎖️', 'a\u0000b', '\u0000', 'é'.repeat(300)];
const enc = encodeURIComponent;

const master = (method: string, path: string, body?: unknown): Promise<JsonResponse> =>
  badgekitRequest(system.gatewayUrl, {
    method,
    path,
    secret: TEST_MASTER_SECRET,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

async function get(path: string): Promise<JsonResponse> {
  const res = await fetch(system.gatewayUrl + path);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* asserted below */
  }
  return { status: res.status, headers: res.headers, body };
}

async function kickapps(path: string, params: Record<string, string>): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${system.gatewayUrl}/rest${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

async function v2(path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${system.gatewayUrl}/api/v2${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

/** A client's mistake: 4xx, JSON, nothing internal. */
function expectClientError(res: { status: number; body: unknown }, what: string): void {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
  expect(typeof res.body, what).toBe('object');
  expect(JSON.stringify(res.body), what).not.toMatch(/stack|\/work\/|node_modules|at .*\.js:\d+/i);
}

/**
 * BadgeKit's (and the public documents') `{code, message}` with a 4xx: the
 * service's not-found or validation error, or the edge's InvalidParameter for a
 * NUL, which never reaches a service.
 */
function expectBadgeKitError(res: JsonResponse, what: string): void {
  expectClientError(res, what);
  expect(res.body, what).toMatchObject({
    code: expect.stringMatching(/^(ResourceNotFound|ValidationError|InvalidParameter)$/) as unknown,
    message: expect.any(String) as unknown,
  });
}

/** The service's process has not exited (each describe then shows it still answers). */
function expectAlive(app: AppName): void {
  const child = system.process(app).child();
  expect(child.exitCode, `${app} exited`).toBeNull();
  expect(child.signalCode, `${app} was killed`).toBeNull();
}

beforeAll(async () => {
  system = await startSystem('non-ascii-identifiers');
  expect(
    (
      await master('POST', '/systems', {
        slug: 'chicago',
        name: 'Chicago',
        url: 'https://chicago.example.org',
        email: 'c@example.org',
      })
    ).status,
  ).toBe(201);
  site = String(((await master('GET', '/systems/chicago')).body as { system: { id: number } }).system.id);
  const badge = await master('POST', '/systems/chicago/badges', {
    slug: 'alpha',
    name: 'Alpha',
    earnerDescription: 'did it',
    consumerDescription: 'they did it',
    criteriaUrl: 'http://example.org/criteria',
    unique: 1,
    image: 'http://example.org/a.png',
  });
  expect(badge.status, JSON.stringify(badge.body)).toBe(201);
  const developer = await master('POST', '/admin/systems/chicago/consumers', {
    name: 'developer',
    permissions: ['kickapps-developer'],
  });
  const developerKey = (developer.body as { consumer: { secret: string } }).consumer.secret;
  const members = await master('POST', '/admin/systems/chicago/members', [
    { username: 'webmaster', email: 'webmaster@example.org', password: 'correct horse battery', role: 'WEBMASTER' },
    { username: 'fan', email: 'fan@example.org', password: 'correct horse battery' },
  ]);
  expect(members.status, JSON.stringify(members.body)).toBeLessThan(300);
  adminToken = String(
    (await kickapps(`/token/create/webmaster/${site}`, { developerKey, password: 'correct horse battery' })).body.TOKEN,
  );
  const login = await v2('/Login', { tenant: 'chicago', userName: 'fan', password: 'correct horse battery' });
  expect(login.body.resultCode, JSON.stringify(login.body)).toBe(0);
  memberToken = String(login.body.token);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

describe('badge-catalog: system, badge and image slugs, the v2 tenant', () => {
  it.each(HOSTILE)('answers %j with a 4xx in each family and stays up', async (value) => {
    for (const path of [
      `/public/systems/${enc(value)}`,
      `/public/systems/chicago/issuers/${enc(value)}`,
      `/public/badges/${enc(value)}`,
      `/public/images/${enc(value)}`,
    ]) {
      const res = await get(path);
      expectClientError(res, path);
    }
    for (const path of [
      `/systems/${enc(value)}`,
      `/systems/chicago/badges/${enc(value)}`,
      `/systems/chicago/issuers/${enc(value)}`,
    ]) {
      expectBadgeKitError(await master('GET', path), path);
    }
    const login = await v2('/Login', { tenant: value, userName: 'fan', password: 'correct horse battery' });
    // A NUL in a JSON body is refused by the edge as an unreadable body (-3001); any other text is looked up.
    const refused = value.includes('\u0000')
      ? { resultCode: -3001 }
      : { resultCode: -1, resultMessage: 'tenant not found' };
    expect(login).toMatchObject({ status: 200, body: refused });
    expectAlive('badge-catalog');
  });

  it('still answers afterwards', async () => {
    expect((await get('/public/systems/chicago')).status).toBe(200);
    expect((await master('GET', '/systems/chicago/badges/alpha')).status).toBe(200);
  });
});

describe('claim-code: claim codes', () => {
  it.each(HOSTILE)('answers %j with a BadgeKit 4xx and stays up', async (value) => {
    for (const path of [`/systems/chicago/badges/alpha/codes/${enc(value)}`, `/systems/chicago/codes/${enc(value)}`]) {
      expectBadgeKitError(await master('GET', path), path);
    }
    const claim = await master('POST', `/systems/chicago/badges/alpha/codes/${enc(value)}/claim`, {
      email: 'earner@example.org',
    });
    expectBadgeKitError(claim, 'claim');
    expectAlive('claim-code');
  });

  it('keeps a non-ASCII code it was given, and refuses it twice with a conflict', async () => {
    const created = await master('POST', '/systems/chicago/badges/alpha/codes', { code: 'grüße-東京' });
    const again = await master('POST', '/systems/chicago/badges/alpha/codes', { code: 'grüße-東京' });
    if (created.status === 201) {
      expect(again.status, JSON.stringify(again.body)).toBe(409);
      expect(again.body).toMatchObject({ code: 'ResourceConflict' });
    } else {
      expectClientError(created, 'create');
    }
    expectAlive('claim-code');
    expect((await master('GET', '/systems/chicago/badges/alpha/codes')).status).toBe(200);
  });
});

describe('issuance: assertion uids, instance emails, application slugs', () => {
  it.each(HOSTILE)('answers %j with a 4xx and stays up', async (value) => {
    expectBadgeKitError(await get(`/public/assertions/${enc(value)}`), 'public assertion');
    for (const path of [
      `/systems/chicago/badges/alpha/instances/${enc(value)}`,
      `/systems/chicago/badges/alpha/applications/${enc(value)}`,
    ]) {
      expectBadgeKitError(await master('GET', path), path);
    }
    // The instances of an email nobody earned anything with: an empty list, or a 400 for text PostgreSQL cannot hold.
    const byEmail = await master('GET', `/systems/chicago/instances/${enc(value)}`);
    if (byEmail.status === 200) expect(byEmail.body).toEqual({ instances: [] });
    else expectBadgeKitError(byEmail, 'instances by email');
    expectAlive('issuance');
  });

  it('still answers afterwards', async () => {
    expect((await master('GET', '/systems/chicago/badges/alpha/instances')).status).toBe(200);
  });
});

describe('requirements: v2 outcome codes, KickApps action names', () => {
  it.each(HOSTILE)('answers the outcome %j in v2 format and stays up', async (value) => {
    const res = await v2(`/Outcome/${memberToken}/${enc(value)}`);
    if (value.includes('\u0000')) {
      // The edge refuses a control character in the path before any handler: HTTP 400, resultCode 400.
      expect(res, JSON.stringify(res.body)).toMatchObject({ status: 400, body: { resultCode: 400 } });
    } else {
      // v2 answers a domain error with HTTP 200 and its resultCode (§4.1).
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.resultCode, JSON.stringify(res.body)).toBe(value.length > 32 ? -2073 : -2074);
    }
    expectAlive('requirements');
  });

  it('refuses a second action with the same non-ASCII name as a KickApps conflict, and stays up', async () => {
    const first = await kickapps(`/badgeaction/add/${site}`, { t: adminToken, name: 'grüße-東京' });
    expect(first.body).toMatchObject({ status: 1, added: true });
    const second = await kickapps(`/badgeaction/add/${site}`, { t: adminToken, name: 'grüße-東京' });
    expect(second.status).toBeLessThan(500);
    expect(second.body).toMatchObject({ status: -1, errorId: '3' });
    expectAlive('requirements');
    expect((await kickapps(`/badgeactions/list/${site}`, { t: adminToken })).body).toMatchObject({ status: 1 });
  });
});
