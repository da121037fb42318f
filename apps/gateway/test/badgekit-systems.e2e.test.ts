/**
 * The walking skeleton through every layer: BadgeKit system routes with JWT
 * authorization, through the real gateway and catalog processes, into
 * PostgreSQL, with BadgeKit's response and error bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, eventually, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';

let system: TestSystem;
const call = (request: Omit<Parameters<typeof badgekitRequest>[1], 'secret'> & { secret?: string }) =>
  badgekitRequest(system.gatewayUrl, { secret: TEST_MASTER_SECRET, ...request });

beforeAll(async () => {
  system = await startSystem('badgekit-systems');
});
afterAll(async () => {
  await system?.stop();
});

describe('POST /systems', () => {
  it('creates a system and answers 201 with BadgeKit’s envelope', async () => {
    const body = JSON.stringify({
      slug: 'chicago',
      name: 'Chicago',
      url: 'http://example.org',
      email: 'admin@example.org',
      description: 'City of learning',
    });
    const res = await call({ method: 'POST', path: '/systems', body });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      status: 'created',
      system: {
        id: expect.any(Number),
        slug: 'chicago',
        name: 'Chicago',
        url: 'http://example.org',
        email: 'admin@example.org',
        description: 'City of learning',
        imageUrl: null,
        issuers: [],
      },
    });
  });

  it('answers 409 ResourceConflict for a slug that differs only in case', async () => {
    const body = JSON.stringify({ slug: 'CHICAGO', name: 'Other', url: 'http://example.org' });
    const res = await call({ method: 'POST', path: '/systems', body });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      code: 'ResourceConflict',
      message: 'system with that `slug` already exists',
      details: { slug: 'CHICAGO', name: 'Other', url: 'http://example.org' },
    });
  });

  it('answers 400 ValidationError naming every bad field', async () => {
    const body = JSON.stringify({ slug: '', url: 'not a url', email: 'nope' });
    const res = await call({ method: 'POST', path: '/systems', body });
    expect(res.status).toBe(400);
    const details = (res.body as { details: { field: string }[] }).details;
    expect(res.body).toMatchObject({ code: 'ValidationError', message: 'Could not validate required fields' });
    expect(details.map((d) => d.field).sort()).toEqual(['email', 'name', 'slug', 'url']);
    expect(details).toContainEqual({ field: 'slug', value: '' });
    expect(details).toContainEqual({ message: 'Invalid URL', field: 'url', value: 'not a url' });
    expect(details).toContainEqual({ message: 'Invalid email', field: 'email', value: 'nope' });
  });

  it('accepts urlencoded bodies', async () => {
    const body = 'slug=form-made&name=Form%20Made&url=www.example.org';
    const res = await call({
      method: 'POST',
      path: '/systems',
      body,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ system: { slug: 'form-made', name: 'Form Made', url: 'www.example.org' } });
  });

  it('answers 400 InvalidContent for malformed JSON, before authorization', async () => {
    const response = await fetch(`${system.gatewayUrl}/systems`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"slug":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'InvalidContent',
      message: expect.stringMatching(/^Invalid JSON: /),
    });
  });

  it('answers 415 for a body of another type', async () => {
    const response = await fetch(`${system.gatewayUrl}/systems`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'a,b',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ code: 'UnsupportedMediaTypeError', message: 'text/csv' });
  });
});

describe('GET /systems/:slug and GET /systems', () => {
  it('reads a system back by slug, case-insensitively', async () => {
    const res = await call({ method: 'GET', path: '/systems/Chicago' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ system: { slug: 'chicago', name: 'Chicago', issuers: [] } });
  });

  it('answers 404 naming the missing system', async () => {
    const res = await call({ method: 'GET', path: '/systems/atlantis' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find system field: `slug`, value: `atlantis`',
    });
  });

  it('lists systems, with pageData only when page and count are both positive', async () => {
    const all = await call({ method: 'GET', path: '/systems' });
    expect(all.status).toBe(200);
    expect(all.body).not.toHaveProperty('pageData');
    expect((all.body as { systems: unknown[] }).systems.length).toBeGreaterThanOrEqual(2);

    const paged = await call({ method: 'GET', path: '/systems?page=2&count=1' });
    expect(paged.body).toMatchObject({ systems: [{ slug: 'form-made' }], pageData: { page: 2, count: 1, total: 2 } });
  });

  it('updates and deletes a system', async () => {
    const updated = await call({
      method: 'PUT',
      path: '/systems/form-made',
      body: JSON.stringify({ name: 'Renamed', id: 999 }),
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ status: 'updated', system: { slug: 'form-made', name: 'Renamed' } });
    expect((updated.body as { system: { id: number } }).system.id).not.toBe(999);

    const deleted = await call({ method: 'DELETE', path: '/systems/form-made' });
    expect(deleted.body).toMatchObject({
      status: 'deleted',
      system: { slug: 'form-made', imageUrl: null, issuers: [] },
    });
    expect((await call({ method: 'GET', path: '/systems/form-made' })).status).toBe(404);
  });
});

describe('routing and authorization', () => {
  it('answers 404 for unknown paths and 405 for known paths, before authorization', async () => {
    const unknown = await fetch(`${system.gatewayUrl}/nowhere`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: 'ResourceNotFound', message: '/nowhere does not exist' });

    const wrongMethod = await fetch(`${system.gatewayUrl}/systems`, { method: 'PATCH' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
    expect(await wrongMethod.json()).toEqual({ code: 'MethodNotAllowedError', message: 'PATCH is not allowed' });
  });

  it('normalizes repeated and trailing slashes', async () => {
    const res = await call({ method: 'GET', path: '//systems//chicago/', claims: { path: '/systems/chicago' } });
    expect(res.status).toBe(200);
  });

  it('refuses requests without a valid token with 403 NotAuthorized', async () => {
    const none = await fetch(`${system.gatewayUrl}/systems`);
    expect(none.status).toBe(403);
    expect(await none.json()).toEqual({ code: 'NotAuthorized', message: 'Missing valid Authorization header' });

    const wrongSecret = await call({ method: 'GET', path: '/systems', secret: 'not-the-master-secret' });
    expect(wrongSecret.body).toEqual({ code: 'NotAuthorized', message: 'Invalid token signature' });

    const wrongPath = await call({ method: 'GET', path: '/systems', claims: { path: '/systems/chicago' } });
    expect(wrongPath.body).toEqual({
      code: 'NotAuthorized',
      message: '`path` does not match: trying to use token for "/systems/chicago" on "/systems"',
    });

    const badHash = await call({
      method: 'POST',
      path: '/systems',
      body: '{}',
      claims: { body: { alg: 'sha256', hash: 'abc' } },
    });
    expect(badHash.body).toMatchObject({
      code: 'NotAuthorized',
      message: expect.stringMatching(/^Computed hash does not match given hash: abc != [0-9a-f]{64}$/),
    });

    const unknownKey = await call({ method: 'GET', path: '/systems/chicago', key: 'someone' });
    expect(unknownKey.body).toEqual({ code: 'NotAuthorized', message: 'Could not find consumer for API key' });
  });

  it('answers the BadgeKit health check without a token', async () => {
    const res = await fetch(`${system.gatewayUrl}/healthcheck`);
    expect(await res.json()).toEqual({ app: 'BadgeKit API', version: '0.2.22' });
  });
});

describe('operations', () => {
  it('serves /healthz, /readyz and /metrics', async () => {
    expect((await fetch(`${system.gatewayUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${system.gatewayUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: {
        'badge-catalog': true,
        'claim-code': true,
        requirements: true,
        issuance: true,
        database: true,
        kafka: true,
      },
    });
    const metrics = await (await fetch(`${system.gatewayUrl}/metrics`)).text();
    expect(metrics).toContain('laurel_http_request_seconds_bucket');
  });

  it('reports the families that need a service that is down as not ready', async () => {
    await system.process('issuance').kill('SIGKILL');
    const ready = await fetch(`${system.gatewayUrl}/readyz`);
    // The core (database, catalog) answers: the gateway stays in rotation.
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      checks: { issuance: false, 'badge-catalog': true },
      families: { 'badgekit-instances': { ready: false, down: ['issuance'] } },
    });
    expect((await fetch(`${system.gatewayUrl}/readyz?family=badgekit-instances`)).status).toBe(503);
    await system.process('issuance').restart();
    // The gateway's channel reconnects on its own backoff (at most about a second).
    await eventually(
      () => fetch(`${system.gatewayUrl}/readyz?family=all`),
      (r) => r.status === 200,
    );
  });
});
