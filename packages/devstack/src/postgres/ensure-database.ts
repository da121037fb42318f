import { DevstackError } from '../errors.js';
import { connectAdmin, type ServerAddress } from './client.js';

/** SQLSTATE duplicate_database, and the unique violation a lost creation race can give instead. */
const ALREADY_EXISTS = new Set(['42P04', '23505']);

function sqlState(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

/**
 * Creates the database unless it exists. Test workers and `npm start` may call this at
 * the same moment, so creators first take a session-level advisory lock (CREATE DATABASE
 * cannot run inside a transaction, so a transaction-scoped lock is not an option); a
 * creator outside devstack can still win, which is what tolerating 42P04 is for.
 */
export async function ensureDatabase(server: ServerAddress, database: string): Promise<'created' | 'existed'> {
  const client = await connectAdmin(server);
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['laurel-devstack:create-database']);
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return 'existed';
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      return 'created';
    } catch (err) {
      const code = sqlState(err);
      if (code && ALREADY_EXISTS.has(code)) return 'existed';
      throw new DevstackError(
        `Could not create database "${database}" on ${server.host}:${server.port} as ${server.user}: ${
          err instanceof Error ? err.message : String(err)
        }. Create it yourself or set DATABASE_URL.`,
        { cause: err },
      );
    }
  } finally {
    // Ending the session releases the advisory lock too.
    await client.end().catch(() => undefined);
  }
}
