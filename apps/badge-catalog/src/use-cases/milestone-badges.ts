/**
 * Milestones with the badges they name, loaded together for the whole set
 * (one badge query however many milestones), as every milestone answer shows
 * them. `db` is the transaction when the answer must be read inside one.
 */
import type { Knex } from '@laurel/service-kit';
import type { BadgeStore, LoadedBadge } from '../store/badges.js';
import type { MilestoneRecord } from '../store/milestones.js';

export interface MilestoneWithBadges {
  record: MilestoneRecord;
  /** Undefined when the primary badge is gone. */
  primaryBadge: LoadedBadge | undefined;
  /** The support badges that still exist, in link order. */
  supportBadges: LoadedBadge[];
}

export async function withBadges(
  badges: BadgeStore,
  records: MilestoneRecord[],
  db: Knex,
): Promise<MilestoneWithBadges[]> {
  const ids = [...new Set(records.flatMap((r) => [r.primaryBadgeId, ...r.supportBadgeIds]))];
  const byId = new Map((await badges.findMany(ids, db)).map((b) => [b.record.id, b]));
  return records.map((record) => ({
    record,
    primaryBadge: byId.get(record.primaryBadgeId),
    supportBadges: record.supportBadgeIds.flatMap((id) => byId.get(id) ?? []),
  }));
}

export async function withBadgesOne(
  badges: BadgeStore,
  record: MilestoneRecord,
  db: Knex,
): Promise<MilestoneWithBadges> {
  const [loaded] = await withBadges(badges, [record], db);
  if (!loaded) throw new Error('milestone vanished while loading its badges');
  return loaded;
}
