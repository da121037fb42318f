/**
 * Reads another service's published change version (the catalog's
 * `catalog.change_version()`, its migration 0004), the one thing of another
 * schema a store may read: a function that owner publishes for read-through
 * caches (grpc/read-through.ts), never its tables.
 */
import type { Knex } from 'knex';
import type { Metrics } from '../metrics.js';
import { preparedQuery } from './database.js';

/**
 * Reads made by this process, per owner: one PostgreSQL round trip each, what
 * sharing a stamp along a request's path saves (grpc/request-scope.ts), so
 * it is worth watching. Process-wide, so that every reader of an owner adds
 * to the one sample the first registered gauge reports.
 */
const reads = new Map<string, number>();

export function changeVersionReader(db: Knex, ownerSchema: string, metrics?: Metrics): () => Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(ownerSchema)) throw new Error(`not a schema name: ${ownerSchema}`);
  const sql = `select ${ownerSchema}.change_version() as version`;
  // Prepared: read before nearly every request of every process, it is worth planning once per connection.
  const name = `laurel_${ownerSchema}_change_version`;
  reads.set(ownerSchema, reads.get(ownerSchema) ?? 0);
  metrics?.scrapeGauge(
    'laurel_change_version_reads',
    'Change-version reads this process made since it started, by owner (each a PostgreSQL round trip)',
    ['owner'],
    () => [...reads].map(([owner, value]) => ({ labels: { owner }, value })),
  );
  return async () => {
    reads.set(ownerSchema, (reads.get(ownerSchema) ?? 0) + 1);
    const [row] = await preparedQuery<{ version: string }>(db, name, sql, []);
    const version = row?.version;
    if (version === undefined) throw new Error(`${ownerSchema}.change_version() answered nothing`);
    return version;
  };
}
