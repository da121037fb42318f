/**
 * Migrations are TypeScript modules listed in order by each service's
 * migrations/index.ts (no directory scanning, so the built service carries
 * exactly the migrations it was compiled with). They run at start-up under a
 * PostgreSQL advisory lock, so replicas that start together wait for each
 * other instead of failing on knex's own lock table.
 */
import type { Knex } from 'knex';
import { acquireConnection, releaseConnection } from './database.js';

export interface Migration {
  name: string;
  up: (knex: Knex) => Promise<void>;
  down?: (knex: Knex) => Promise<void>;
}

class ListMigrationSource implements Knex.MigrationSource<Migration> {
  constructor(private readonly list: readonly Migration[]) {}
  getMigrations(): Promise<Migration[]> {
    return Promise.resolve([...this.list]);
  }
  getMigrationName(migration: Migration): string {
    return migration.name;
  }
  getMigration(migration: Migration): Promise<Knex.Migration> {
    return Promise.resolve({
      up: migration.up,
      down: migration.down ?? (() => Promise.reject(new Error(`${migration.name} cannot be undone`))),
    });
  }
}

export async function migrate(knex: Knex, schema: string, migrations: readonly Migration[]): Promise<string[]> {
  const names = migrations.map((m) => m.name);
  if (new Set(names).size !== names.length) throw new Error(`duplicate migration names in ${schema}`);
  // A session-level advisory lock needs one dedicated connection for lock and unlock.
  const connection = await acquireConnection<unknown>(knex);
  const lockKey = `laurel:migrate:${schema}`;
  try {
    await knex.raw('select pg_advisory_lock(hashtext(?))', [lockKey]).connection(connection);
    await knex.raw('create schema if not exists ??', [schema]).connection(connection);
    const [, applied] = (await knex.migrate.latest({
      schemaName: schema,
      tableName: 'knex_migrations',
      migrationSource: new ListMigrationSource(migrations),
    })) as [number, string[]];
    return applied;
  } finally {
    await knex
      .raw('select pg_advisory_unlock(hashtext(?))', [lockKey])
      .connection(connection)
      .catch(() => undefined);
    await releaseConnection(knex, connection);
  }
}
