/**
 * How background workers learn that there is work, instead of asking
 * PostgreSQL every few hundred milliseconds.
 *
 * The process that commits work wakes its own worker right after the commit,
 * in memory. Only work written where no worker for it runs (another process,
 * a script, an operator) is announced with NOTIFY, in the writing transaction,
 * so PostgreSQL delivers it once the work is visible, to every process that
 * LISTENs on the channel. NOTIFY is kept off the common path on purpose:
 * PostgreSQL serialises the commits of all notifying transactions (a
 * cluster-wide lock held through the commit's WAL flush) and wakes every
 * listening connection of the database, so announcing each award to every
 * replica would cost each award more than the polling it replaces.
 *
 * Each process LISTENs on one dedicated connection, opened on the first
 * subscription. When it drops, it is opened again with backoff; after each
 * (re)connection every channel fires once, because notifications sent while
 * nobody listened are lost. Workers keep a rare safety-net poll for work whose
 * writer died before waking anyone.
 */
import pg from 'pg';
import type { Knex } from 'knex';
import type { Logger } from '../logger.js';

export interface WorkListener {
  /**
   * Calls `wake` when `channel` is notified, once after every (re)connection of
   * the listening connection, and after this process commits work signalled on
   * the channel. Returns the function that ends the subscription.
   */
  subscribe(channel: string, wake: () => void): () => void;
  /** Closes the listening connection; subscriptions end. */
  close(): Promise<void>;
}

export interface WorkListenerOptions {
  url: string;
  /** Names the listening connection in pg_stat_activity (with `:listener` appended). */
  applicationName: string;
  logger: Logger;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

type Wake = () => void;

/** Workers running in this process, by channel: signalWork wakes them in memory instead of notifying. */
const localWorkers = new Map<string, Set<Wake>>();

function addTo(map: Map<string, Set<Wake>>, channel: string, wake: Wake): void {
  const set = map.get(channel) ?? new Set<Wake>();
  set.add(wake);
  map.set(channel, set);
}

function removeFrom(map: Map<string, Set<Wake>>, channel: string, wake: Wake): void {
  const set = map.get(channel);
  set?.delete(wake);
  if (set?.size === 0) map.delete(channel);
}

const fire = (wakes: Iterable<Wake> | undefined) => {
  for (const wake of [...(wakes ?? [])]) wake();
};

/** Runs `fn` once the outermost transaction of `db` commits (at once when `db` is no transaction); never on rollback. */
function afterCommit(db: Knex, fn: () => void): void {
  if (!db.isTransaction) {
    fn();
    return;
  }
  let outer = db as Knex.Transaction;
  while (outer.parentTransaction) outer = outer.parentTransaction;
  outer.executionPromise.then(fn, () => undefined);
}

/**
 * Announces work written in `db` (a transaction, or already committed) for the
 * workers of `channel`: those in this process are woken after the commit; when
 * none runs here, the transaction notifies the channel.
 */
export async function signalWork(db: Knex, channel: string): Promise<void> {
  const local = localWorkers.get(channel);
  if (local) {
    afterCommit(db, () => fire(local));
    return;
  }
  await db.raw('select pg_notify(?, ?)', [channel, '']);
}

export function createWorkListener(options: WorkListenerOptions): WorkListener {
  const log = options.logger.child({ component: 'work-listener' });
  const minBackoff = options.minBackoffMs ?? 100;
  const maxBackoff = options.maxBackoffMs ?? 5000;
  const subscribers = new Map<string, Set<Wake>>();
  /** Channels LISTENed on the current connection. */
  const listened = new Set<string>();
  let client: pg.Client | undefined;
  let connecting = false;
  let syncing = false;
  let closed = false;
  let backoff = minBackoff;
  let retry: NodeJS.Timeout | undefined;

  const drop = (dead: pg.Client, error: unknown) => {
    if (client !== dead) return;
    client = undefined;
    listened.clear();
    dead.removeAllListeners('notification');
    dead.end().catch(() => undefined);
    if (closed) return;
    log.warn({ err: error, retryInMs: backoff }, 'listening connection lost; reconnecting');
    scheduleConnect();
  };

  /** LISTENs on every subscribed channel not yet listened on, then fires each of them once. */
  const sync = async () => {
    if (syncing) return;
    syncing = true;
    try {
      for (;;) {
        const current = client;
        const missing = [...subscribers.keys()].filter((channel) => !listened.has(channel));
        if (!current || missing.length === 0) return;
        try {
          for (const channel of missing) {
            await current.query(`LISTEN ${current.escapeIdentifier(channel)}`);
            listened.add(channel);
          }
        } catch (error) {
          drop(current, error);
          return;
        }
        for (const channel of missing) fire(subscribers.get(channel));
      }
    } finally {
      syncing = false;
    }
  };

  const connect = async () => {
    if (closed || client || connecting) return;
    connecting = true;
    const candidate = new pg.Client({
      connectionString: options.url,
      application_name: `${options.applicationName}:listener`,
      keepAlive: true,
    });
    // Without an 'error' listener, a connection the server ends would crash the process.
    candidate.on('error', (error) => drop(candidate, error));
    candidate.on('end', () => drop(candidate, new Error('connection ended')));
    candidate.on('notification', (message) => fire(subscribers.get(message.channel)));
    try {
      await candidate.connect();
    } catch (error) {
      connecting = false;
      candidate.end().catch(() => undefined);
      if (closed) return;
      log.warn({ err: error, retryInMs: backoff }, 'cannot open the listening connection; retrying');
      scheduleConnect();
      return;
    }
    connecting = false;
    if (closed) {
      await candidate.end().catch(() => undefined);
      return;
    }
    client = candidate;
    backoff = minBackoff;
    await sync();
  };

  const scheduleConnect = () => {
    if (retry || closed) return;
    const delay = backoff;
    backoff = Math.min(backoff * 2, maxBackoff);
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, delay);
  };

  return {
    subscribe(channel, wake) {
      addTo(subscribers, channel, wake);
      addTo(localWorkers, channel, wake);
      if (client) void sync();
      else void connect();
      return () => {
        removeFrom(subscribers, channel, wake);
        removeFrom(localWorkers, channel, wake);
      };
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      for (const [channel, wakes] of subscribers) for (const wake of wakes) removeFrom(localWorkers, channel, wake);
      subscribers.clear();
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
