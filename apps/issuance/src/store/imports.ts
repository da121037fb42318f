/**
 * Import batches and the set-based writes of a bulk award. A batch is one
 * multi-row INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING: the
 * earned_badges constraints decide per row, in one statement, which items
 * award (a retried item's idempotency key, a non-repeatable badge already
 * held — also by an earlier item of the same batch), and the rows that were
 * not inserted are then explained with two set-based look-ups.
 */
import type { Knex } from '@laurel/service-kit';
import type { BulkRow } from '../domain/bulk-award.js';
import type { EarnedBadgeRow } from './earned-badges.js';

/** A Postgres array parameter; node-postgres sends JS arrays (nulls included) as array literals. */
const pgArray = (values: readonly unknown[]): Knex.RawBinding => values as unknown as Knex.RawBinding;

export type BatchClaim = 'new' | 'replay' | 'conflict';

export class ImportStore {
  /**
   * Records the batch in the caller's transaction. A concurrent call with the
   * same key waits on the unique index until the first commits, then sees it.
   */
  async claimBatch(
    trx: Knex.Transaction,
    siteId: string,
    batchKey: string,
    requestHash: string,
    itemCount: number,
  ): Promise<BatchClaim> {
    const inserted = await trx.raw<{ rows: unknown[] }>(
      `insert into imports (site_id, batch_key, request_hash, item_count) values (?, ?, ?, ?)
       on conflict do nothing returning batch_key`,
      [siteId, batchKey, requestHash, itemCount],
    );
    if (inserted.rows.length > 0) return 'new';
    const existing = (await trx('imports')
      .select('request_hash')
      .where({ site_id: siteId, batch_key: batchKey })
      .first()) as { request_hash: string } | undefined;
    return existing?.request_hash === requestHash ? 'replay' : 'conflict';
  }

  async insertAwards(
    trx: Knex.Transaction,
    siteId: string,
    channel: string,
    rows: readonly BulkRow[],
  ): Promise<EarnedBadgeRow[]> {
    if (rows.length === 0) return [];
    const result = await trx.raw<{ rows: EarnedBadgeRow[] }>(
      `insert into earned_badges (site_id, badge_id, user_id, email, uid, channel, idempotency_key, badge_unique, issued_on, expires)
       select ?, t.badge_id, t.user_id, t.email, t.uid, ?, t.idempotency_key, t.badge_unique, t.issued_on, t.expires
         from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::timestamptz[], ?::timestamptz[])
              with ordinality as t(badge_id, user_id, email, uid, idempotency_key, badge_unique, issued_on, expires, ord)
        order by t.ord
       on conflict do nothing
       returning *`,
      [
        siteId,
        channel,
        pgArray(rows.map((r) => r.badgeId)),
        pgArray(rows.map((r) => r.userId)),
        pgArray(rows.map((r) => r.email)),
        pgArray(rows.map((r) => r.uid)),
        pgArray(rows.map((r) => r.idempotencyKey)),
        pgArray(rows.map((r) => r.badgeUnique)),
        pgArray(rows.map((r) => r.issuedOn.toISOString())),
        pgArray(rows.map((r) => r.expires?.toISOString() ?? null)),
      ],
    );
    return result.rows;
  }

  async findByKeys(trx: Knex.Transaction, siteId: string, keys: readonly string[]): Promise<EarnedBadgeRow[]> {
    if (keys.length === 0) return [];
    return trx<EarnedBadgeRow>('earned_badges')
      .select('*')
      .where({ site_id: siteId })
      .whereRaw('idempotency_key = any(?::text[])', [pgArray(keys)]);
  }

  /** The oldest unrevoked award of each (badge, member) pair that holds a non-repeatable badge. */
  async findHeld(
    trx: Knex.Transaction,
    siteId: string,
    pairs: readonly { badgeId: string; userId: string }[],
  ): Promise<EarnedBadgeRow[]> {
    if (pairs.length === 0) return [];
    const result = await trx.raw<{ rows: EarnedBadgeRow[] }>(
      `select distinct on (e.badge_id, e.user_id) e.*
         from earned_badges e
         join unnest(?::bigint[], ?::bigint[]) as p(badge_id, user_id) on e.badge_id = p.badge_id and e.user_id = p.user_id
        where e.site_id = ? and e.badge_unique and e.revoked_at is null
        order by e.badge_id, e.user_id, e.seq`,
      [pgArray(pairs.map((p) => p.badgeId)), pgArray(pairs.map((p) => p.userId)), siteId],
    );
    return result.rows;
  }
}
