/**
 * status_lists and status_entries (migration 0010): each award's index in
 * its site's revocation list, and the lists' bits and signed credentials.
 */
import { randomInt } from 'node:crypto';
import { signalWork, type Knex } from '@laurel/service-kit';
import { emptyBits, STATUS_LIST_SIZE } from '../domain/status-list.js';

export interface StatusListRow {
  id: string;
  site_id: string;
  number: number;
  url: string;
  issuer_id: string;
  bits: Buffer;
  allocated: number;
  version: string;
  signed_credential: string | null;
  signed_version: string | null;
  /** The version whose StatusListPublished event was enqueued (migration 0011). */
  published_version: string | null;
  created_at: Date;
}

/** Wakes the status list publisher (workers/status-list-publisher.ts) once a list changed. */
export const STATUS_LIST_CHANNEL = 'laurel_status_lists';

export interface StatusSlot {
  url: string;
  index: number;
}

/** Where a new list of the site lives: fixed when it opens. */
export type ListPlace = (number: number) => { url: string; issuerId: string };

// domain/status-list.ts setBitPosition, in SQL: the list counts bits from each byte's most significant one.
const BIT = '(e.index & ~7) | (7 - (e.index & 7))';

export class StatusListStore {
  constructor(private readonly db: Knex) {}

  private async existing(trx: Knex, earnedBadgeId: string): Promise<StatusSlot | undefined> {
    const row = await trx('status_entries as e')
      .join('status_lists as l', 'l.id', 'e.list_id')
      .where('e.earned_badge_id', earnedBadgeId)
      .first<{ url: string; index: number } | undefined>('l.url', 'e.index');
    return row && { url: row.url, index: row.index };
  }

  /**
   * The award's slot, given once: a random free index in the site's current
   * list (a new list when it is full). The award's row is locked first, so a
   * revocation committing meanwhile is either seen here (the bit is set now)
   * or waits and then finds the entry (Revoke sets it): none is lost.
   */
  async allocate(siteId: string, earnedBadgeId: string, place: ListPlace): Promise<StatusSlot> {
    return this.db.transaction(async (trx) => {
      const award = await trx('earned_badges')
        .where({ id: earnedBadgeId })
        .forUpdate()
        .first<{ revoked_at: Date | null } | undefined>('revoked_at');
      if (!award) throw new Error(`award ${earnedBadgeId} does not exist`);
      const known = await this.existing(trx, earnedBadgeId);
      if (known) return known;
      const current = () =>
        trx<StatusListRow>('status_lists').where({ site_id: siteId }).orderBy('number', 'desc').forUpdate().first();
      let list = await current();
      if (!list || list.allocated >= STATUS_LIST_SIZE) {
        const number = (list?.number ?? 0) + 1;
        const { url, issuerId } = place(number);
        await trx.raw(
          'insert into status_lists (site_id, number, url, issuer_id, bits) values (?, ?, ?, ?, ?) on conflict (site_id, number) do nothing',
          [siteId, number, url, issuerId, emptyBits()],
        );
        list = await current();
        if (!list) throw new Error(`site ${siteId} has no status list right after opening one`);
        // A new list is published too (its version 0), so consumers learn of it before any revocation.
        await signalWork(trx, STATUS_LIST_CHANNEL);
      }
      // The list is locked: only collisions with earlier awards retry, ever rarer until the list fills.
      for (;;) {
        const index = randomInt(STATUS_LIST_SIZE);
        const inserted = await trx.raw<{ rows: unknown[] }>(
          'insert into status_entries (earned_badge_id, list_id, index) values (?, ?, ?) on conflict do nothing returning index',
          [earnedBadgeId, list.id, index],
        );
        if (inserted.rows.length === 0) continue;
        await trx('status_lists').where({ id: list.id }).increment('allocated', 1);
        if (award.revoked_at) await this.setRevoked(trx, earnedBadgeId);
        return { url: list.url, index };
      }
    });
  }

  /**
   * Sets the award's bit, if its credential has one yet; idempotent. In the
   * revocation's transaction, which then wakes the publisher once it commits.
   * The update takes the row's FOR NO KEY UPDATE lock: it waits for a
   * publisher's short claim of the list, and is then published as the next version.
   */
  async setRevoked(trx: Knex, earnedBadgeId: string): Promise<void> {
    const result = await trx.raw<{ rowCount: number | null }>(
      `update status_lists l set bits = set_bit(l.bits, ${BIT}, 1), version = l.version + 1
       from status_entries e where e.earned_badge_id = ? and l.id = e.list_id and get_bit(l.bits, ${BIT}) = 0`,
      [earnedBadgeId],
    );
    if ((result.rowCount ?? 0) > 0) await signalWork(trx, STATUS_LIST_CHANNEL);
  }

  /** Up to `limit` lists whose current version has not been published yet (read without locks: the publisher signs them before claiming). */
  unpublished(limit: number): Promise<StatusListRow[]> {
    return this.db<StatusListRow>('status_lists')
      .whereRaw('published_version is distinct from version')
      .orderBy('id')
      .limit(limit)
      .select('*');
  }

  /**
   * The list, locked for the caller's transaction, if it is still at
   * `version` and that version is still unpublished. A lock held meanwhile
   * (an allocation, a revocation, another replica's publisher: all short) is
   * waited for, and the row is then checked again as it committed, so of two
   * publishers of one version the second finds it published and gets
   * nothing: the database decides, and no version is published twice. (Not
   * SKIP LOCKED: allocations hold the current list often, and a skipped claim
   * would wait for the safety-net poll.)
   */
  claimVersion(trx: Knex.Transaction, id: string, version: string): Promise<StatusListRow | undefined> {
    return trx<StatusListRow>('status_lists')
      .where({ id, version })
      .whereRaw('published_version is distinct from version')
      .forUpdate()
      .first();
  }

  /** Records, in the publisher's transaction, that `row.version` is published with `credential` (kept as its signed text too). */
  async markPublished(trx: Knex.Transaction, row: StatusListRow, credential: string): Promise<void> {
    await trx('status_lists')
      .where({ id: row.id })
      .update({ signed_credential: credential, signed_version: row.version, published_version: row.version });
  }

  find(siteId: string, number: number): Promise<StatusListRow | undefined> {
    return this.db<StatusListRow>('status_lists').where({ site_id: siteId, number }).first();
  }

  /**
   * Keeps a signed list for the version it shows, unless the bits changed
   * meanwhile (the next fetch signs the newer version) or a concurrent
   * signer kept one for this version first: then that one is answered, so
   * every fetch of a version gets the same text (and ETag).
   */
  async keepSigned(id: string, version: string, credential: string): Promise<string> {
    await this.db('status_lists')
      .where({ id, version })
      .whereRaw('signed_version is distinct from version')
      .update({ signed_credential: credential, signed_version: version });
    const row = await this.db<StatusListRow>('status_lists')
      .where({ id, signed_version: version })
      .first('signed_credential');
    return row?.signed_credential ?? credential;
  }
}
