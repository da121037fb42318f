/**
 * The knex (tarn) connection pool's use, read at scrape time:
 * laurel_db_pool_connections{state="in_use|idle|waiting"} and
 * laurel_db_pool_max. `waiting` (queries queued for a connection) above zero
 * for long is the saturation signal: raise DATABASE_POOL_MAX or add replicas.
 */
import type { Knex } from 'knex';
import type { Metrics } from '../metrics.js';

/** What knex's pool (tarn) counts; absent once the database is destroyed. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

export function trackDatabasePool(metrics: Metrics, db: Knex): void {
  const pool = () => (db.client as { pool?: TarnPool }).pool;
  metrics.scrapeGauge(
    'laurel_db_pool_connections',
    'Database pool connections in use and idle, and queries waiting for one',
    ['state'],
    () => {
      const current = pool();
      if (!current) return [];
      return [
        { labels: { state: 'in_use' }, value: current.numUsed() },
        { labels: { state: 'idle' }, value: current.numFree() },
        { labels: { state: 'waiting' }, value: current.numPendingAcquires() },
      ];
    },
  );
  metrics.scrapeGauge(
    'laurel_db_pool_max',
    'Largest number of connections the database pool opens (DATABASE_POOL_MAX)',
    [],
    () => {
      const current = pool();
      return current ? [{ value: current.max }] : [];
    },
  );
}
