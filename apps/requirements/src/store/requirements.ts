/**
 * Badge requirements. Every change commits together with its
 * RequirementChanged event in the outbox (architecture.md, flow 2), under the
 * exclusive evaluation lock (evaluation-lock.ts says why).
 */
import { randomUUID } from 'node:crypto';
import {
  DomainError,
  enqueueEvents,
  isUniqueViolation,
  pageWindow,
  type Knex,
  type PageRequestLike,
} from '@laurel/service-kit';
import { lockForRequirementChange } from './evaluation-lock.js';

export interface RequirementRecord {
  id: string;
  siteId: string;
  badgeId: string;
  actionId: string;
  location: string;
  quantity: string;
  published: boolean;
}

interface RequirementRow {
  id: string;
  site_id: string;
  badge_id: string;
  action_id: string;
  location: string;
  quantity: string;
  published: boolean;
  idempotency_key: string | null;
}

export interface RequirementChange {
  badgeId?: string | undefined;
  actionId?: string | undefined;
  location?: string | undefined;
  quantity?: string | undefined;
  published?: boolean | undefined;
}

const toRecord = (row: RequirementRow): RequirementRecord => ({
  id: String(row.id),
  siteId: String(row.site_id),
  badgeId: String(row.badge_id),
  actionId: String(row.action_id),
  location: row.location,
  quantity: String(row.quantity),
  published: row.published,
});

const toState = (r: RequirementRecord) => ({
  requirementId: r.id,
  badgeId: r.badgeId,
  actionId: r.actionId,
  location: r.location,
  quantity: r.quantity,
  published: r.published,
});

const DUPLICATE = 'requirements_badge_action_location_key';

function duplicate(error: unknown, r: { badgeId: string; actionId: string; location: string }): unknown {
  if (isUniqueViolation(error, DUPLICATE)) {
    return DomainError.conflict('requirement', 'badgeId', {
      badgeId: r.badgeId,
      actionId: r.actionId,
      location: r.location,
    });
  }
  return error;
}

export class RequirementStore {
  constructor(
    private readonly db: Knex,
    private readonly topic: string,
  ) {}

  private async emit(
    trx: Knex.Transaction,
    siteId: string,
    key: string,
    before: RequirementRecord | undefined,
    after: RequirementRecord | { badgeId: string } | undefined,
  ): Promise<void> {
    await enqueueEvents(trx, [
      {
        topic: this.topic,
        key,
        name: 'RequirementChanged',
        event: {
          eventId: randomUUID(),
          occurredAt: new Date().toISOString(),
          siteId,
          ...(before && { before: toState(before) }),
          ...(after && { after: 'id' in after ? toState(after) : { requirementId: '0', badgeId: after.badgeId } }),
        },
      },
    ]);
  }

  private async requireAction(trx: Knex.Transaction, siteId: string, actionId: string): Promise<void> {
    const found = await trx('actions').where({ site_id: siteId, id: actionId }).first<{ id: string } | undefined>('id');
    if (!found) throw DomainError.notFound('action', 'id', actionId);
  }

  private transact<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(async (trx) => {
      await lockForRequirementChange(trx);
      return work(trx);
    });
  }

  async get(siteId: string, id: string): Promise<RequirementRecord> {
    const row = await this.db<RequirementRow>('requirements').where({ site_id: siteId, id }).first();
    if (!row) throw DomainError.notFound('requirement', 'id', id);
    return toRecord(row);
  }

  async add(input: {
    siteId: string;
    badgeId: string;
    actionId: string;
    location: string;
    quantity: string;
    published: boolean;
    idempotencyKey: string;
  }): Promise<RequirementRecord> {
    if (input.idempotencyKey) {
      const earlier = await this.db<RequirementRow>('requirements')
        .where({ site_id: input.siteId, idempotency_key: input.idempotencyKey })
        .first();
      if (earlier) return toRecord(earlier);
    }
    try {
      return await this.transact(async (trx) => {
        await this.requireAction(trx, input.siteId, input.actionId);
        const [row] = await trx<RequirementRow>('requirements')
          .insert({
            site_id: input.siteId,
            badge_id: input.badgeId,
            action_id: input.actionId,
            location: input.location,
            quantity: input.quantity,
            published: input.published,
            idempotency_key: input.idempotencyKey || null,
          })
          .returning('*');
        if (!row) throw new Error('insert returned no row');
        const created = toRecord(row);
        await this.emit(trx, input.siteId, created.id, undefined, created);
        return created;
      });
    } catch (error) {
      if (input.idempotencyKey && isUniqueViolation(error, 'requirements_idempotency_key')) {
        const earlier = await this.db<RequirementRow>('requirements')
          .where({ site_id: input.siteId, idempotency_key: input.idempotencyKey })
          .first();
        if (earlier) return toRecord(earlier);
      }
      throw duplicate(error, input);
    }
  }

  async update(
    siteId: string,
    id: string,
    change: RequirementChange,
  ): Promise<{ requirement: RequirementRecord; changed: boolean }> {
    let target = { badgeId: '', actionId: '', location: '' };
    try {
      return await this.transact(async (trx) => {
        const row = await trx<RequirementRow>('requirements').where({ site_id: siteId, id }).forUpdate().first();
        if (!row) throw DomainError.notFound('requirement', 'id', id);
        const before = toRecord(row);
        const after: RequirementRecord = {
          ...before,
          badgeId: change.badgeId ?? before.badgeId,
          actionId: change.actionId ?? before.actionId,
          location: change.location ?? before.location,
          quantity: change.quantity ?? before.quantity,
          published: change.published ?? before.published,
        };
        target = after;
        const changed = (['badgeId', 'actionId', 'location', 'quantity', 'published'] as const).some(
          (k) => before[k] !== after[k],
        );
        if (!changed) return { requirement: before, changed: false };
        if (after.actionId !== before.actionId) await this.requireAction(trx, siteId, after.actionId);
        await trx('requirements').where({ id }).update({
          badge_id: after.badgeId,
          action_id: after.actionId,
          location: after.location,
          quantity: after.quantity,
          published: after.published,
          updated_at: trx.fn.now(),
        });
        await this.emit(trx, siteId, id, before, after);
        return { requirement: after, changed: true };
      });
    } catch (error) {
      throw duplicate(error, target);
    }
  }

  async delete(siteId: string, id: string): Promise<RequirementRecord> {
    return this.transact(async (trx) => {
      const [row] = await trx<RequirementRow>('requirements').where({ site_id: siteId, id }).del().returning('*');
      if (!row) throw DomainError.notFound('requirement', 'id', id);
      const before = toRecord(row);
      await this.emit(trx, siteId, id, before, undefined);
      return before;
    });
  }

  async deleteForBadge(siteId: string, badgeId: string): Promise<RequirementRecord[]> {
    return this.transact(async (trx) => {
      const rows = await trx<RequirementRow>('requirements')
        .where({ site_id: siteId, badge_id: badgeId })
        .del()
        .returning('*');
      const records = rows.map(toRecord).sort((a, b) => Number(a.id) - Number(b.id));
      for (const r of records) await this.emit(trx, siteId, r.id, r, undefined);
      return records;
    });
  }

  /** Records a badge-level re-evaluation: an event whose `after` names only the badge (requirement id 0). */
  async reevaluate(siteId: string, badgeId: string): Promise<void> {
    await this.transact((trx) => this.emit(trx, siteId, `badge:${badgeId}`, undefined, { badgeId }));
  }

  async list(
    siteId: string,
    badgeId: string,
    published: boolean | undefined,
    page: PageRequestLike | null | undefined,
  ): Promise<{ requirements: RequirementRecord[]; total: number }> {
    const filter = (q: Knex.QueryBuilder) => {
      q.where({ site_id: siteId });
      if (badgeId && badgeId !== '0') q.where({ badge_id: badgeId });
      if (published !== undefined) q.where({ published });
      return q;
    };
    const window = pageWindow(page);
    const query = filter(this.db('requirements').select('*').orderBy('id'));
    if (window) query.offset(window.offset).limit(window.limit);
    const [rows, total] = await Promise.all([
      query as Promise<RequirementRow[]>,
      filter(this.db('requirements').count({ n: '*' })) as Promise<{ n: string }[]>,
    ]);
    return { requirements: rows.map(toRecord), total: Number(total[0]?.n ?? 0) };
  }

  /** Published requirements of the given badges (every badge of the site with one when empty), by requirement id. */
  async publishedFor(siteId: string, badgeIds: string[]): Promise<RequirementRecord[]> {
    const q = this.db<RequirementRow>('requirements').where({ site_id: siteId, published: true }).orderBy('id');
    if (badgeIds.length > 0) q.whereIn('badge_id', badgeIds);
    return (await q).map(toRecord);
  }
}
