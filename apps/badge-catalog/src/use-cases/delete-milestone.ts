/** Deletes a milestone (its links go with it), answering it as it was, with its badges. */
import { milestoneNotFound } from '../domain/milestone.js';
import { findSystem } from '../store/context.js';
import type { MilestoneDeps, MilestonePath } from './locked-milestone.js';
import { withBadgesOne, type MilestoneWithBadges } from './milestone-badges.js';

export async function deleteMilestone(
  { db, milestones, badges }: MilestoneDeps,
  { systemSlug, milestoneId }: MilestonePath,
): Promise<MilestoneWithBadges> {
  const system = await findSystem(db, systemSlug);
  return db.transaction(async (trx) => {
    const current = await milestones.find(system.id, milestoneId, trx, { lock: true });
    if (!current) throw milestoneNotFound(milestoneId);
    const deleted = await withBadgesOne(badges, current, trx);
    await milestones.delete(current.id, trx);
    return deleted;
  });
}
