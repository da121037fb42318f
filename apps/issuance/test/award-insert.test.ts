/**
 * EarnedBadgeStore.insert against a real PostgreSQL: an award and its
 * BadgeAwarded outbox row are written by one statement (one transaction, also
 * outside any), never one without the other, and the event says what the row
 * holds; a refused award writes no event and keeps its classification; the
 * in-process relay is woken once the award is committed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  createLogger,
  createWorkListener,
  migrate,
  OUTBOX_CHANNEL,
  type Knex,
  type WorkListener,
} from '@laurel/service-kit';
import { eventually, freshDatabase, type TestDatabase } from '@laurel/testkit';
import { migrations } from '../migrations/index.js';
import { awardedOutboxRow } from '../src/events/award-events.js';
import { EarnedBadgeStore, type NewAward, type NewAwardColumns } from '../src/store/earned-badges.js';

let database: TestDatabase;
let db: Knex;
let awards: EarnedBadgeStore;
let listener: WorkListener;
let wakes = 0;

const announce = (columns: NewAwardColumns) => awardedOutboxRow('test.', columns);
const newAward = (fields: Partial<NewAward> = {}): NewAward => ({
  id: randomUUID(),
  recipient: { siteId: '1', userId: '42', email: 'ada@example.org' },
  badgeId: '7',
  badgeUnique: true,
  uid: randomUUID().replace(/-/g, ''),
  channel: 'direct',
  idempotencyKey: randomUUID(),
  issuedOn: new Date('2026-01-02T03:04:05.678Z'),
  expires: null,
  claimCode: null,
  evidenceUrl: null,
  ...fields,
});
interface OutboxRecord {
  xmin: string;
  message_key: string;
  payload: Buffer;
  headers: Record<string, string>;
}
const outboxRows = (): Promise<OutboxRecord[]> =>
  db('outbox').select(db.raw('xmin::text as xmin'), 'message_key', 'payload', 'headers').orderBy('id');

beforeAll(async () => {
  database = await freshDatabase('issuance-award-insert');
  db = createDatabase({
    url: database.url,
    schema: 'issuance',
    poolMax: 3,
    applicationName: 'issuance-award-insert-test',
  });
  await migrate(db, 'issuance', migrations);
  awards = new EarnedBadgeStore(db);
  // As the issuance process's relay: subscribed here, so signalWork wakes it in memory.
  listener = createWorkListener({
    url: database.url,
    applicationName: 'award-insert-test',
    logger: createLogger('award-insert-test', 'silent'),
  });
  listener.subscribe(OUTBOX_CHANNEL, () => void (wakes += 1));
  await eventually(
    () => Promise.resolve(wakes),
    (n) => n >= 1,
  ); // the wake after LISTEN
});
afterAll(async () => {
  await listener?.close();
  await db?.destroy();
  await database?.drop();
});

describe('EarnedBadgeStore.insert', () => {
  it('writes the award and its event in one transaction outside any, and wakes the relay after it', async () => {
    await db('outbox').del();
    const before = wakes;
    const award = newAward();
    const outcome = await awards.insert(db, award, announce);
    expect(outcome.kind).toBe('created');
    if (outcome.kind !== 'created') return;
    expect(wakes).toBe(before + 1);
    expect(outcome.row).toMatchObject({
      id: award.id,
      uid: award.uid,
      site_id: '1',
      user_id: '42',
      email: 'ada@example.org',
      channel: 'direct',
    });
    const [{ xmin } = { xmin: '' }] = await db('earned_badges')
      .where({ id: award.id })
      .select<{ xmin: string }[]>(db.raw('xmin::text as xmin'));
    const events = await outboxRows();
    expect(events).toHaveLength(1);
    // The same writing transaction: the award cannot commit without its event, nor the event without it.
    expect(events[0]?.xmin).toBe(xmin);
    expect(events[0]?.message_key).toBe('1:42');
    expect(events[0]?.headers['event-type']).toBe('laurel.events.v1.BadgeAwarded');
    expect(JSON.parse(events[0]?.payload.toString() ?? '{}')).toMatchObject({
      earnedBadgeId: outcome.row.id,
      uid: outcome.row.uid,
      badgeId: '7',
      channel: 'AWARD_CHANNEL_DIRECT',
      issuedOn: outcome.row.issued_on.toISOString(),
      expires: '',
      recipient: { siteId: '1', userId: '42', email: 'ada@example.org' },
    });
  });

  it('writes no event for a refused award, and says why it was refused', async () => {
    const first = newAward({ recipient: { siteId: '1', userId: null, email: 'grace@example.org' } });
    expect((await awards.insert(db, first, announce)).kind).toBe('created');
    await db('outbox').del();
    const before = wakes;

    const replay = await awards.insert(db, { ...first, id: randomUUID(), uid: randomUUID() }, announce);
    expect(replay).toMatchObject({ kind: 'key-exists', row: { id: first.id } });
    const held = await awards.insert(
      db,
      newAward({ recipient: { siteId: '1', userId: null, email: 'GRACE@example.org' } }),
      announce,
    );
    expect(held).toMatchObject({ kind: 'already-held', row: { id: first.id } });
    const uidTaken = await awards.insert(db, newAward({ uid: first.uid.toUpperCase(), badgeUnique: false }), announce);
    expect(uidTaken.kind).toBe('uid-taken');

    expect(await outboxRows()).toEqual([]);
    expect(wakes).toBe(before);
  });

  it('in a transaction, commits or rolls back the award and its event together, waking the relay only after the commit', async () => {
    await db('outbox').del();
    const before = wakes;
    const rolledBack = newAward({ badgeUnique: false });
    const rollback = new Error('rolled back');
    await expect(
      db.transaction(async (trx) => {
        expect((await awards.insert(trx, rolledBack, announce)).kind).toBe('created');
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await db('earned_badges').where({ id: rolledBack.id })).toEqual([]);
    expect(await outboxRows()).toEqual([]);

    const committed = newAward({ badgeUnique: false });
    await db.transaction(async (trx) => {
      expect((await awards.insert(trx, committed, announce)).kind).toBe('created');
      expect(wakes).toBe(before);
    });
    await eventually(
      () => Promise.resolve(wakes),
      (n) => n === before + 1,
    );
    expect(await outboxRows()).toHaveLength(1);
  });
});
