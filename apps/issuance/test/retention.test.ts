/**
 * Issuance bookkeeping against a real PostgreSQL: retention deletes only
 * delivered webhook rows older than WEBHOOK_DELIVERY_RETENTION_DAYS, never
 * undelivered ones; and the recipient-salt migration gives every existing
 * award its own salt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, createLogger, migrate, sweepOnce, type Knex } from '@laurel/service-kit';
import { freshDatabase, type TestDatabase } from '@laurel/testkit';
import { migrations } from '../migrations/index.js';
import { loadIssuanceConfig } from '../src/config.js';
import { issuanceRetentionRules } from '../src/workers/retention.js';
import { DeliveryStore } from '../src/store/deliveries.js';

let database: TestDatabase;
let db: Knex;
const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
const beforeSalt = migrations.slice(
  0,
  migrations.findIndex((m) => m.name === '0006_recipient_salt'),
);

beforeAll(async () => {
  database = await freshDatabase('issuance-retention');
  db = createDatabase({
    url: database.url,
    schema: 'issuance',
    poolMax: 3,
    applicationName: 'issuance-retention-test',
  });
  await migrate(db, 'issuance', beforeSalt);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('recipient salt migration', () => {
  it('gives each existing award its own salt, and new awards one without asking', async () => {
    const award = (uid: string) => ({
      site_id: 1,
      badge_id: 1,
      email: 'a@example.org',
      uid,
      channel: 'direct',
      idempotency_key: uid,
      badge_unique: false,
      issued_on: new Date(),
    });
    await db('earned_badges').insert([award('one'), award('two')]);
    await migrate(db, 'issuance', migrations);
    await db('earned_badges').insert(award('three'));
    const salts = (await db('earned_badges').select('recipient_salt')).map(
      (r: { recipient_salt: string }) => r.recipient_salt,
    );
    expect(salts).toHaveLength(3);
    for (const salt of salts) expect(salt).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(salts).size).toBe(3);
  });
});

describe('webhook delivery retention', () => {
  it('deletes delivered rows past the retention and nothing else', async () => {
    const row = (key: string, status: string, lastAttemptDaysAgo: number | null) => ({
      site_id: 1,
      action: 'award',
      recipient_key: key,
      input: '{}',
      status,
      give_up_at: new Date(Date.now() + DAY_MS),
      last_attempt_at: lastAttemptDaysAgo === null ? null : daysAgo(lastAttemptDaysAgo),
      created_at: daysAgo(60),
    });
    await db('webhook_deliveries').insert([
      row('delivered-old', 'delivered', 31),
      row('delivered-older', 'delivered', 90),
      row('delivered-recent', 'delivered', 29),
      row('pending-old', 'pending', null),
      row('failing-old', 'failing', 45),
      row('abandoned-old', 'abandoned', 45),
    ]);
    const more = await sweepOnce(
      issuanceRetentionRules(new DeliveryStore(db), { WEBHOOK_DELIVERY_RETENTION_DAYS: 30 }),
      createLogger('test', 'silent'),
    );
    expect(more).toBe(false);
    const left = (await db('webhook_deliveries').select('recipient_key'))
      .map((r: { recipient_key: string }) => r.recipient_key)
      .sort();
    expect(left).toEqual(['abandoned-old', 'delivered-recent', 'failing-old', 'pending-old']);
  });

  it('defaults to 30 days and refuses nonsense', () => {
    const base = { DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'k:9092' };
    expect(loadIssuanceConfig(base).WEBHOOK_DELIVERY_RETENTION_DAYS).toBe(30);
    expect(() => loadIssuanceConfig({ ...base, WEBHOOK_DELIVERY_RETENTION_DAYS: '0' })).toThrow(
      /WEBHOOK_DELIVERY_RETENTION_DAYS/,
    );
  });
});
