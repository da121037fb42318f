import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/free-port.js';
import { providePostgres } from '../src/index.js';
import { providePostgres as providePostgresInternal } from '../src/postgres/provide.js';
import { envWithout } from './helpers/env.js';
import { pidsMentioning } from './helpers/processes.js';

const env = envWithout('DATABASE_URL');

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function localServerAnswers(): Promise<boolean> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    connectionTimeoutMillis: 2_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
const hasLocalServer = await localServerAnswers();

describe('providePostgres', () => {
  it('uses DATABASE_URL as is', async () => {
    const provided = await providePostgres({ env: { DATABASE_URL: 'postgres://u:p@db.example:6543/x' } });
    expect(provided).toMatchObject({ url: 'postgres://u:p@db.example:6543/x', source: 'env' });
    await provided.stop();
  });

  describe.skipIf(!hasLocalServer)('with the local server on 127.0.0.1:5432', () => {
    const database = `devstack_test_${randomBytes(6).toString('hex')}`;
    afterAll(async () => {
      await query('postgres://postgres@127.0.0.1:5432/postgres', `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    });

    it('creates the database, idempotently, even when two callers race', async () => {
      const [a, b] = await Promise.all([providePostgres({ env, database }), providePostgres({ env, database })]);
      const c = await providePostgres({ env, database });
      for (const provided of [a, b, c]) {
        expect(provided).toMatchObject({
          url: `postgres://postgres@127.0.0.1:5432/${database}`,
          source: 'local-server',
        });
        await provided.stop();
      }
      const rows = await query<{ db: string }>(a.url, 'select current_database() as db');
      expect(rows).toEqual([{ db: database }]);
    });

    it('says so when the server never analyses or vacuums tables (autovacuum off), and only then', async () => {
      const lines: string[] = [];
      const provided = await providePostgres({ env, database, log: (line) => lines.push(line) });
      await provided.stop();
      const [{ autovacuum } = { autovacuum: '' }] = await query<{ autovacuum: string }>(
        provided.url,
        "select current_setting('autovacuum') as autovacuum",
      );
      const warnings = lines.filter((line) => line.includes('autovacuum is off'));
      expect(warnings).toHaveLength(autovacuum === 'on' ? 0 : 1);
    });
  });

  it(
    "starts an embedded server when nothing answers on the local port, and keeps its data in a caller's stateDir",
    { timeout: 240_000 },
    async () => {
      const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'devstack-pg-test-'));
      // As root the server runs as user postgres, which must be able to enter the directory.
      fs.chmodSync(stateDir, 0o711);
      const start = async () =>
        providePostgresInternal({ env, stateDir, localServerPort: await freePort(), database: 'laurel_embedded' });
      try {
        const provided = await start();
        try {
          expect(provided.source).toBe('embedded');
          expect(pidsMentioning(stateDir)).toHaveLength(1);
          const rows = await query<{ one: number; db: string }>(
            provided.url,
            'select 1 as one, current_database() as db',
          );
          expect(rows).toEqual([{ one: 1, db: 'laurel_embedded' }]);
          await query(provided.url, "create table kept (note text); insert into kept values ('still here')");
        } finally {
          await provided.stop();
        }
        expect(pidsMentioning(stateDir)).toEqual([]);
        expect(fs.existsSync(path.join(stateDir, 'postgres-data', 'PG_VERSION'))).toBe(true);

        // As after a crash: a postmaster.pid naming a process that is gone.
        fs.writeFileSync(path.join(stateDir, 'postgres-data', 'postmaster.pid'), '999999999\n');
        const again = await start();
        try {
          expect(await query<{ note: string }>(again.url, 'select note from kept')).toEqual([{ note: 'still here' }]);
        } finally {
          await again.stop();
        }
        expect(pidsMentioning(stateDir)).toEqual([]);
      } finally {
        fs.rmSync(stateDir, { recursive: true, force: true });
      }
    },
  );
});
