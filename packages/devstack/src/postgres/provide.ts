import { DevstackError } from '../errors.js';
import { DEFAULT_DATABASE, envOf, envValue, logOf } from '../options.js';
import { acquireStateDir } from '../state-dir.js';
import type { ProvidedPostgres, StackOptions } from '../types.js';
import { postgresUrl, type ServerAddress } from './client.js';
import { startEmbeddedPostgres } from './embedded.js';
import { ensureDatabase } from './ensure-database.js';
import { autovacuumOffWarning, probeLocalServer } from './local-server.js';

/** Knobs for tests; not part of the public API. */
export interface PostgresInternalOptions extends StackOptions {
  /** Where to look for a local server; tests point this at a closed port to force the embedded one. */
  localServerPort?: number;
}

/** PostgreSQL identifiers longer than this are silently truncated, which would surprise. */
const MAX_IDENTIFIER_BYTES = 63;

export async function providePostgres(opts: PostgresInternalOptions = {}): Promise<ProvidedPostgres> {
  const env = envOf(opts);
  const log = logOf(opts);

  const fromEnv = envValue(env, 'DATABASE_URL');
  if (fromEnv) {
    log('postgres: using DATABASE_URL');
    return { url: fromEnv, source: 'env', stop: async () => undefined };
  }

  const database = opts.database ?? DEFAULT_DATABASE;
  if (database.length === 0 || Buffer.byteLength(database) > MAX_IDENTIFIER_BYTES) {
    throw new DevstackError(`Database name "${database}" must be 1 to ${MAX_IDENTIFIER_BYTES} bytes long.`);
  }

  const local: ServerAddress = { host: '127.0.0.1', port: opts.localServerPort ?? 5432, user: 'postgres' };
  const probe = await probeLocalServer(local);
  if (probe.usable) {
    const outcome = await ensureDatabase(local, database);
    log(`postgres: local server on ${local.host}:${local.port}, database "${database}" ${outcome}`);
    if (!probe.autovacuum) log(autovacuumOffWarning(local));
    return { url: postgresUrl(local, database), source: 'local-server', stop: async () => undefined };
  }

  log(
    `postgres: no usable server on ${local.host}:${local.port} as user postgres without password (${probe.reason}); ` +
      'starting an embedded PostgreSQL (set DATABASE_URL to use another server)',
  );
  const stateDir = await acquireStateDir(opts.stateDir, 'laurel-pg-');
  let embedded;
  try {
    embedded = await startEmbeddedPostgres({ stateDir, database });
  } catch (err) {
    await stateDir.release();
    throw err;
  }
  log(`postgres: embedded server ready on port ${new URL(embedded.url).port}`);

  let stopping: Promise<void> | undefined;
  return {
    url: embedded.url,
    source: 'embedded',
    stop: () =>
      (stopping ??= (async () => {
        await embedded.stop();
        await stateDir.release();
        log('postgres: embedded server stopped');
      })()),
  };
}
