/**
 * The gateway's retention sweep against a real PostgreSQL: customer-import
 * responses older than IMPORT_REPLAY_RETENTION_HOURS and KickApps replay rows
 * past their 24-hour window are deleted, newer ones stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, createLogger, migrate, sweepOnce, type Knex } from '@laurel/service-kit';
import { freshDatabase, type TestDatabase } from '@laurel/testkit';
import { migrations } from '../migrations/index.js';
import { loadGatewayConfig } from '../src/config.js';
import { gatewayRetentionRules } from '../src/ops/retention.js';

let database: TestDatabase;
let db: Knex;
const HOUR_MS = 60 * 60 * 1000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR_MS);

beforeAll(async () => {
  database = await freshDatabase('gateway-retention');
  db = createDatabase({ url: database.url, schema: 'gateway', poolMax: 3, applicationName: 'gateway-retention-test' });
  await migrate(db, 'gateway', migrations);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('gateway retention', () => {
  it('deletes only import responses past the retention and replay rows past their window', async () => {
    const response = (batchKey: string, ageHours: number) => ({
      site_id: 1,
      batch_key: batchKey,
      request_hash: 'h',
      response: '{}',
      created_at: hoursAgo(ageHours),
    });
    await db('import_responses').insert([
      response('old-1', 49),
      response('old-2', 100),
      response('kept-1', 47),
      response('kept-2', 1),
    ]);
    const replay = (key: string, ageHours: number) => ({
      site_id: 1,
      user_id: 7,
      idempotency_key: key,
      answer: '{}',
      http_status: 200,
      created_at: hoursAgo(ageHours),
    });
    await db('kickapps_replays').insert([replay('old', 25), replay('kept', 23)]);

    const more = await sweepOnce(
      gatewayRetentionRules(db, { IMPORT_REPLAY_RETENTION_HOURS: 48 }),
      createLogger('test', 'silent'),
    );
    expect(more).toBe(false);
    expect(
      (await db('import_responses').select('batch_key')).map((r: { batch_key: string }) => r.batch_key).sort(),
    ).toEqual(['kept-1', 'kept-2']);
    expect(
      (await db('kickapps_replays').select('idempotency_key')).map(
        (r: { idempotency_key: string }) => r.idempotency_key,
      ),
    ).toEqual(['kept']);
  });
});

describe('OB 3.0 codes and tokens', () => {
  it('are deleted a day after they expired, used or revoked or not', async () => {
    await db('ob3_clients').insert({
      client_id: 'c1',
      secret_hash: Buffer.alloc(32),
      metadata: {},
      redirect_uris: ['https://w.example/cb'],
      scope: 's',
    });
    const grant = (expiredHoursAgo: number) => ({
      client_id: 'c1',
      site_id: 1,
      user_id: 7,
      scope: 's',
      expires_at: hoursAgo(expiredHoursAgo),
    });
    const code = (hash: number, age: number) => ({
      ...grant(age),
      code_hash: Buffer.from([hash]),
      redirect_uri: 'https://w.example/cb',
      code_challenge: 'x',
      code_challenge_method: 'S256',
    });
    const token = (hash: number, age: number, kind: string) => ({
      ...grant(age),
      token_hash: Buffer.from([hash]),
      kind,
      grant_id: '00000000-0000-4000-8000-000000000000',
    });
    await db('ob3_codes').insert([code(1, 25), code(2, 23), code(3, -1)]);
    await db('ob3_tokens').insert([
      token(1, 25, 'access'),
      token(2, 30, 'refresh'),
      token(3, 1, 'access'),
      token(4, -100, 'refresh'),
    ]);

    await sweepOnce(gatewayRetentionRules(db, { IMPORT_REPLAY_RETENTION_HOURS: 48 }), createLogger('test', 'silent'));
    const left = async (table: string, column: string) =>
      (await db(table).select(column)).map((r: Record<string, Buffer>) => r[column]?.[0]).sort();
    expect(await left('ob3_codes', 'code_hash')).toEqual([2, 3]);
    expect(await left('ob3_tokens', 'token_hash')).toEqual([3, 4]);
  });
});

describe('IMPORT_REPLAY_RETENTION_HOURS', () => {
  const base = { DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'k:9092' };
  it('defaults to 48 hours and refuses less than the 24-hour replay window', () => {
    expect(loadGatewayConfig(base).IMPORT_REPLAY_RETENTION_HOURS).toBe(48);
    expect(loadGatewayConfig({ ...base, IMPORT_REPLAY_RETENTION_HOURS: '24' }).IMPORT_REPLAY_RETENTION_HOURS).toBe(24);
    expect(() => loadGatewayConfig({ ...base, IMPORT_REPLAY_RETENTION_HOURS: '23' })).toThrow(
      /IMPORT_REPLAY_RETENTION_HOURS/,
    );
    expect(() => loadGatewayConfig({ ...base, IMPORT_REPLAY_RETENTION_HOURS: 'soon' })).toThrow(
      /IMPORT_REPLAY_RETENTION_HOURS/,
    );
  });
});
