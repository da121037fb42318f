/**
 * Retention of processed_events against a real PostgreSQL: one sweep
 * deletes only the ids older than the retention, in bounded batches, and
 * the polling loop drains a backlog larger than one batch.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually, freshDatabase, type TestDatabase } from '@laurel/testkit';
import { createDatabase, type Knex } from '../src/db/database.js';
import { processedEventsAgeMigration, processedEventsMigration } from '../src/db/kit-migrations.js';
import { migrate } from '../src/db/migrations.js';
import { processedEventsRetention } from '../src/kafka/processed-events-store.js';
import { createLogger } from '../src/logger.js';
import { olderThan, startRetention, sweepOnce } from '../src/retention.js';

let database: TestDatabase;
let db: Knex;
const logger = createLogger('retention-test', 'silent');
const DAY_MS = 24 * 60 * 60 * 1000;

const insertEvents = async (count: number, ageDays: number): Promise<string[]> => {
  const ids = Array.from({ length: count }, () => randomUUID());
  await db('processed_events').insert(
    ids.map((id) => ({ consumer: 'test', event_id: id, processed_at: new Date(Date.now() - ageDays * DAY_MS) })),
  );
  return ids;
};
const remaining = async () =>
  (await db('processed_events').select('event_id')).map((r: { event_id: string }) => r.event_id).sort();

beforeAll(async () => {
  database = await freshDatabase('kit-retention');
  db = createDatabase({ url: database.url, schema: 'kit', poolMax: 3, applicationName: 'retention-test' });
  await migrate(db, 'kit', [processedEventsMigration, processedEventsAgeMigration]);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});
beforeEach(async () => {
  await db('processed_events').delete();
});

describe('processed_events retention', () => {
  it('deletes only ids older than the retention, one bounded batch per sweep', async () => {
    await insertEvents(3, 15);
    const fresh = await insertEvents(2, 13);
    const rules = [processedEventsRetention(db, 14)];
    // A full batch says there may be more.
    expect(await sweepOnce(rules, logger, 2)).toBe(true);
    expect(await remaining()).toHaveLength(3);
    expect(await sweepOnce(rules, logger, 2)).toBe(false);
    expect(await remaining()).toEqual([...fresh].sort());
    expect(await sweepOnce(rules, logger, 2)).toBe(false);
    expect(await remaining()).toEqual([...fresh].sort());
  });

  it('drains a backlog larger than one batch on the polling loop', async () => {
    await insertEvents(25, 30);
    const fresh = await insertEvents(3, 1);
    const loop = startRetention({ rules: [processedEventsRetention(db, 14)], logger, batchSize: 10, idleMs: 60_000 });
    try {
      await eventually(remaining, (ids) => ids.length === 3, 60_000);
      expect(await remaining()).toEqual([...fresh].sort());
    } finally {
      await loop.stop();
    }
  });
});

describe('olderThan', () => {
  it('counts days and hours back from now', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(olderThan({ days: 7 }, now).toISOString()).toBe('2026-03-03T12:00:00.000Z');
    expect(olderThan({ hours: 48 }, now).toISOString()).toBe('2026-03-08T12:00:00.000Z');
  });
});
