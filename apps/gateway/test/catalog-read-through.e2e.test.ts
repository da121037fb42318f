/**
 * The catalog read-through cache (service-kit grpc/read-through.ts) is
 * exact across replicas: a catalog write made by somebody else (here a
 * direct gRPC client, as another gateway replica or an admin tool would)
 * is seen by the very next request through this gateway and by issuance,
 * after both have answered from their caches. No waiting, no retries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceClient } from '@laurel/service-kit';
import { laurelProtos, type catalogV1 } from '@laurel/protos';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type JsonResponse, type TestSystem } from '@laurel/testkit';

let system: TestSystem;
let catalog: ServiceClient<catalogV1.CatalogDefinition>;

const call = (method: string, path: string, body?: unknown): Promise<JsonResponse> =>
  badgekitRequest(system.gatewayUrl, {
    secret: TEST_MASTER_SECRET,
    method,
    path,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

const S = '/systems/cached';
const path = (badgeSlug: string) => ({ context: { systemSlug: 'cached' }, badgeSlug });
const nameOf = (res: JsonResponse) => (res.body as { badge?: { name?: string } }).badge?.name;

beforeAll(async () => {
  system = await startSystem('catalog-read-through');
  catalog = new ServiceClient(laurelProtos().catalog.v1.Catalog.service, `127.0.0.1:${system.ports['badge-catalog']}`, {
    deadlineMs: 10_000,
  });
  expect((await call('POST', '/systems', { slug: 'cached', name: 'Cached', url: 'https://example.org' })).status).toBe(
    201,
  );
  for (const slug of ['renamed', 'archived', 'deleted']) {
    const created = await call('POST', `${S}/badges`, {
      slug,
      name: `Badge ${slug}`,
      earnerDescription: 'Did it',
      consumerDescription: 'They did it',
      criteriaUrl: 'https://example.org/criteria',
      unique: 1,
      image: 'https://example.org/badge.png',
      type: 'skill',
    });
    expect(created.status).toBe(201);
  }
});

afterAll(async () => {
  catalog?.close();
  await system?.stop();
});

describe('reads through the gateway after writes made elsewhere', () => {
  it('sees every rename at once', async () => {
    for (let i = 0; i < 20; i++) {
      // Read twice so the second answer comes from the cache, then write behind the gateway's back.
      await call('GET', `${S}/badges/renamed`);
      expect(nameOf(await call('GET', `${S}/badges/renamed`))).toBe(i === 0 ? 'Badge renamed' : `Name ${i - 1}`);
      await catalog.call('UpdateBadge', { path: path('renamed'), fields: { name: `Name ${i}` } });
      expect(nameOf(await call('GET', `${S}/badges/renamed`))).toBe(`Name ${i}`);
    }
  });

  it('answers 404 for a badge deleted elsewhere, on its claim-code and instance routes too', async () => {
    expect((await call('GET', `${S}/badges/deleted`)).status).toBe(200);
    expect((await call('GET', `${S}/badges/deleted/codes`)).status).toBe(200);
    await catalog.call('DeleteBadge', { path: path('deleted') });
    expect((await call('GET', `${S}/badges/deleted`)).status).toBe(404);
    expect((await call('GET', `${S}/badges/deleted/codes`)).status).toBe(404);
    expect((await call('POST', `${S}/badges/deleted/instances`, { email: 'late@example.org' })).status).toBe(404);
  });

  it('refuses to award a badge archived elsewhere, though issuance had it cached as earnable', async () => {
    expect((await call('POST', `${S}/badges/archived/instances`, { email: 'first@example.org' })).status).toBe(201);
    await catalog.call('UpdateBadge', { path: path('archived'), fields: { archived: true } });
    const refused = await call('POST', `${S}/badges/archived/instances`, { email: 'second@example.org' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('archived');
  });
});
