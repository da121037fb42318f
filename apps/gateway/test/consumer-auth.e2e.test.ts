/**
 * BadgeKit consumer keys (badgekit-api.md §3.3 checks 15b–17b, §3.4) for
 * consumers made through the admin API: confined to their own system,
 * signed with their own secret, unknown without the `badgekit` permission,
 * and gone the moment they (or their system) are deleted. Their secrets are
 * stored only hashed and sealed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Knex } from '@laurel/service-kit';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';

let system: TestSystem;
let db: Knex;

interface Credentials {
  key: string;
  secret: string;
}

const master = (method: string, path: string, body?: unknown) =>
  badgekitRequest(system.gatewayUrl, {
    method,
    path,
    secret: TEST_MASTER_SECRET,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

const as = (who: Credentials, method: string, path: string, body?: unknown) =>
  badgekitRequest(system.gatewayUrl, {
    method,
    path,
    key: who.key,
    secret: who.secret,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

async function consumer(site: string, permissions: string[]): Promise<Credentials> {
  const res = await master('POST', `/admin/systems/${site}/consumers`, {
    name: `${site} ${permissions.join('+')}`,
    permissions,
  });
  expect(res.status).toBe(201);
  const { key, secret } = (res.body as { consumer: Credentials }).consumer;
  return { key, secret };
}

const notAuthorized = (message: string) => ({ code: 'NotAuthorized', message });

let gamma: Credentials;

beforeAll(async () => {
  system = await startSystem('consumer-auth');
  db = createDatabase({
    url: system.database.url,
    schema: 'gateway',
    poolMax: 1,
    applicationName: 'consumer-auth-test',
  });
  for (const slug of ['gamma', 'delta', 'epsilon']) {
    expect((await master('POST', '/systems', { slug, name: slug, url: 'https://example.org' })).status).toBe(201);
  }
  gamma = await consumer('gamma', ['badgekit']);
});
afterAll(async () => {
  await db?.destroy();
  await system?.stop();
});

describe('a consumer with the badgekit permission', () => {
  it('calls BadgeKit routes of its own system, reads and writes', async () => {
    const get = await as(gamma, 'GET', '/systems/gamma');
    expect(get.status).toBe(200);
    expect(get.body).toMatchObject({ system: { slug: 'gamma' } });
    const put = await as(gamma, 'PUT', '/systems/gamma', { name: 'Gamma renamed' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ status: 'updated', system: { name: 'Gamma renamed' } });
  });

  it('gets "Invalid token for system" on another system, on /systems, and for another spelling of its slug', async () => {
    for (const path of ['/systems/delta', '/systems', '/systems/GAMMA']) {
      const res = await as(gamma, 'GET', path);
      expect(res.status).toBe(403);
      expect(res.body).toEqual(notAuthorized('Invalid token for system'));
    }
  });

  it('must sign with its own secret', async () => {
    const res = await as({ key: gamma.key, secret: TEST_MASTER_SECRET }, 'GET', '/systems/gamma');
    expect(res.body).toEqual(notAuthorized('Invalid token signature'));
  });

  it('is checked in BadgeKit’s order: the path before the key, the system before the signature', async () => {
    const wrongPath = await badgekitRequest(system.gatewayUrl, {
      method: 'GET',
      path: '/systems/gamma',
      key: gamma.key,
      secret: 'wrong',
      claims: { path: '/systems/delta' },
    });
    expect(wrongPath.body).toEqual(
      notAuthorized('`path` does not match: trying to use token for "/systems/delta" on "/systems/gamma"'),
    );
    const otherSystemWrongSecret = await as({ key: gamma.key, secret: 'wrong' }, 'GET', '/systems/delta');
    expect(otherSystemWrongSecret.body).toEqual(notAuthorized('Invalid token for system'));
  });
});

describe('keys BadgeKit does not know', () => {
  it('an unknown key', async () => {
    const res = await as({ key: 'no-such-key', secret: 'whatever-secret' }, 'GET', '/systems/gamma');
    expect(res.body).toEqual(notAuthorized('Could not find consumer for API key'));
  });

  it('a consumer of this system without the badgekit permission', async () => {
    const importer = await consumer('gamma', ['badge-import', 'admin']);
    const res = await as(importer, 'GET', '/systems/gamma');
    expect(res.status).toBe(403);
    expect(res.body).toEqual(notAuthorized('Could not find consumer for API key'));
  });

  it('a deleted consumer, from the next request on', async () => {
    const shortLived = await consumer('delta', ['badgekit']);
    expect((await as(shortLived, 'GET', '/systems/delta')).status).toBe(200);
    expect((await master('DELETE', `/admin/systems/delta/consumers/${shortLived.key}`)).status).toBe(200);
    expect((await as(shortLived, 'GET', '/systems/delta')).body).toEqual(
      notAuthorized('Could not find consumer for API key'),
    );
  });

  it('a consumer whose system was deleted (§3.4)', async () => {
    const orphan = await consumer('epsilon', ['badgekit']);
    expect((await as(orphan, 'GET', '/systems/epsilon')).status).toBe(200);
    expect((await master('DELETE', '/systems/epsilon')).status).toBe(200);
    expect((await as(orphan, 'GET', '/systems/epsilon')).body).toEqual(
      notAuthorized('Could not find consumer for API key'),
    );
  });
});

describe('secret storage', () => {
  it('keeps no consumer secret in clear: slow hashes and a sealed copy only', async () => {
    const rows = (await db('consumers').select('*').where({ key: gamma.key })) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    const row = rows[0] as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain(gamma.secret);
    expect(row.secret_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(row.secret_md5_hash).toMatch(/^scrypt\$/);
    expect(row.secret_hash).not.toBe(row.secret_md5_hash);
    expect(row.secret_sealed).toMatch(/^v1\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('does not open a sealed secret moved onto another consumer’s row', async () => {
    const victim = await consumer('delta', ['badgekit']);
    const [source] = (await db('consumers').select('secret_sealed').where({ key: gamma.key })) as {
      secret_sealed: string;
    }[];
    await db('consumers').where({ key: victim.key }).update({ secret_sealed: source?.secret_sealed });
    // Signed with gamma's secret, but the sealed copy is bound to gamma's key: the gateway refuses, loudly.
    const res = await as({ key: victim.key, secret: gamma.secret }, 'GET', '/systems/delta');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 'InternalError', message: 'An internal error occured' });
  });
});
