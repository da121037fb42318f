/**
 * Reads another service's published change version (the catalog's
 * `catalog.change_version()`, its migration 0004), the one thing of another
 * schema a store may read: a function that owner publishes for read-through
 * caches (grpc/read-through.ts), never its tables.
 */
import type { Knex } from 'knex';
import { preparedQuery } from './database.js';

export function changeVersionReader(db: Knex, ownerSchema: string): () => Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(ownerSchema)) throw new Error(`not a schema name: ${ownerSchema}`);
  const sql = `select ${ownerSchema}.change_version() as version`;
  // Prepared: read before nearly every request of every process, it is worth planning once per connection.
  const name = `laurel_${ownerSchema}_change_version`;
  return async () => {
    const [row] = await preparedQuery<{ version: string }>(db, name, sql, []);
    const version = row?.version;
    if (version === undefined) throw new Error(`${ownerSchema}.change_version() answered nothing`);
    return version;
  };
}
