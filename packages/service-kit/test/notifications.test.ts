/**
 * Waking workers against a real PostgreSQL: the listener wakes subscribers on
 * NOTIFY, survives its connection being killed (reconnects, LISTENs again and
 * wakes every channel once, for what it may have missed), and signalWork
 * announces work only once its transaction commits, in memory when a worker
 * for the channel runs in this process, with NOTIFY otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { eventually, freshDatabase, type TestDatabase } from '@laurel/testkit';
import { createDatabase, type Knex } from '../src/db/database.js';
import { createWorkListener, signalWork, type WorkListener } from '../src/db/notifications.js';
import { createLogger } from '../src/logger.js';

const logger = createLogger('notifications-test', 'silent');
let database: TestDatabase;
let db: Knex;
let admin: pg.Client;

beforeAll(async () => {
  database = await freshDatabase('kit-notify');
  db = createDatabase({ url: database.url, schema: 'public', poolMax: 3, applicationName: 'notify-test' });
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await db?.destroy();
  await database?.drop();
});

/** Counts wakes per channel. */
function counter() {
  const counts = new Map<string, number>();
  return {
    wake: (channel: string) => () => counts.set(channel, (counts.get(channel) ?? 0) + 1),
    of: (channel: string) => counts.get(channel) ?? 0,
  };
}

/**
 * The listening connection's backend once it is idle after LISTENing on
 * `lastChannel` (channels are LISTENed in the order they were subscribed),
 * other than `previous`.
 */
async function listenerBackend(applicationName: string, lastChannel: string, previous?: number): Promise<number> {
  const { rows } = await eventually(
    () =>
      admin.query<{ pid: number; query: string }>(
        `select pid, query from pg_stat_activity where application_name = $1 and state = 'idle'`,
        [`${applicationName}:listener`],
      ),
    (result) =>
      result.rows.length === 1 &&
      result.rows[0]?.pid !== previous &&
      (result.rows[0]?.query.includes(`"${lastChannel}"`) ?? false),
  );
  return rows[0]?.pid ?? 0;
}

const notify = (channel: string) => admin.query('select pg_notify($1, $2)', [channel, '']);
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('the work listener', () => {
  it('wakes subscribers of a notified channel only, and every channel once when it starts listening', async () => {
    const listener = createWorkListener({ url: database.url, applicationName: 'notify-a', logger });
    const seen = counter();
    try {
      listener.subscribe('work_a', seen.wake('work_a'));
      await listenerBackend('notify-a', 'work_a');
      await eventually(
        async () => seen.of('work_a'),
        (n) => n === 1,
      );

      await notify('work_a');
      await eventually(
        async () => seen.of('work_a'),
        (n) => n === 2,
      );

      // A channel subscribed later is LISTENed on the open connection and fired once too.
      listener.subscribe('work_b', seen.wake('work_b'));
      await listenerBackend('notify-a', 'work_b');
      await eventually(
        async () => seen.of('work_b'),
        (n) => n === 1,
      );
      await notify('work_b');
      await eventually(
        async () => seen.of('work_b'),
        (n) => n === 2,
      );
      await notify('elsewhere');
      await settle();
      expect([seen.of('work_a'), seen.of('work_b')]).toEqual([2, 2]);
    } finally {
      await listener.close();
    }
  });

  it('reconnects after its connection is terminated, LISTENs again and wakes every channel once', async () => {
    const listener = createWorkListener({ url: database.url, applicationName: 'notify-b', logger, minBackoffMs: 50 });
    const seen = counter();
    try {
      listener.subscribe('work_c', seen.wake('work_c'));
      listener.subscribe('work_d', seen.wake('work_d'));
      const first = await listenerBackend('notify-b', 'work_d');
      await eventually(
        async () => [seen.of('work_c'), seen.of('work_d')],
        ([c, d]) => c === 1 && d === 1,
      );

      await admin.query('select pg_terminate_backend($1)', [first]);
      // Whatever was notified while nobody listened is lost; the wake after reconnecting stands in for it.
      await notify('work_c');
      await listenerBackend('notify-b', 'work_d', first);
      await eventually(
        async () => [seen.of('work_c'), seen.of('work_d')],
        ([c, d]) => (c ?? 0) >= 2 && d === 2,
      );

      const before = seen.of('work_c');
      await notify('work_c');
      await eventually(
        async () => seen.of('work_c'),
        (n) => n === before + 1,
      );
    } finally {
      await listener.close();
    }
  });

  it('stops waking a subscription once it ended', async () => {
    const listener = createWorkListener({ url: database.url, applicationName: 'notify-c', logger });
    const seen = counter();
    try {
      const end = listener.subscribe('work_e', seen.wake('work_e'));
      await listenerBackend('notify-c', 'work_e');
      await eventually(
        async () => seen.of('work_e'),
        (n) => n === 1,
      );
      end();
      await notify('work_e');
      await settle();
      expect(seen.of('work_e')).toBe(1);
    } finally {
      await listener.close();
    }
  });
});

describe('signalWork', () => {
  it('without a worker in this process, notifies other processes once the transaction commits, never on rollback', async () => {
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    const received: string[] = [];
    other.on('notification', (message) => received.push(message.channel));
    try {
      await other.query('LISTEN work_remote');
      await db.transaction(async (trx) => {
        await signalWork(trx, 'work_remote');
        await settle();
        expect(received).toEqual([]);
      });
      await eventually(
        async () => received.length,
        (n) => n === 1,
      );

      await db
        .transaction(async (trx) => {
          await signalWork(trx, 'work_remote');
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await settle();
      expect(received).toEqual(['work_remote']);
    } finally {
      await other.end();
    }
  });

  it('with a worker in this process, wakes it in memory after the outermost commit, never on rollback, and sends no NOTIFY', async () => {
    const listener: WorkListener = createWorkListener({ url: database.url, applicationName: 'notify-d', logger });
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    const notified: string[] = [];
    other.on('notification', (message) => notified.push(message.channel));
    const seen = counter();
    try {
      await other.query('LISTEN work_local');
      listener.subscribe('work_local', seen.wake('work_local'));
      await listenerBackend('notify-d', 'work_local');
      await eventually(
        async () => seen.of('work_local'),
        (n) => n === 1,
      );

      await db.transaction(async (trx) => {
        await trx.transaction(async (nested) => {
          await signalWork(nested, 'work_local');
        });
        // The savepoint is released, the transaction is still open: nothing is visible yet.
        await settle();
        expect(seen.of('work_local')).toBe(1);
      });
      expect(seen.of('work_local')).toBe(2);

      await db
        .transaction(async (trx) => {
          await signalWork(trx, 'work_local');
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await settle();
      expect(seen.of('work_local')).toBe(2);
      expect(notified).toEqual([]);
    } finally {
      await other.end();
      await listener.close();
    }
  });
});
