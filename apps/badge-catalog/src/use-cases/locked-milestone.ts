/**
 * What the milestone writes share: their stores, changing one milestone
 * under a row lock, and asking which badges are the system's. The badges
 * asked about stay locked until the transaction ends (MilestoneStore
 * .badgesOfSystem), so every problem is found before anything is written and
 * a rejected request leaves no trace (D-16).
 */
import type { Knex } from '@laurel/service-kit';
import { failIfAny, linkBadgeProblems, milestoneNotFound } from '../domain/milestone.js';
import type { BadgeStore } from '../store/badges.js';
import { findSystem } from '../store/context.js';
import type { MilestoneRecord, MilestoneStore } from '../store/milestones.js';
import { withBadgesOne, type MilestoneWithBadges } from './milestone-badges.js';

export interface MilestoneDeps {
  db: Knex;
  milestones: MilestoneStore;
  badges: BadgeStore;
}

/** One milestone of a system, as requests name it. */
export interface MilestonePath {
  systemSlug: string;
  milestoneId: string;
}

/** A support badge of one milestone, to add or remove. */
export interface MilestoneBadgeInput extends MilestonePath {
  badgeId: string;
}

/** Runs `change` on the system's milestone under a row lock, and answers the milestone as it then is. */
export async function withLockedMilestone<T>(
  { db, milestones, badges }: MilestoneDeps,
  { systemSlug, milestoneId }: MilestonePath,
  change: (current: MilestoneRecord, systemId: string, trx: Knex) => Promise<T>,
): Promise<{ milestone: MilestoneWithBadges; result: T }> {
  const system = await findSystem(db, systemSlug);
  return db.transaction(async (trx) => {
    const current = await milestones.find(system.id, milestoneId, trx, { lock: true });
    if (!current) throw milestoneNotFound(milestoneId);
    const result = await change(current, system.id, trx);
    const after = await milestones.find(system.id, milestoneId, trx);
    if (!after) throw milestoneNotFound(milestoneId);
    return { milestone: await withBadgesOne(badges, after, trx), result };
  });
}

/** Fails unless `badgeId` is a badge of the system (a support badge to add or remove). */
export async function requireSystemBadge(
  milestones: MilestoneStore,
  systemId: string,
  badgeId: string,
  trx: Knex,
): Promise<void> {
  const known = await milestones.badgesOfSystem(systemId, [badgeId], trx);
  failIfAny(linkBadgeProblems(badgeId, known.has(badgeId)));
}
