/**
 * The applications and application_evidence tables. Lists read the evidence
 * of a whole page in one query; evidence is replaced as one set of
 * statements per write (D-18: only the application's own item ids are
 * honoured).
 */
import type { Knex } from '@laurel/service-kit';
import { planItems } from '../domain/assessment-items.js';

export interface ApplicationRow {
  id: string;
  site_id: string;
  badge_id: string;
  issuer_id: string | null;
  program_id: string | null;
  slug: string;
  learner: string;
  assigned_to: string | null;
  assigned_expiration: Date | null;
  processed: Date | null;
  idempotency_key: string | null;
  created_at: Date;
}

export interface EvidenceRow {
  id: string;
  application_id: string;
  url: string | null;
  media_type: 'image' | 'link' | null;
  reflection: string | null;
}

export type EvidenceInput = Pick<EvidenceRow, 'url' | 'media_type' | 'reflection'> & { id?: string };

export interface NewApplication {
  siteId: string;
  badgeId: string;
  issuerId: string | null;
  programId: string | null;
  slug: string;
  learner: string;
  assignedTo: string | null;
  assignedExpiration: Date | null;
  idempotencyKey: string | null;
}

/** Column values an update sets; absent keys stay as they are. */
export type ApplicationChange = Partial<
  Pick<ApplicationRow, 'learner' | 'assigned_to' | 'assigned_expiration' | 'processed'>
>;

export interface ApplicationQuery {
  siteId: string;
  issuerId?: string;
  programId?: string;
  badgeId?: string;
  processed?: boolean;
  learner?: string;
  window?: { offset: number; limit: number };
}

export interface ApplicationKey {
  siteId: string;
  badgeId: string;
  slug: string;
}

export class ApplicationStore {
  constructor(private readonly db: Knex) {}

  /** Inserts, or answers the application an earlier call with the same key created. */
  async insert(trx: Knex, application: NewApplication): Promise<{ row: ApplicationRow; created: boolean }> {
    const inserted = await trx.raw<{ rows: ApplicationRow[] }>(
      `insert into applications (site_id, badge_id, issuer_id, program_id, slug, learner, assigned_to, assigned_expiration, idempotency_key)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (site_id, idempotency_key) where idempotency_key is not null do nothing
       returning *`,
      [
        application.siteId,
        application.badgeId,
        application.issuerId,
        application.programId,
        application.slug,
        application.learner,
        application.assignedTo,
        application.assignedExpiration,
        application.idempotencyKey,
      ],
    );
    const created = inserted.rows[0];
    if (created) return { row: created, created: true };
    const existing = await trx<ApplicationRow>('applications')
      .where({ site_id: application.siteId, idempotency_key: application.idempotencyKey })
      .first();
    if (!existing) throw new Error('application insert neither created nor found a row');
    return { row: existing, created: false };
  }

  /** An application is found only under its own badge, by slug ignoring case (§2.2). */
  /** `lock`: `update` for writes to the application, `share` for writes beneath it (its reviews). */
  async find(
    key: ApplicationKey,
    options: { trx?: Knex; lock?: 'update' | 'share' } = {},
  ): Promise<ApplicationRow | undefined> {
    const query = (options.trx ?? this.db)<ApplicationRow>('applications')
      .where({ site_id: key.siteId, badge_id: key.badgeId })
      .whereRaw('lower(slug) = lower(?)', [key.slug]);
    if (options.lock === 'update') query.forUpdate();
    if (options.lock === 'share') query.forShare();
    return query.first();
  }

  async findById(siteId: string, id: string): Promise<ApplicationRow | undefined> {
    return this.db<ApplicationRow>('applications').where({ site_id: siteId, id }).first();
  }

  async list(q: ApplicationQuery): Promise<{ rows: ApplicationRow[]; total: number }> {
    const base = this.db<ApplicationRow>('applications').where({ site_id: q.siteId });
    if (q.issuerId !== undefined) base.where({ issuer_id: q.issuerId });
    if (q.programId !== undefined) base.where({ program_id: q.programId });
    if (q.badgeId !== undefined) base.where({ badge_id: q.badgeId });
    // D-4 fixed: processed means a processed time is set.
    if (q.processed === true) base.whereNotNull('processed');
    if (q.processed === false) base.whereNull('processed');
    if (q.learner !== undefined) base.whereRaw('lower(learner) = lower(?)', [q.learner]);
    const [{ count } = { count: '0' }] = await base.clone().count<{ count: string }[]>({ count: '*' });
    const page = base
      .clone()
      .select('*')
      .orderBy([{ column: 'badge_id' }, { column: 'created_at' }, { column: 'id' }]);
    if (q.window) page.offset(q.window.offset).limit(q.window.limit);
    return { rows: await page, total: Number(count) };
  }

  async update(trx: Knex, id: string, change: ApplicationChange): Promise<ApplicationRow> {
    const query = trx<ApplicationRow>('applications').where({ id });
    const [row] = Object.keys(change).length === 0 ? [await query.first()] : await query.update(change).returning('*');
    if (!row) throw new Error(`application ${id} vanished inside its transaction`);
    return row;
  }

  async delete(trx: Knex, id: string): Promise<void> {
    await trx('applications').where({ id }).del();
  }

  /** The evidence of many applications in one query, each list in id order. */
  async evidenceOf(applicationIds: readonly string[], trx: Knex = this.db): Promise<Map<string, EvidenceRow[]>> {
    const byApplication = new Map<string, EvidenceRow[]>(applicationIds.map((id) => [id, []]));
    if (applicationIds.length === 0) return byApplication;
    const rows = await trx<EvidenceRow>('application_evidence')
      .whereIn('application_id', [...applicationIds])
      .orderBy(['application_id', 'id']);
    for (const row of rows) byApplication.get(row.application_id)?.push(row);
    return byApplication;
  }

  /**
   * Makes `items` the application's evidence (§2.10): items naming one of its
   * own ids are updated in place, the rest inserted, and what the list no
   * longer names deleted.
   */
  async replaceEvidence(trx: Knex, applicationId: string, items: readonly EvidenceInput[]): Promise<void> {
    const existing = await trx('application_evidence').where({ application_id: applicationId }).pluck<string[]>('id');
    const plan = planItems(existing.map(String), items);
    if (plan.deletes.length > 0) await trx('application_evidence').whereIn('id', plan.deletes).del();
    if (plan.updates.length > 0) {
      const values = plan.updates.map(() => '(?::bigint, ?::text, ?::text, ?::text)').join(', ');
      await trx.raw(
        `update application_evidence e set url = v.url, media_type = v.media_type, reflection = v.reflection
           from (values ${values}) as v (id, url, media_type, reflection)
          where e.id = v.id`,
        plan.updates.flatMap((u) => [u.id, u.url, u.media_type, u.reflection]),
      );
    }
    await this.insertEvidence(trx, applicationId, plan.inserts);
  }

  async insertEvidence(trx: Knex, applicationId: string, items: readonly Omit<EvidenceInput, 'id'>[]): Promise<void> {
    if (items.length === 0) return;
    await trx('application_evidence').insert(
      items.map((item) => ({
        application_id: applicationId,
        url: item.url,
        media_type: item.media_type,
        reflection: item.reflection,
      })),
    );
  }
}
