/**
 * The reviews and review_items tables. Lists read the items of a whole page
 * in one query; items are replaced as one set of statements per write (D-18:
 * only the review's own item ids are honoured).
 */
import type { Knex } from '@laurel/service-kit';
import { planItems } from '../domain/assessment-items.js';

export interface ReviewRow {
  id: string;
  application_id: string;
  slug: string;
  author: string;
  comment: string | null;
  idempotency_key: string | null;
  created_at: Date;
}

export interface ReviewItemRow {
  id: string;
  review_id: string;
  criterion_id: string;
  satisfied: boolean;
  comment: string | null;
  satisfied_as_sent: string | null;
}

export type ReviewItemInput = Pick<ReviewItemRow, 'criterion_id' | 'satisfied' | 'comment' | 'satisfied_as_sent'> & {
  id?: string;
};

export interface NewReview {
  applicationId: string;
  slug: string;
  author: string;
  comment: string | null;
  idempotencyKey: string | null;
}

export type ReviewChange = Partial<Pick<ReviewRow, 'author' | 'comment'>>;

export class ReviewStore {
  constructor(private readonly db: Knex) {}

  /** Inserts, or answers the review an earlier call with the same key created. */
  async insert(trx: Knex, review: NewReview): Promise<{ row: ReviewRow; created: boolean }> {
    const inserted = await trx.raw<{ rows: ReviewRow[] }>(
      `insert into reviews (application_id, slug, author, comment, idempotency_key)
       values (?, ?, ?, ?, ?)
       on conflict (application_id, idempotency_key) where idempotency_key is not null do nothing
       returning *`,
      [review.applicationId, review.slug, review.author, review.comment, review.idempotencyKey],
    );
    const created = inserted.rows[0];
    if (created) return { row: created, created: true };
    const existing = await trx<ReviewRow>('reviews')
      .where({ application_id: review.applicationId, idempotency_key: review.idempotencyKey })
      .first();
    if (!existing) throw new Error('review insert neither created nor found a row');
    return { row: existing, created: false };
  }

  /** A review is found only under its own application, by slug ignoring case (§2.2). */
  async find(
    applicationId: string,
    slug: string,
    options: { trx?: Knex; lock?: boolean } = {},
  ): Promise<ReviewRow | undefined> {
    const query = (options.trx ?? this.db)<ReviewRow>('reviews')
      .where({ application_id: applicationId })
      .whereRaw('lower(slug) = lower(?)', [slug]);
    if (options.lock) query.forUpdate();
    return query.first();
  }

  async list(
    applicationId: string,
    window: { offset: number; limit: number } | undefined,
  ): Promise<{ rows: ReviewRow[]; total: number }> {
    const base = this.db<ReviewRow>('reviews').where({ application_id: applicationId });
    const [{ count } = { count: '0' }] = await base.clone().count<{ count: string }[]>({ count: '*' });
    const page = base.clone().select('*').orderBy('id');
    if (window) page.offset(window.offset).limit(window.limit);
    return { rows: await page, total: Number(count) };
  }

  async update(trx: Knex, id: string, change: ReviewChange): Promise<ReviewRow> {
    const query = trx<ReviewRow>('reviews').where({ id });
    const [row] = Object.keys(change).length === 0 ? [await query.first()] : await query.update(change).returning('*');
    if (!row) throw new Error(`review ${id} vanished inside its transaction`);
    return row;
  }

  async delete(trx: Knex, id: string): Promise<void> {
    await trx('reviews').where({ id }).del();
  }

  /** The items of many reviews in one query, each list in id order. */
  async itemsOf(reviewIds: readonly string[], trx: Knex = this.db): Promise<Map<string, ReviewItemRow[]>> {
    const byReview = new Map<string, ReviewItemRow[]>(reviewIds.map((id) => [id, []]));
    if (reviewIds.length === 0) return byReview;
    const rows = await trx<ReviewItemRow>('review_items')
      .whereIn('review_id', [...reviewIds])
      .orderBy(['review_id', 'id']);
    for (const row of rows) byReview.get(row.review_id)?.push(row);
    return byReview;
  }

  /**
   * Makes `items` the review's items (§2.10): items naming one of its own ids
   * are updated in place, the rest inserted, and what the list no longer
   * names deleted.
   */
  async replaceItems(trx: Knex, reviewId: string, items: readonly ReviewItemInput[]): Promise<void> {
    const existing = await trx('review_items').where({ review_id: reviewId }).pluck<string[]>('id');
    const plan = planItems(existing.map(String), items);
    if (plan.deletes.length > 0) await trx('review_items').whereIn('id', plan.deletes).del();
    if (plan.updates.length > 0) {
      const values = plan.updates.map(() => '(?::bigint, ?::bigint, ?::boolean, ?::text, ?::text)').join(', ');
      await trx.raw(
        `update review_items i set criterion_id = v.criterion_id, satisfied = v.satisfied, comment = v.comment, satisfied_as_sent = v.satisfied_as_sent
           from (values ${values}) as v (id, criterion_id, satisfied, comment, satisfied_as_sent)
          where i.id = v.id`,
        plan.updates.flatMap((u) => [u.id, u.criterion_id, u.satisfied, u.comment, u.satisfied_as_sent]),
      );
    }
    await this.insertItems(trx, reviewId, plan.inserts);
  }

  async insertItems(trx: Knex, reviewId: string, items: readonly Omit<ReviewItemInput, 'id'>[]): Promise<void> {
    if (items.length === 0) return;
    await trx('review_items').insert(
      items.map((item) => ({
        review_id: reviewId,
        criterion_id: item.criterion_id,
        satisfied: item.satisfied,
        comment: item.comment,
        satisfied_as_sent: item.satisfied_as_sent,
      })),
    );
  }
}
