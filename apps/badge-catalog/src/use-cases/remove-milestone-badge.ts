/** Unlinks a support badge from a milestone; `changed` is false when it was not linked. */
import {
  requireSystemBadge,
  withLockedMilestone,
  type MilestoneBadgeInput,
  type MilestoneDeps,
} from './locked-milestone.js';
import type { MilestoneWithBadges } from './milestone-badges.js';

export async function removeMilestoneBadge(
  deps: MilestoneDeps,
  { badgeId, ...path }: MilestoneBadgeInput,
): Promise<{ milestone: MilestoneWithBadges; changed: boolean }> {
  const { milestone, result: changed } = await withLockedMilestone(deps, path, async (current, systemId, trx) => {
    await requireSystemBadge(deps.milestones, systemId, badgeId, trx);
    return deps.milestones.removeLink(current.id, badgeId, trx);
  });
  return { milestone, changed };
}
