/**
 * The catalog's change version (migration 0004), against the real catalog
 * process and PostgreSQL: every table of the schema carries the trigger, and
 * writes through the API raise the version in the same transaction, while
 * reads leave it alone. Other services' caches are exact only if this holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeVersionReader, createDatabase, ServiceClient, type Knex } from '@laurel/service-kit';
import { laurelProtos, type catalogV1 } from '@laurel/protos';
import { startSystem, type TestSystem } from '@laurel/testkit';

let system: TestSystem;
let catalog: ServiceClient<catalogV1.CatalogDefinition>;
let db: Knex;
let version: () => Promise<string>;

beforeAll(async () => {
  system = await startSystem('change-version', { apps: ['badge-catalog'] });
  catalog = new ServiceClient(laurelProtos().catalog.v1.Catalog.service, `127.0.0.1:${system.ports['badge-catalog']}`, {
    deadlineMs: 10_000,
  });
  // A reader in another schema, as the gateway and the services are.
  db = createDatabase({
    url: system.database.url,
    schema: 'reader',
    poolMax: 1,
    applicationName: 'change-version-test',
  });
  version = changeVersionReader(db, 'catalog');
});

afterAll(async () => {
  catalog?.close();
  await db?.destroy();
  await system?.stop();
});

describe('catalog.change_version()', () => {
  it('is raised by a trigger on every table of the catalog schema', async () => {
    const tables = await db('pg_tables')
      .where({ schemaname: 'catalog' })
      .whereNotIn('tablename', ['change_version', 'knex_migrations', 'knex_migrations_lock'])
      .pluck('tablename');
    const triggered = await db('information_schema.triggers')
      .where({ event_object_schema: 'catalog' })
      .distinct('event_object_table')
      .pluck('event_object_table');
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.filter((t: string) => !triggered.includes(t))).toEqual([]);
  });

  it('moves with every write and stands still on reads', async () => {
    const start = BigInt(await version());
    await catalog.call('CreateSystem', {
      fields: { slug: 'versioned', name: 'Versioned', url: 'https://example.org' },
    });
    const afterCreate = BigInt(await version());
    expect(afterCreate).toBeGreaterThan(start);

    await catalog.call('GetSystem', { slug: 'versioned' });
    await catalog.call('ListSystems', {});
    expect(BigInt(await version())).toBe(afterCreate);

    await catalog.call('UpdateSystem', { slug: 'versioned', fields: { name: 'Renamed' } });
    const afterUpdate = BigInt(await version());
    expect(afterUpdate).toBeGreaterThan(afterCreate);

    await catalog.call('PutWebhook', {
      systemSlug: 'versioned',
      url: 'https://hooks.example.org/laurel',
      secret: 'a-secret-of-24-characters',
    });
    expect(BigInt(await version())).toBeGreaterThan(afterUpdate);
  });

  it('is not raised by a write the catalog refused', async () => {
    const before = await version();
    await expect(
      catalog.call('CreateSystem', { fields: { slug: 'versioned', name: 'Twice', url: 'https://example.org' } }),
    ).rejects.toMatchObject({ reason: 'ResourceConflict' });
    expect(await version()).toBe(before);
  });
});
