/**
 * The milestone_checks table: a check is recorded in the award's
 * transaction, leased by one worker at a time, deleted when done and pushed
 * back with its error when it failed.
 */
import type { Knex } from '@laurel/service-kit';
import { retryDelayMs } from '../domain/milestones.js';

export interface MilestoneCheckRow {
  id: string;
  site_id: string;
  email: string;
  badge_id: string;
  public_origin: string | null;
  attempts: number;
}

export interface NewMilestoneCheck {
  siteId: string;
  email: string;
  badgeId: string;
  publicOrigin: string | null;
}

/** How long a leased check is hidden from other workers; a worker that dies mid-check releases it by this lease running out. */
export const LEASE_MS = 60_000;

export class MilestoneCheckStore {
  constructor(private readonly db: Knex) {}

  async enqueue(trx: Knex, check: NewMilestoneCheck): Promise<string> {
    const [row] = await trx<MilestoneCheckRow>('milestone_checks')
      .insert({ site_id: check.siteId, email: check.email, badge_id: check.badgeId, public_origin: check.publicOrigin })
      .returning('id');
    return String(row?.id);
  }

  /** Leases due checks (all of them when `id` is absent, else only that one). */
  async claimDue(limit: number, id?: string): Promise<MilestoneCheckRow[]> {
    const result = await this.db.raw<{ rows: MilestoneCheckRow[] }>(
      `with due as (
         select id from milestone_checks
          where next_attempt_at <= now() ${id ? 'and id = ?' : ''}
          order by id
          limit ?
          for update skip locked)
       update milestone_checks c
          set next_attempt_at = now() + (? * interval '1 millisecond')
         from due where c.id = due.id
       returning c.*`,
      [...(id ? [id] : []), limit, LEASE_MS],
    );
    return result.rows;
  }

  async done(id: string): Promise<void> {
    await this.db('milestone_checks').where({ id }).delete();
  }

  /** Records a failed run and schedules the next; resolves to when it is due. */
  async failed(check: MilestoneCheckRow, error: string): Promise<Date> {
    const attempts = check.attempts + 1;
    const next = new Date(Date.now() + retryDelayMs(attempts));
    await this.db('milestone_checks')
      .where({ id: check.id })
      .update({ attempts, last_error: error.slice(0, 2000), next_attempt_at: next });
    return next;
  }
}
