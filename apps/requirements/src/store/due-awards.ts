/**
 * due_awards: the qualifications waiting to be awarded by workers/due-awards.ts.
 * Inserting announces the new rows on DUE_AWARDS_CHANNEL; nothing here deletes
 * a row except dropping one the catalog or issuance refused (a change never revokes).
 */
import { signalWork, type Knex } from '@laurel/service-kit';
import type { Candidate } from '../domain/qualification.js';

/** Announces new due awards to the award worker (see service-kit db/notifications.ts). */
export const DUE_AWARDS_CHANNEL = 'laurel_due_awards';

export interface DueAward {
  badgeId: string;
  userId: string;
  siteId: string;
  attempts: number;
}

/** What the worker decided for each claimed row. */
export interface Settlement {
  awarded: DueAward[];
  dropped: DueAward[];
  retries: { award: DueAward; error: string; delayMs: number }[];
}

interface DueRow {
  badge_id: string;
  user_id: string;
  site_id: string;
  attempts: number;
}

/** Announces the awards an insert made due, if any; returns how many. */
async function announced(trx: Knex.Transaction, inserted: number | null): Promise<number> {
  if (inserted) await signalWork(trx, DUE_AWARDS_CHANNEL);
  return inserted ?? 0;
}

/** Records the qualifications (already due ones stay as they are); returns how many became due. */
export async function insertDueAwards(trx: Knex.Transaction, due: Candidate[]): Promise<number> {
  if (due.length === 0) return 0;
  const result = await trx.raw<{ rowCount: number | null }>(
    `insert into due_awards (badge_id, user_id, site_id)
     select * from unnest(?::bigint[], ?::bigint[], ?::bigint[])
     on conflict (badge_id, user_id) do nothing`,
    [due.map((d) => d.badgeId), due.map((d) => d.userId), due.map((d) => d.siteId)],
  );
  return announced(trx, result.rowCount);
}

/**
 * Records every member of the site qualified for the given badges in one
 * statement: a member qualifies when the number of the badge's published
 * requirements they meet equals the number it has. Only members with a count
 * meeting some requirement are read, through member_counts_action_location_idx.
 */
export async function insertQualifiedForBadges(
  trx: Knex.Transaction,
  siteId: string,
  badgeIds: string[],
): Promise<number> {
  const result = await trx.raw<{ rowCount: number | null }>(
    `with wanted as (
       select r.badge_id, r.action_id, r.location, r.quantity,
              count(*) over (partition by r.badge_id) as needed
         from requirements r
        where r.badge_id = any(?::bigint[]) and r.site_id = ? and r.published
     )
     insert into due_awards (badge_id, user_id, site_id)
     select w.badge_id, m.user_id, ?::bigint
       from wanted w
       join member_counts m on m.action_id = w.action_id and m.location = w.location and m.count >= w.quantity and m.site_id = ?
      group by w.badge_id, m.user_id, w.needed
     having count(*) = w.needed
     on conflict (badge_id, user_id) do nothing`,
    [badgeIds, siteId, siteId, siteId],
  );
  return announced(trx, result.rowCount);
}

export class DueAwardStore {
  constructor(private readonly db: Knex) {}

  /**
   * Claims up to `limit` pending rows that are due, lets `decide` settle them
   * and records its decisions, all in one transaction: the rows stay locked
   * while `decide` awards them. Returns how many rows were claimed.
   */
  settleBatch(limit: number, decide: (awards: DueAward[]) => Promise<Settlement>): Promise<number> {
    return this.db.transaction(async (trx) => {
      // skip locked: replicas share the queue without waiting on each other.
      const { rows } = await trx.raw<{ rows: DueRow[] }>(
        `select badge_id, user_id, site_id, attempts from due_awards
          where state = 'pending' and next_attempt_at <= now()
          order by next_attempt_at limit ? for update skip locked`,
        [limit],
      );
      if (rows.length === 0) return 0;
      const { awarded, dropped, retries } = await decide(
        rows.map((r) => ({ badgeId: r.badge_id, userId: r.user_id, siteId: r.site_id, attempts: r.attempts })),
      );
      const keys = (list: DueAward[]) => [list.map((r) => r.badgeId), list.map((r) => r.userId)];
      if (awarded.length > 0) {
        await trx.raw(
          `update due_awards d set state = 'awarded', awarded_at = now(), attempts = d.attempts + 1
             from unnest(?::bigint[], ?::bigint[]) as k(badge_id, user_id)
            where d.badge_id = k.badge_id and d.user_id = k.user_id`,
          keys(awarded),
        );
      }
      if (dropped.length > 0) {
        await trx.raw(
          `delete from due_awards d using unnest(?::bigint[], ?::bigint[]) as k(badge_id, user_id)
            where d.badge_id = k.badge_id and d.user_id = k.user_id and d.state = 'pending'`,
          keys(dropped),
        );
      }
      for (const { award, error, delayMs } of retries) {
        await trx('due_awards')
          .where({ badge_id: award.badgeId, user_id: award.userId })
          .update({
            attempts: award.attempts + 1,
            last_error: error,
            next_attempt_at: trx.raw(`now() + (? || ' milliseconds')::interval`, [String(delayMs)]),
          });
      }
      return rows.length;
    });
  }
}
