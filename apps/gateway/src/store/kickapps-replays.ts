/**
 * First answers of KickApps mutations sent with an idempotency key (§5.2).
 * A key is claimed by inserting its row before the call acts; the primary key
 * (site, member, key) lets exactly one of concurrent repeats win the claim.
 * A claim whose answer never arrived (the process died mid-call) is given up
 * after CLAIM_STALE_MS so the key does not stay blocked for the whole window.
 */
import type { Knex } from '@laurel/service-kit';

export const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const CLAIM_STALE_MS = 60 * 1000;

export interface ReplayScope {
  siteId: string;
  userId: string;
  key: string;
}

export interface StoredAnswer {
  answer: string;
  httpStatus: number;
}

export type Claim = { state: 'claimed' } | { state: 'answered'; answer: StoredAnswer } | { state: 'pending' };

interface ReplayRow {
  answer: string | null;
  http_status: number | null;
}

const where = (scope: ReplayScope) => ({ site_id: scope.siteId, user_id: scope.userId, idempotency_key: scope.key });

export class KickAppsReplayStore {
  constructor(
    private readonly db: Knex,
    private readonly windowMs = REPLAY_WINDOW_MS,
  ) {}

  async claim(scope: ReplayScope): Promise<Claim> {
    // A small sweep per claim keeps the table at about one window of keys without a separate job.
    await this.db.raw(
      'delete from kickapps_replays where ctid in (select ctid from kickapps_replays where created_at <= ? limit 100)',
      [new Date(Date.now() - this.windowMs)],
    );
    // Rows past the window, and abandoned claims, no longer hold the key.
    await this.db('kickapps_replays')
      .where(where(scope))
      .andWhere((q) => {
        q.where('created_at', '<=', new Date(Date.now() - this.windowMs)).orWhere((p) => {
          p.whereNull('answer').andWhere('created_at', '<=', new Date(Date.now() - CLAIM_STALE_MS));
        });
      })
      .delete();
    const inserted = await this.db('kickapps_replays')
      .insert(where(scope))
      .onConflict(['site_id', 'user_id', 'idempotency_key'])
      .ignore()
      .returning('site_id');
    if (inserted.length > 0) return { state: 'claimed' };
    const row = await this.db('kickapps_replays')
      .where(where(scope))
      .first<ReplayRow | undefined>('answer', 'http_status');
    if (row?.answer != null)
      return { state: 'answered', answer: { answer: row.answer, httpStatus: row.http_status ?? 200 } };
    return { state: 'pending' };
  }

  async answer(scope: ReplayScope, answer: StoredAnswer): Promise<void> {
    await this.db('kickapps_replays')
      .where(where(scope))
      .whereNull('answer')
      .update({ answer: answer.answer, http_status: answer.httpStatus });
  }

  /** Retention: deletes up to `limit` rows past the replay window, also when no claim comes to sweep them. */
  async deleteExpired(limit: number): Promise<number> {
    const result = await this.db.raw<{ rowCount: number }>(
      'delete from kickapps_replays where ctid = any(array(select ctid from kickapps_replays where created_at <= ? limit ?))',
      [new Date(Date.now() - this.windowMs), limit],
    );
    return result.rowCount;
  }

  /** Gives the key back: the call changed nothing (150), so a retry must act. */
  async release(scope: ReplayScope): Promise<void> {
    await this.db('kickapps_replays').where(where(scope)).whereNull('answer').delete();
  }
}
