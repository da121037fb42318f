/**
 * A site's webhook setting over gRPC (admin-api.md "Webhooks"), against the
 * real catalog process: upsert keeping the first creation time, lookups by
 * slug and by site id, 404s, and the catalog's own checks of url and secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, ServiceClient } from '@laurel/service-kit';
import { laurelProtos, type catalogV1 } from '@laurel/protos';
import { startSystem, type TestSystem } from '@laurel/testkit';

let system: TestSystem;
let catalog: ServiceClient<catalogV1.CatalogDefinition>;
let siteId: string;
const SECRET = 'a-secret-of-24-characters';

async function failure(call: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

beforeAll(async () => {
  system = await startSystem('webhook-settings', { apps: ['badge-catalog'] });
  catalog = new ServiceClient(laurelProtos().catalog.v1.Catalog.service, `127.0.0.1:${system.ports['badge-catalog']}`, {
    deadlineMs: 10_000,
  });
  const { system: site } = await catalog.call('CreateSystem', {
    fields: { slug: 'hooked', name: 'Hooked', url: 'https://example.org' },
  });
  siteId = site?.id ?? '';
  await catalog.call('CreateSystem', { fields: { slug: 'quiet', name: 'Quiet', url: 'https://example.org' } });
});

afterAll(async () => {
  catalog?.close();
  await system?.stop();
});

describe('PutWebhook / GetWebhook / DeleteWebhook', () => {
  it('answers 404 while a site has no webhook', async () => {
    expect((await failure(catalog.call('GetWebhook', { systemSlug: 'quiet' }))).reason).toBe('ResourceNotFound');
    expect((await failure(catalog.call('DeleteWebhook', { systemSlug: 'quiet' }))).reason).toBe('ResourceNotFound');
  });

  it('creates a webhook, then replaces url and secret while keeping when it was created', async () => {
    const { webhook: first } = await catalog.call('PutWebhook', {
      systemSlug: 'hooked',
      url: 'https://hooks.example.org/laurel',
      secret: SECRET,
    });
    expect(first).toEqual({
      siteId,
      url: 'https://hooks.example.org/laurel',
      secret: SECRET,
      createdAt: expect.stringMatching(/Z$/),
    });

    const { webhook: second } = await catalog.call('PutWebhook', {
      systemSlug: 'HOOKED',
      url: 'http://other.example.org/in',
      secret: `${SECRET}-2`,
    });
    expect(second).toEqual({
      siteId,
      url: 'http://other.example.org/in',
      secret: `${SECRET}-2`,
      createdAt: first?.createdAt,
    });
  });

  it('finds the webhook by system slug and by site id', async () => {
    const bySlug = await catalog.call('GetWebhook', { systemSlug: 'hooked' });
    const bySite = await catalog.call('GetWebhook', { siteId });
    expect(bySlug.webhook).toMatchObject({ siteId, url: 'http://other.example.org/in' });
    expect(bySite).toEqual(bySlug);
  });

  it('refuses a url that is not absolute http(s) and a secret under 16 characters, without echoing the secret', async () => {
    for (const url of ['/relative/path', 'ftp://example.org/in', 'not a url', 'javascript:alert(1)']) {
      const error = await failure(catalog.call('PutWebhook', { systemSlug: 'hooked', url, secret: SECRET }));
      expect(error.reason).toBe('ValidationError');
      expect(error.details).toEqual([{ message: 'Invalid URL', field: 'url', value: url }]);
    }
    const short = await failure(catalog.call('PutWebhook', { systemSlug: 'hooked', url: '', secret: 'too-short' }));
    expect(short.details).toEqual([
      { field: 'url', value: '' },
      { message: 'String is not in range', field: 'secret' },
    ]);
    const missing = await failure(catalog.call('PutWebhook', { systemSlug: 'hooked', url: 'https://example.org' }));
    expect(missing.details).toEqual([{ field: 'secret', value: '' }]);
    expect((await catalog.call('GetWebhook', { systemSlug: 'hooked' })).webhook?.url).toBe(
      'http://other.example.org/in',
    );
  });

  it('answers 404 for an unknown system', async () => {
    const error = await failure(
      catalog.call('PutWebhook', { systemSlug: 'atlantis', url: 'https://example.org', secret: SECRET }),
    );
    expect(error.reason).toBe('ResourceNotFound');
    expect(error.message).toBe('Could not find system field: `slug`, value: `atlantis`');
  });

  it('deletes the webhook, after which it is gone', async () => {
    expect(await catalog.call('DeleteWebhook', { systemSlug: 'hooked' })).toEqual({});
    expect((await failure(catalog.call('GetWebhook', { siteId }))).reason).toBe('ResourceNotFound');
    expect((await failure(catalog.call('DeleteWebhook', { systemSlug: 'hooked' }))).reason).toBe('ResourceNotFound');
  });

  it('goes with its system', async () => {
    const { system: doomed } = await catalog.call('CreateSystem', {
      fields: { slug: 'doomed', name: 'Doomed', url: 'https://example.org' },
    });
    await catalog.call('PutWebhook', { systemSlug: 'doomed', url: 'https://example.org/hook', secret: SECRET });
    await catalog.call('DeleteSystem', { slug: 'doomed' });
    expect((await failure(catalog.call('GetWebhook', { siteId: doomed?.id ?? '' }))).reason).toBe('ResourceNotFound');
  });
});
