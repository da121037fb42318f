/**
 * Creates a milestone in a system with its support-badge links, in one
 * transaction. Every badge it names must be a badge of that system.
 */
import {
  failIfAny,
  membershipProblems,
  namedBadgeIds,
  shapeProblems,
  type MilestoneChange,
} from '../domain/milestone.js';
import { findSystem } from '../store/context.js';
import type { MilestoneDeps } from './locked-milestone.js';
import { withBadgesOne, type MilestoneWithBadges } from './milestone-badges.js';

export interface CreateMilestoneInput {
  systemSlug: string;
  change: MilestoneChange;
}

export async function createMilestone(
  { db, milestones, badges }: MilestoneDeps,
  { systemSlug, change }: CreateMilestoneInput,
): Promise<MilestoneWithBadges> {
  const system = await findSystem(db, systemSlug);
  const record = await db.transaction(async (trx) => {
    const shape = shapeProblems(change, false);
    const known = await milestones.badgesOfSystem(system.id, namedBadgeIds(change), trx);
    failIfAny([...shape, ...membershipProblems(change, known)]);
    const { numberRequired = '0', primaryBadgeId = '0', action = null } = change.values;
    return milestones.insert(system.id, { numberRequired, primaryBadgeId, action }, change.supportBadgeIds ?? [], trx);
  });
  return withBadgesOne(badges, record, db);
}
