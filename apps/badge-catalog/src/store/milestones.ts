/**
 * Milestones and their support-badge links (BadgeKit §13). Every write runs in
 * the caller's transaction so that a milestone and its links are written
 * together or not at all (D-16), and the badges it names are locked against
 * deletion until that transaction ends.
 */
import type { Knex } from '@laurel/service-kit';
import type { MilestoneValues } from '../domain/milestone.js';

interface MilestoneRow {
  id: string;
  system_id: string;
  action: string | null;
  number_required: string;
  primary_badge_id: string;
  created_at: Date;
}

interface LinkRow {
  milestone_id: string;
  badge_id: string;
}

export interface MilestoneRecord {
  id: string;
  systemId: string;
  action: string | null;
  numberRequired: string;
  primaryBadgeId: string;
  /** In the order the links were created. */
  supportBadgeIds: string[];
}

export interface MilestoneFilters {
  supportBadgeId?: string;
  primaryBadgeId?: string;
}

const toColumns = (values: MilestoneValues): Partial<MilestoneRow> => ({
  ...(values.action !== undefined && { action: values.action }),
  ...(values.numberRequired !== undefined && { number_required: values.numberRequired }),
  ...(values.primaryBadgeId !== undefined && { primary_badge_id: values.primaryBadgeId }),
});

export class MilestoneStore {
  constructor(private readonly db: Knex) {}

  /**
   * Which of `ids` are badges of the system. They stay locked until the
   * transaction ends, so a concurrent badge delete cannot slip in between this
   * check and the links that refer to them.
   */
  async badgesOfSystem(systemId: string, ids: string[], trx: Knex): Promise<Set<string>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Set();
    const rows = await trx('badges')
      .where({ system_id: systemId })
      .whereIn('id', wanted)
      .select<{ id: string }[]>('id')
      .forKeyShare();
    return new Set(rows.map((r) => r.id));
  }

  async insert(
    systemId: string,
    values: Required<MilestoneValues>,
    supportBadgeIds: string[],
    trx: Knex,
  ): Promise<MilestoneRecord> {
    const [row] = await trx<MilestoneRow>('milestones')
      .insert({ system_id: systemId, ...toColumns(values) })
      .returning('*');
    if (!row) throw new Error('milestone insert returned no row');
    await this.insertLinks(row.id, supportBadgeIds, trx);
    return { ...toRecordWithoutLinks(row), supportBadgeIds: [...supportBadgeIds] };
  }

  /** The system's milestone, locked for the rest of the transaction when `lock` is set. */
  async find(
    systemId: string,
    id: string,
    db: Knex = this.db,
    options: { lock?: boolean } = {},
  ): Promise<MilestoneRecord | undefined> {
    const query = db<MilestoneRow>('milestones').where({ id, system_id: systemId }).first();
    if (options.lock) query.forUpdate();
    const row = await query;
    if (!row) return undefined;
    const [record] = await this.withLinks([row], db);
    return record;
  }

  async list(
    systemId: string,
    filters: MilestoneFilters,
    page: { offset: number; limit: number } | undefined,
  ): Promise<{ milestones: MilestoneRecord[]; total: number }> {
    const scoped = () => {
      const query = this.db<MilestoneRow>('milestones').where({ system_id: systemId });
      if (filters.primaryBadgeId !== undefined) query.where({ primary_badge_id: filters.primaryBadgeId });
      if (filters.supportBadgeId !== undefined) {
        query.whereIn(
          'id',
          this.db('milestone_support_badges').where({ badge_id: filters.supportBadgeId }).select('milestone_id'),
        );
      }
      return query;
    };
    const rows = scoped().select('*').orderBy('id');
    if (page) rows.offset(page.offset).limit(page.limit);
    const [found, counted] = await Promise.all([rows, scoped().count<{ count: string }[]>({ count: '*' })]);
    return { milestones: await this.withLinks(found, this.db), total: Number(counted[0]?.count ?? 0) };
  }

  /** Sets the given columns and, when `supportBadgeIds` is given, replaces every link. */
  async update(id: string, values: MilestoneValues, supportBadgeIds: string[] | undefined, trx: Knex): Promise<void> {
    const columns = toColumns(values);
    if (Object.keys(columns).length > 0) await trx('milestones').where({ id }).update(columns);
    if (supportBadgeIds === undefined) return;
    await trx('milestone_support_badges').where({ milestone_id: id }).delete();
    await this.insertLinks(id, supportBadgeIds, trx);
  }

  /** The links go with it (foreign key cascade). */
  async delete(id: string, trx: Knex): Promise<void> {
    await trx('milestones').where({ id }).delete();
  }

  /** True when the link was new. */
  async addLink(milestoneId: string, badgeId: string, trx: Knex): Promise<boolean> {
    const inserted = await trx('milestone_support_badges')
      .insert({ milestone_id: milestoneId, badge_id: badgeId })
      .onConflict(['milestone_id', 'badge_id'])
      .ignore()
      .returning('id');
    return inserted.length > 0;
  }

  /** True when there was a link to remove. */
  async removeLink(milestoneId: string, badgeId: string, trx: Knex): Promise<boolean> {
    const removed = await trx('milestone_support_badges')
      .where({ milestone_id: milestoneId, badge_id: badgeId })
      .delete();
    return removed > 0;
  }

  private async insertLinks(milestoneId: string, badgeIds: string[], trx: Knex): Promise<void> {
    if (badgeIds.length === 0) return;
    // One multi-row insert; ids are assigned in array order, which is the order the links keep.
    await trx('milestone_support_badges').insert(
      badgeIds.map((badgeId) => ({ milestone_id: milestoneId, badge_id: badgeId })),
    );
  }

  private async withLinks(rows: MilestoneRow[], db: Knex): Promise<MilestoneRecord[]> {
    if (rows.length === 0) return [];
    const links = await db<LinkRow>('milestone_support_badges')
      .whereIn(
        'milestone_id',
        rows.map((r) => r.id),
      )
      .orderBy('id')
      .select('milestone_id', 'badge_id');
    const byMilestone = new Map<string, string[]>();
    for (const link of links) {
      const list = byMilestone.get(link.milestone_id) ?? [];
      list.push(link.badge_id);
      byMilestone.set(link.milestone_id, list);
    }
    return rows.map((row) => ({ ...toRecordWithoutLinks(row), supportBadgeIds: byMilestone.get(row.id) ?? [] }));
  }
}

function toRecordWithoutLinks(row: MilestoneRow): Omit<MilestoneRecord, 'supportBadgeIds'> {
  return {
    id: row.id,
    systemId: row.system_id,
    action: row.action,
    numberRequired: row.number_required,
    primaryBadgeId: row.primary_badge_id,
  };
}
