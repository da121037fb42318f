/**
 * One knex instance per service, bound to that service's own schema: a
 * service's queries cannot reach another service's tables by accident, and
 * every table has exactly one owner (architecture.md, "Storage").
 */
import { createRequire } from 'node:module';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { databaseInputError } from './input-errors.js';

export type { Knex } from 'knex';

// int8 (bigint) columns come back as decimal strings, matching int64 on the
// gRPC wire; numeric counts from COUNT(*) are converted where they are read.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => value);

export interface DatabaseOptions {
  url: string;
  /** The PostgreSQL schema the service owns, e.g. `catalog`. */
  schema: string;
  poolMax: number;
  applicationName: string;
}

/**
 * knex's PostgreSQL dialect, except that PostgreSQL refusing a client's value
 * (input-errors.ts) rejects as a ValidationError. Done here, under every store
 * of every process (the gateway's own stores included), because this is the
 * one place all their queries pass; transactions inherit it, since knex builds
 * a transaction's client from this class's prototype.
 */
const PostgresDialect = createRequire(import.meta.url)(
  'knex/lib/dialects/postgres/index.js',
) as typeof knexFactory.Client;

class LaurelPostgresDialect extends PostgresDialect {
  override query(connection: unknown, queryParam: unknown): Promise<unknown> {
    return (super.query(connection, queryParam) as Promise<unknown>).catch((error: unknown) => {
      throw databaseInputError(error) ?? error;
    });
  }
}

export function createDatabase(options: DatabaseOptions): Knex {
  return knexFactory({
    client: LaurelPostgresDialect,
    // Every statement is planned for its values and the tables as they are (prepared ones too, which then
    // only save parsing). A prepared statement's generic plan is made once per connection, and one made
    // while a table was empty kept an index that read all of a badge's awards for every award as the
    // table grew (issue 10); planning per execution cost nothing measurable at c=1 or c=50.
    connection: {
      connectionString: options.url,
      application_name: options.applicationName,
      options: '-c plan_cache_mode=force_custom_plan',
    },
    searchPath: [options.schema, 'public'],
    // The pool looks for connections idle past 30 s to close; once a second (tarn's default) would
    // wake every idle process for that alone.
    pool: { min: 0, max: options.poolMax, reapIntervalMillis: 10_000 },
    acquireConnectionTimeout: 10_000,
  });
}

/** Errors worth retrying: the server is away or restarting, or a serialization conflict. */
export function isTransientDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string') {
    // 08: connection exceptions; 57P0x: admin shutdown / crash / cannot connect now;
    // 40001/40P01: serialization failure / deadlock; 53300: too many connections.
    if (code.startsWith('08') || code.startsWith('57P0') || code === '40001' || code === '40P01' || code === '53300')
      return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code)) return true;
  }
  return /Connection terminated|Knex: Timeout acquiring a connection|connection.*closed/i.test(error.message);
}

/** PostgreSQL's unique_violation, optionally on a named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: unknown; constraint?: unknown };
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/** knex's pool as this kit uses it: knex types its client `any`. */
interface ConnectionPool {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
}

/**
 * One of the pool's connections for statements knex cannot express (a
 * session-level lock, a prepared statement, a simple-protocol batch); `C` is
 * the part of node-postgres' client the caller uses. Give it back with
 * releaseConnection, in a finally.
 */
export async function acquireConnection<C>(db: Knex): Promise<C> {
  return (await (db.client as ConnectionPool).acquireConnection()) as C;
}

export async function releaseConnection(db: Knex, connection: unknown): Promise<void> {
  await (db.client as ConnectionPool).releaseConnection(connection);
}

interface PreparedCapableConnection {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a statement as a named prepared statement on a pooled connection, so
 * PostgreSQL parses it once per connection instead of on every call (and
 * plans it for each call's values: createDatabase). For the hottest paths
 * only: `name` must always denote the same `text` (node-postgres refuses a
 * name reused with other text).
 */
export async function preparedQuery<T>(db: Knex, name: string, text: string, values: readonly unknown[]): Promise<T[]> {
  const connection = await acquireConnection<PreparedCapableConnection>(db);
  try {
    const result = await connection.query({ name, text, values }).catch((error: unknown) => {
      throw databaseInputError(error) ?? error;
    });
    return result.rows as T[];
  } finally {
    await releaseConnection(db, connection);
  }
}

/**
 * Whether PostgreSQL refused the statement with an ERROR: the statement (and,
 * autocommitted, its transaction) then rolled back, so nothing of it exists.
 * Not so for a FATAL or a lost connection, after which it may have committed.
 * A batch refused so can be retried row by row (group-commit.ts callers).
 */
export function refusedStatement(error: unknown): boolean {
  const severityOf = (e: unknown) => (e instanceof Error ? (e as Error & { severity?: unknown }).severity : undefined);
  return severityOf(error) === 'ERROR' || (error instanceof Error && severityOf(error.cause) === 'ERROR');
}

/** PostgreSQL's foreign_key_violation: the row a write refers to is gone (e.g. deleted concurrently). */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof Error && (error as Error & { code?: unknown }).code === '23503';
}
