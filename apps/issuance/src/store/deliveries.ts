/**
 * The webhook delivery log. Claiming uses a lease (next_attempt_at pushed into
 * the future) instead of a transaction held across the HTTP call: a worker
 * that dies mid-delivery simply lets the lease run out and another retries.
 * Only the oldest open delivery of each recipient is ever due, which is what
 * keeps one recipient's messages in order while others flow.
 */
import { signalWork, type Knex } from '@laurel/service-kit';
import { nextAttemptDelay, RETRY_WINDOW_MS } from '../domain/webhook.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'failing' | 'abandoned';

export interface DeliveryRow {
  id: string;
  site_id: string;
  action: string;
  recipient_key: string;
  input: Record<string, unknown>;
  channel: string | null;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_response_status: number | null;
  last_error: string | null;
  give_up_at: Date;
  created_at: Date;
}

export interface NewDelivery {
  siteId: string;
  action: 'award' | 'revoke' | 'review';
  recipientKey: string;
  input: Record<string, unknown>;
  channel?: string;
}

/** How long a claimed delivery is hidden from other workers; a worker that dies mid-delivery releases it by this lease running out. */
export const LEASE_MS = 60_000;

/** Announces new deliveries to the webhook worker (see service-kit db/notifications.ts). */
export const DELIVERIES_CHANNEL = 'laurel_webhook_deliveries';

export class DeliveryStore {
  constructor(private readonly db: Knex) {}

  /** Records messages in the caller's transaction (the one that made the award, revocation or review). */
  async record(trx: Knex, deliveries: NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const giveUpAt = new Date(Date.now() + RETRY_WINDOW_MS);
    const rows = deliveries.map((d) => ({
      site_id: d.siteId,
      action: d.action,
      recipient_key: d.recipientKey,
      input: JSON.stringify(d.input),
      channel: d.channel ?? null,
      give_up_at: giveUpAt,
    }));
    for (let i = 0; i < rows.length; i += 1000) await trx('webhook_deliveries').insert(rows.slice(i, i + 1000));
    await signalWork(trx, DELIVERIES_CHANNEL);
  }

  /** Leases up to `limit` due deliveries, at most one per recipient (the oldest open one). */
  async claimDue(limit: number): Promise<DeliveryRow[]> {
    const result = await this.db.raw<{ rows: DeliveryRow[] }>(
      `with due as (
         select d.id from webhook_deliveries d
          where d.status in ('pending', 'failing') and d.next_attempt_at <= now()
            and not exists (
              select 1 from webhook_deliveries e
               where e.site_id = d.site_id and e.recipient_key = d.recipient_key
                 and e.status in ('pending', 'failing') and e.id < d.id)
          order by d.id
          limit ?
          for update skip locked)
       update webhook_deliveries w
          set next_attempt_at = now() + (? * interval '1 millisecond')
         from due where w.id = due.id
       returning w.*`,
      [limit, LEASE_MS],
    );
    return result.rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  async markDelivered(id: string, responseStatus: number): Promise<void> {
    await this.db('webhook_deliveries')
      .where({ id })
      .update({
        status: 'delivered',
        attempts: this.db.raw('attempts + 1'),
        last_attempt_at: new Date(),
        last_response_status: responseStatus,
        last_error: null,
      });
  }

  /**
   * Records a failed attempt and schedules the next, or gives up once the
   * retry window has passed; resolves to when the next attempt is due, or
   * undefined when there is none.
   */
  async markFailed(row: DeliveryRow, responseStatus: number | null, error: string): Promise<Date | undefined> {
    const attempts = row.attempts + 1;
    const now = Date.now();
    const next = new Date(now + nextAttemptDelay(attempts));
    const abandoned = next.getTime() > row.give_up_at.getTime();
    await this.db('webhook_deliveries')
      .where({ id: row.id })
      .update({
        status: abandoned ? 'abandoned' : 'failing',
        attempts,
        last_attempt_at: new Date(now),
        last_response_status: responseStatus,
        last_error: error.slice(0, 500),
        next_attempt_at: abandoned ? row.give_up_at : next,
      });
    return abandoned ? undefined : next;
  }

  /**
   * Retention: deletes up to `limit` deliveries that succeeded before
   * `cutoff`. Pending, failing and abandoned rows are never deleted: they
   * are what an operator still has to look at.
   */
  async deleteDeliveredBefore(cutoff: Date, limit: number): Promise<number> {
    const result = await this.db.raw<{ rowCount: number }>(
      `delete from webhook_deliveries where id = any(array(
         select id from webhook_deliveries where status = 'delivered' and last_attempt_at < ? limit ?))`,
      [cutoff, limit],
    );
    return result.rowCount;
  }

  /** A site without a webhook gets no notifications: its messages are dropped, not kept pending. */
  async discard(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db('webhook_deliveries')
      .whereRaw('id = any(?::bigint[])', [[...ids]])
      .del();
  }

  async list(
    siteId: string,
    status: DeliveryStatus | undefined,
    window: { offset: number; limit: number } | undefined,
  ): Promise<{ rows: DeliveryRow[]; total: number }> {
    const base = this.db<DeliveryRow>('webhook_deliveries').where({ site_id: siteId });
    if (status) base.where({ status });
    const [{ count } = { count: '0' }] = await base.clone().count<{ count: string }[]>({ count: '*' });
    const page = base.clone().select('*').orderBy('id', 'desc');
    if (window) page.offset(window.offset).limit(window.limit);
    return { rows: await page, total: Number(count) };
  }
}
