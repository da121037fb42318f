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
    const response = (batchKey: string, ageHours: number) => ({ site_id: 1, batch_key: batchKey, request_hash: 'h', response: '{}', created_at: hoursAgo(ageHours) });
    await db('import_responses').insert([response('old-1', 49), response('old-2', 100), response('kept-1', 47), response('kept-2', 1)]);
    const replay = (key: string, ageHours: number) => ({ site_id: 1, user_id: 7, idempotency_key: key, answer: '{}', http_status: 200, created_at: hoursAgo(ageHours) });
    await db('kickapps_replays').insert([replay('old', 25), replay('kept', 23)]);

    const more = await sweepOnce(gatewayRetentionRules(db, { IMPORT_REPLAY_RETENTION_HOURS: 48 }), createLogger('test', 'silent'));
    expect(more).toBe(false);
    expect((await db('import_responses').select('batch_key')).map((r: { batch_key: string }) => r.batch_key).sort()).toEqual(['kept-1', 'kept-2']);
    expect((await db('kickapps_replays').select('idempotency_key')).map((r: { idempotency_key: string }) => r.idempotency_key)).toEqual(['kept']);
  });
});

describe('IMPORT_REPLAY_RETENTION_HOURS', () => {
  const base = { DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'k:9092' };
  it('defaults to 48 hours and refuses less than the 24-hour replay window', () => {
    expect(loadGatewayConfig(base).IMPORT_REPLAY_RETENTION_HOURS).toBe(48);
    expect(loadGatewayConfig({ ...base, IMPORT_REPLAY_RETENTION_HOURS: '24' }).IMPORT_REPLAY_RETENTION_HOURS).toBe(24);
    expect(() => loadGatewayConfig({ ...base, IMPORT_REPLAY_RETENTION_HOURS: '23' })).toThrow(/IMPORT_REPLAY_RETENTION_HOURS/);
    expect(() => loadGatewayConfig({ ...base, IMPORT_REPLAY_RETENTION_HOURS: 'soon' })).toThrow(/IMPORT_REPLAY_RETENTION_HOURS/);
  });
});
