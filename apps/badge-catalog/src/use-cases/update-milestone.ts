/** Changes a milestone's values and, when given, replaces its support-badge links, under its row lock. */
import {
  failIfAny,
  membershipProblems,
  namedBadgeIds,
  shapeProblems,
  type MilestoneChange,
} from '../domain/milestone.js';
import { withLockedMilestone, type MilestoneDeps, type MilestonePath } from './locked-milestone.js';
import type { MilestoneWithBadges } from './milestone-badges.js';

export interface UpdateMilestoneInput extends MilestonePath {
  change: MilestoneChange;
}

export async function updateMilestone(
  deps: MilestoneDeps,
  { change, ...path }: UpdateMilestoneInput,
): Promise<MilestoneWithBadges> {
  const { milestones } = deps;
  const { milestone } = await withLockedMilestone(deps, path, async (current, systemId, trx) => {
    const shape = shapeProblems(change, true);
    const known = await milestones.badgesOfSystem(systemId, namedBadgeIds(change), trx);
    failIfAny([...shape, ...membershipProblems(change, known)]);
    await milestones.update(current.id, change.values, change.supportBadgeIds, trx);
  });
  return milestone;
}
