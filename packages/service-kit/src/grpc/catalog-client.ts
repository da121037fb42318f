/**
 * The catalog client every other process uses: its reads are answered from
 * memory while the catalog's change version stands still (read-through.ts),
 * which takes the catalog hop off nearly every request (issue 10's profile:
 * two GetBadge hops per award, ten index scans each).
 */
import { laurelProtos, type catalogV1 } from '@laurel/protos';
import type { Knex } from 'knex';
import { changeVersionReader } from '../db/change-version.js';
import { ServiceClient, type ClientOptions } from './client.js';
import { coalesced, ReadThroughClient } from './read-through.js';
import type { MethodName, UnaryClient } from './types.js';

export type CatalogClient = UnaryClient<catalogV1.CatalogDefinition>;

/** The catalog's schema, whose change_version() the cache checks. */
const CATALOG_SCHEMA = 'catalog';

/**
 * Reads whose answers are the catalog's data alone. Images stay out (up to
 * 8 MB each); lists are kept only when short (see shortLists), so memory stays
 * bounded whatever pages clients ask for.
 */
const CACHED_READS: readonly MethodName<catalogV1.CatalogDefinition>[] = [
  'GetSystem',
  'GetIssuer',
  'GetProgram',
  'GetBadge',
  'GetWebhook',
  'ListBadges',
  'ListMilestones',
];
const MAX_KEPT_LIST = 50;
const shortLists = (answer: object) =>
  Object.values(answer).every((field) => !Array.isArray(field) || field.length <= MAX_KEPT_LIST);

/** A catalog client whose reads check `db`'s view of the catalog's change version instead of asking the catalog. */
export function catalogClient(db: Knex, address: string, options: ClientOptions): CatalogClient {
  return new ReadThroughClient(new ServiceClient(laurelProtos().catalog.v1.Catalog.service, address, options), {
    cached: CACHED_READS,
    version: coalesced(changeVersionReader(db, CATALOG_SCHEMA, options.metrics)),
    owner: CATALOG_SCHEMA,
    keep: shortLists,
    maxEntries: 5_000,
  });
}
