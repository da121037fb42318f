/**
 * Concurrent awards outside a transaction share one statement
 * (EarnedBadgeStore.insert with the store's own knex), against a real
 * PostgreSQL: every award is answered exactly as alone (created, key-exists,
 * already-held, uid-taken, or its own error), every created award has its own
 * event in its own transaction, with the trace of the request that made it,
 * and fewer transactions than awards are written.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createDatabase,
  createLogger,
  createWorkListener,
  DomainError,
  migrate,
  OUTBOX_CHANNEL,
  type Knex,
  type WorkListener,
} from '@laurel/service-kit';
import { eventually, freshDatabase, type TestDatabase } from '@laurel/testkit';
import { migrations } from '../migrations/index.js';
import { awardedOutboxRow } from '../src/events/award-events.js';
import {
  EarnedBadgeStore,
  type InsertOutcome,
  type NewAward,
  type NewAwardColumns,
} from '../src/store/earned-badges.js';

let database: TestDatabase;
let db: Knex;
let awards: EarnedBadgeStore;
let listener: WorkListener;
let wakes = 0;

/** Stands in for a request's trace context: the event must carry the one active where the award was made. */
const request = new AsyncLocalStorage<string>();
const announce = (columns: NewAwardColumns) => {
  const row = awardedOutboxRow('test.', columns);
  return {
    ...row,
    headers: JSON.stringify({
      ...(JSON.parse(row.headers) as Record<string, string>),
      'test-request': request.getStore() ?? '',
    }),
  };
};
/** An award made in a request of its own (named after the award). */
const award = (a: NewAward): Promise<InsertOutcome> => request.run(a.id, () => awards.insert(db, a, announce));

const newAward = (fields: Partial<NewAward> = {}): NewAward => ({
  id: randomUUID(),
  recipient: { siteId: '1', userId: null, email: `${randomUUID()}@example.org` },
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

interface Written {
  id: string;
  uid: string;
  xmin: string;
}
interface OutboxRecord {
  xmin: string;
  message_key: string;
  payload: Buffer;
  headers: Record<string, string>;
}
const written = (ids: string[]): Promise<Written[]> =>
  db('earned_badges').whereIn('id', ids).select('id', 'uid', db.raw('xmin::text as xmin'));
const outboxRows = (): Promise<OutboxRecord[]> =>
  db('outbox').select(db.raw('xmin::text as xmin'), 'message_key', 'payload', 'headers').orderBy('id');
const payloadOf = (row: OutboxRecord) =>
  JSON.parse(row.payload.toString()) as { earnedBadgeId: string; uid: string; recipient: { email: string } };

beforeAll(async () => {
  database = await freshDatabase('issuance-award-batch');
  db = createDatabase({
    url: database.url,
    schema: 'issuance',
    poolMax: 5,
    applicationName: 'issuance-award-batch-test',
  });
  await migrate(db, 'issuance', migrations);
  awards = new EarnedBadgeStore(db);
  listener = createWorkListener({
    url: database.url,
    applicationName: 'award-batch-test',
    logger: createLogger('award-batch-test', 'silent'),
  });
  listener.subscribe(OUTBOX_CHANNEL, () => void (wakes += 1));
  await eventually(
    () => Promise.resolve(wakes),
    (n) => n >= 1,
  );
});
afterAll(async () => {
  await listener?.close();
  await db?.destroy();
  await database?.drop();
});
beforeEach(async () => {
  await db('outbox').del();
});

describe('concurrent awards', () => {
  it('write 50 awards, each with its own event and trace, in fewer transactions than awards, waking the relay once per transaction', async () => {
    const before = wakes;
    const batch = Array.from({ length: 50 }, () => newAward());
    const outcomes = await Promise.all(batch.map(award));
    outcomes.forEach((outcome, i) =>
      expect(outcome).toMatchObject({
        kind: 'created',
        row: { id: batch[i]?.id, uid: batch[i]?.uid, email: batch[i]?.recipient.email },
      }),
    );

    const rows = await written(batch.map((a) => a.id));
    expect(rows).toHaveLength(50);
    const transactions = new Set(rows.map((row) => row.xmin));
    // The first award goes alone; the 49 that arrived meanwhile share the next statement.
    expect(transactions.size).toBeLessThanOrEqual(2);
    expect(wakes).toBe(before + transactions.size);

    const events = await outboxRows();
    expect(events).toHaveLength(50);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const event of events) {
      const payload = payloadOf(event);
      const row = byId.get(payload.earnedBadgeId);
      expect(row).toBeDefined();
      expect(payload.uid).toBe(row?.uid);
      // Committed with its award, and made in that award's request.
      expect(event.xmin).toBe(row?.xmin);
      expect(event.headers['test-request']).toBe(payload.earnedBadgeId);
    }
    expect(new Set(events.map((event) => payloadOf(event).earnedBadgeId)).size).toBe(50);
  });

  /** Awards submitted while `first` is being written, so that they share the next statement. */
  const behindOne = (rest: NewAward[]) =>
    Promise.all([award(newAward()), ...rest.map(award)]).then(([, ...outcomes]) => outcomes);

  it('with one idempotency key in one statement: the first is created, the others are told the key exists, with its award', async () => {
    const key = randomUUID();
    const recipient = { siteId: '1', userId: '42', email: null };
    const same = Array.from({ length: 10 }, () => newAward({ idempotencyKey: key, recipient, badgeUnique: false }));
    const outcomes = await behindOne(same);
    const first = same[0]?.id;
    expect(outcomes[0]).toMatchObject({ kind: 'created', row: { id: first } });
    outcomes.slice(1).forEach((outcome) => expect(outcome).toMatchObject({ kind: 'key-exists', row: { id: first } }));
    expect(await db('earned_badges').where({ site_id: '1', idempotency_key: key })).toHaveLength(1);
    const events = (await outboxRows()).filter((event) => payloadOf(event).earnedBadgeId === first);
    expect(events).toHaveLength(1);
    expect(await written(same.slice(1).map((a) => a.id))).toEqual([]);
  });

  it('of a unique badge to one holder with different keys: the first is created, the others are told it is held', async () => {
    const recipient = { siteId: '1', userId: '77', email: 'holder@example.org' };
    const same = Array.from({ length: 10 }, (_, i) =>
      newAward({ recipient: i % 2 === 0 ? recipient : { ...recipient, email: 'HOLDER@example.org' }, badgeId: '9' }),
    );
    const outcomes = await behindOne(same);
    const first = same[0]?.id;
    expect(outcomes[0]).toMatchObject({ kind: 'created', row: { id: first } });
    outcomes.slice(1).forEach((outcome) => expect(outcome).toMatchObject({ kind: 'already-held', row: { id: first } }));
    expect(await db('earned_badges').where({ site_id: '1', badge_id: '9' })).toHaveLength(1);
  });

  it('asked to refuse a recipient who holds the badge, in one statement: the email or member holding it is told so with that award, the rest are created', async () => {
    const repeatable = { badgeId: '11', badgeUnique: false };
    const byEmail = newAward({ ...repeatable, recipient: { siteId: '1', userId: null, email: 'keeps@example.org' } });
    const byMember = newAward({ ...repeatable, recipient: { siteId: '1', userId: '501', email: null } });
    const revoked = newAward({
      ...repeatable,
      recipient: { siteId: '1', userId: null, email: 'gave-back@example.org' },
    });
    for (const held of [byEmail, byMember, revoked]) expect((await award(held)).kind).toBe('created');
    await db('earned_badges').where({ id: revoked.id }).update({ revoked_at: new Date() });
    await db('outbox').del();

    const refusing = (recipient: NewAward['recipient'], holderUserId: string | null = null) =>
      newAward({ ...repeatable, recipient, refuseIfHeld: { holderUserId } });
    const batch = [
      refusing({ siteId: '1', userId: null, email: 'KEEPS@example.org' }),
      refusing({ siteId: '1', userId: null, email: 'member-501@example.org' }, '501'),
      refusing({ siteId: '1', userId: null, email: 'gave-back@example.org' }),
      refusing({ siteId: '1', userId: null, email: 'new@example.org' }, '502'),
      // Not asked to refuse: a repeatable badge is awarded again.
      newAward({ ...repeatable, recipient: { siteId: '1', userId: null, email: 'keeps@example.org' } }),
    ];
    const outcomes = await behindOne(batch);
    expect(outcomes[0]).toMatchObject({ kind: 'already-held', row: { id: byEmail.id } });
    expect(outcomes[1]).toMatchObject({ kind: 'already-held', row: { id: byMember.id } });
    [2, 3, 4].forEach((i) => expect(outcomes[i]).toMatchObject({ kind: 'created', row: { id: batch[i]?.id } }));
    const rows = await written(batch.map((a) => a.id));
    expect(rows.map((row) => row.id).sort()).toEqual([2, 3, 4].map((i) => batch[i]?.id).sort());
    expect(new Set(rows.map((row) => row.xmin)).size).toBe(1);
    const announced = (await outboxRows()).map((event) => payloadOf(event).earnedBadgeId);
    expect(announced).toEqual(expect.arrayContaining(rows.map((row) => row.id)));
    expect(announced).not.toContain(batch[0]?.id);
    expect(announced).not.toContain(batch[1]?.id);
  });

  it('with one uid already taken: that award is told so, the others are created with their events', async () => {
    const taken = newAward();
    expect((await award(taken)).kind).toBe('created');
    await db('outbox').del();
    const batch = Array.from({ length: 6 }, (_, i) => newAward(i === 3 ? { uid: taken.uid.toUpperCase() } : {}));
    const outcomes = await behindOne(batch);
    outcomes.forEach((outcome, i) => expect(outcome.kind).toBe(i === 3 ? 'uid-taken' : 'created'));
    const rows = await written(batch.map((a) => a.id));
    expect(rows.map((row) => row.id).sort()).toEqual(
      batch
        .filter((_, i) => i !== 3)
        .map((a) => a.id)
        .sort(),
    );
    // One statement wrote the five.
    expect(new Set(rows.map((row) => row.xmin)).size).toBe(1);
    const announced = (await outboxRows()).map((event) => payloadOf(event).earnedBadgeId);
    expect(announced).toEqual(expect.arrayContaining(rows.map((row) => row.id)));
    expect(announced).not.toContain(batch[3]?.id);
  });

  it('with a value PostgreSQL cannot store: that award alone fails, as it would alone, and the others are created', async () => {
    // varchar(255): the batch must refuse it, not truncate it.
    const batch = Array.from({ length: 5 }, (_, i) => newAward(i === 2 ? { uid: 'u'.repeat(300) } : {}));
    const settled = await Promise.all([
      award(newAward()),
      ...batch.map((a) =>
        award(a).then(
          (outcome) => outcome,
          (error: unknown) => error,
        ),
      ),
    ]).then(([, ...rest]) => rest);
    settled.forEach((result, i) => {
      if (i === 2) expect(result).toBeInstanceOf(DomainError);
      else expect(result).toMatchObject({ kind: 'created', row: { id: batch[i]?.id } });
    });
    expect(await written([batch[2]?.id ?? ''])).toEqual([]);
    const announced = (await outboxRows()).map((event) => payloadOf(event).earnedBadgeId);
    expect(announced).toEqual(expect.arrayContaining(batch.filter((_, i) => i !== 2).map((a) => a.id)));
  });
});
