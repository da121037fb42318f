/**
 * Revocation status lists: the bit encoding (pure), and against a real
 * PostgreSQL the allocation of indices (one per award, never shared, a new
 * list when one is full) and the revocation bit, read back with the domain's
 * most-significant-bit-first rule so that the SQL and the list format agree.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrate, type Knex } from '@laurel/service-kit';
import { freshDatabase, type TestDatabase } from '@laurel/testkit';
import { migrations } from '../migrations/index.js';
import {
  emptyBits,
  encodeList,
  isSet,
  setBitPosition,
  STATUS_LIST_SIZE,
  statusEntry,
} from '../src/domain/status-list.js';
import { StatusListStore, type StatusListRow } from '../src/store/status-lists.js';

describe('bitstring encoding', () => {
  it('counts bits from the most significant bit of each byte, and encodes as u + base64url(gzip)', () => {
    const bits = emptyBits();
    expect(bits.length * 8).toBe(STATUS_LIST_SIZE);
    bits[0] = 0b1000_0000;
    bits[1] = 0b0000_0001;
    expect(isSet(bits, 0)).toBe(true);
    expect(isSet(bits, 7)).toBe(false);
    expect(isSet(bits, 15)).toBe(true);
    expect([0, 7, 8, 15].map(setBitPosition)).toEqual([7, 0, 15, 8]);
    const encoded = encodeList(bits);
    expect(encoded).toMatch(/^u[\w-]+$/);
    expect(gunzipSync(Buffer.from(encoded.slice(1), 'base64url')).equals(bits)).toBe(true);
    expect(statusEntry('https://x.example/l/1', 42)).toEqual({
      id: 'https://x.example/l/1#42',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '42',
      statusListCredential: 'https://x.example/l/1',
    });
  });
});

let database: TestDatabase;
let db: Knex;

beforeAll(async () => {
  database = await freshDatabase('issuance-status-lists');
  db = createDatabase({
    url: database.url,
    schema: 'issuance',
    poolMax: 8,
    applicationName: 'issuance-status-lists-test',
  });
  await migrate(db, 'issuance', migrations);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

let seq = 0;
async function anAward(siteId: number, revoked = false): Promise<string> {
  seq += 1;
  const [row] = await db('earned_badges')
    .insert({
      site_id: siteId,
      badge_id: 1,
      email: `a${seq}@example.org`,
      uid: `status-${seq}`,
      channel: 'direct',
      idempotency_key: `k${seq}`,
      badge_unique: false,
      issued_on: new Date(),
      ...(revoked && { revoked_at: new Date() }),
    })
    .returning<{ id: string }[]>('id');
  return (row as { id: string }).id;
}

const place = (siteId: number) => (number: number) => ({
  url: `https://badges.example.org/public/status-lists/${siteId}/${number}`,
  issuerId: 'https://badges.example.org/public/systems/s?v=3_0',
});
const listOf = async (siteId: number, number = 1) =>
  (await db<StatusListRow>('status_lists')
    .where({ site_id: String(siteId), number })
    .first())!;

describe('StatusListStore', () => {
  it('gives each award one index, the same on every call, concurrent ones included, and never two awards the same', async () => {
    const store = new StatusListStore(db);
    const a = await anAward(21);
    const slots = await Promise.all(Array.from({ length: 5 }, () => store.allocate('21', a, place(21))));
    expect(new Set(slots.map((s) => `${s.url}#${s.index}`)).size).toBe(1);
    const others = await Promise.all(
      Array.from({ length: 20 }, async () => store.allocate('21', await anAward(21), place(21))),
    );
    const indices = [slots[0]!.index, ...others.map((s) => s.index)];
    expect(new Set(indices).size).toBe(21);
    for (const index of indices) expect(index >= 0 && index < STATUS_LIST_SIZE).toBe(true);
    expect((await listOf(21)).allocated).toBe(21);
    expect(slots[0]!.url).toBe('https://badges.example.org/public/status-lists/21/1');
  });

  it("sets the revoked award's bit (most significant first), once, and an award revoked before it had an entry gets it set", async () => {
    const store = new StatusListStore(db);
    const a = await anAward(22);
    const { index } = await store.allocate('22', a, place(22));
    expect(isSet((await listOf(22)).bits, index)).toBe(false);
    await store.setRevoked(db, a);
    await store.setRevoked(db, a);
    const list = await listOf(22);
    expect(isSet(list.bits, index)).toBe(true);
    expect(list.bits.reduce((n, byte) => n + byte.toString(2).replaceAll('0', '').length, 0)).toBe(1);
    expect(list.version).toBe('1');

    const early = await anAward(22, true);
    const slot = await store.allocate('22', early, place(22));
    expect(isSet((await listOf(22)).bits, slot.index)).toBe(true);
  });

  it('opens the next list when the current one is full', async () => {
    const store = new StatusListStore(db);
    await store.allocate('23', await anAward(23), place(23));
    await db('status_lists').where({ site_id: 23, number: 1 }).update({ allocated: STATUS_LIST_SIZE });
    const next = await store.allocate('23', await anAward(23), place(23));
    expect(next.url).toBe('https://badges.example.org/public/status-lists/23/2');
  });

  it('keeps a signed list only for the version it shows', async () => {
    const store = new StatusListStore(db);
    const a = await anAward(24);
    await store.allocate('24', a, place(24));
    const before = await listOf(24);
    await store.setRevoked(db, a);
    expect(await store.keepSigned(before.id, before.version, 'stale')).toBe('stale');
    expect((await listOf(24)).signed_credential).toBeNull();
    const now = await listOf(24);
    expect(await store.keepSigned(now.id, now.version, 'fresh')).toBe('fresh');
    expect(await store.keepSigned(now.id, now.version, 'concurrent')).toBe('fresh');
    expect((await listOf(24)).signed_credential).toBe('fresh');
  });
});

describe('StatusListStore publishing', () => {
  it('lets one publisher claim each version once, waiting for a concurrent claim, and offers the list again only once a revocation changes it', async () => {
    const store = new StatusListStore(db);
    const award = await anAward(77);
    await store.allocate('77', award, place(77));
    const mine = async () => (await store.unpublished(1000)).filter((r) => String(r.site_id) === '77');
    const [list] = await mine();
    expect(list).toMatchObject({ version: '0', published_version: null });
    let second: Promise<StatusListRow | undefined> | undefined;
    await db.transaction(async (first) => {
      const claimed = await store.claimVersion(first, list!.id, '0');
      expect(claimed).toMatchObject({ version: '0' });
      // Another replica meanwhile: its claim waits for this one, then finds the version published.
      second = db.transaction((trx) => store.claimVersion(trx, list!.id, '0'));
      await store.markPublished(first, claimed!, '{"list":0}');
    });
    expect(await second).toBeUndefined();
    expect(await mine()).toEqual([]);
    await db.transaction((trx) => store.setRevoked(trx, award));
    await db.transaction((trx) => store.setRevoked(trx, award));
    expect(await mine()).toMatchObject([
      { version: '1', published_version: '0', signed_version: '0', signed_credential: '{"list":0}' },
    ]);
    // A claim for a version the list has moved past gets nothing: the newer one is claimed instead.
    expect(await db.transaction((trx) => store.claimVersion(trx, list!.id, '0'))).toBeUndefined();
    expect(await db.transaction((trx) => store.claimVersion(trx, list!.id, '1'))).toMatchObject({ version: '1' });
  });
});
