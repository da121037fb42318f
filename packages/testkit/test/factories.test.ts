/**
 * The seeding factories against a real badge-catalog: each creates what it
 * says, read back through the catalog's API, with unique slugs by default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callCatalog,
  seedBadge,
  seedSystem,
  seedWebhook,
  startSystem,
  TEST_WEBHOOK_SECRET,
  type TestSystem,
} from '../src/index.js';

let system: TestSystem;

beforeAll(async () => {
  system = await startSystem('testkit-factories', { apps: ['badge-catalog'] });
});

afterAll(async () => {
  await system?.stop();
});

describe('seedSystem', () => {
  it('creates a system with a unique slug unless told one', async () => {
    const [first, second] = [await seedSystem(system), await seedSystem(system)];
    expect(first.slug).not.toBe(second.slug);
    const named = await seedSystem(system, { slug: 'named', name: 'Named', url: 'https://named.example.org' });
    expect(await callCatalog(system, 'GetSystem', { id: named.id })).toMatchObject({
      system: { slug: 'named', name: 'Named', url: 'https://named.example.org' },
    });
  });
});

describe('seedBadge', () => {
  it('creates a published, unique, active badge in the system by default', async () => {
    const site = await seedSystem(system);
    const badge = await seedBadge(system, { systemSlug: site.slug });
    const { badge: read } = await callCatalog(system, 'GetBadge', { id: badge.id });
    expect(read).toMatchObject({
      id: badge.id,
      slug: badge.slug,
      name: badge.slug,
      unique: true,
      published: true,
      archived: false,
      system: { id: site.id },
    });
  });

  it('takes what a test overrides', async () => {
    const site = await seedSystem(system);
    const badge = await seedBadge(system, {
      systemSlug: site.slug,
      slug: 'retired',
      name: 'Retired',
      unique: false,
      archived: true,
      published: false,
      earnerDescription: 'e',
      consumerDescription: 'c',
      criteriaUrl: 'https://example.org/c',
      type: 't',
    });
    const { badge: read } = await callCatalog(system, 'GetBadge', { id: badge.id, siteId: site.id });
    expect(read).toMatchObject({
      slug: 'retired',
      name: 'Retired',
      unique: false,
      archived: true,
      published: false,
      earnerDescription: 'e',
      consumerDescription: 'c',
      criteriaUrl: 'https://example.org/c',
      type: 't',
    });
  });
});

describe('seedWebhook', () => {
  it('sets the system’s webhook', async () => {
    const site = await seedSystem(system);
    await seedWebhook(system, { systemSlug: site.slug, url: 'http://127.0.0.1:9/hook' });
    const { webhook } = await callCatalog(system, 'GetWebhook', { siteId: site.id });
    expect(webhook).toMatchObject({ siteId: site.id, url: 'http://127.0.0.1:9/hook', secret: TEST_WEBHOOK_SECRET });
  });
});

describe('callCatalog', () => {
  it('names the method and the catalog’s reason when a call fails', async () => {
    await expect(seedBadge(system, { systemSlug: 'no-such-system' })).rejects.toThrow(/Catalog\.CreateBadge: .*not/i);
  });
});
