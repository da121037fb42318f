/**
 * One badge, by id (optionally within a site) or by its BadgeKit path, the
 * latter optionally with the milestones it is the primary badge of.
 */
import { DomainError, type Knex } from '@laurel/service-kit';
import type { BadgePath, BadgeStore, LoadedBadge } from '../store/badges.js';
import type { MilestoneStore } from '../store/milestones.js';
import { pathLookup } from './badge-lookup.js';
import { withBadges, type MilestoneWithBadges } from './milestone-badges.js';

export interface GetBadgeDeps {
  db: Knex;
  badges: BadgeStore;
  milestones: MilestoneStore;
}

/** By id: `siteId` '0' is any site. By path: `includeMilestones` asks for the badge's milestones too. */
export type GetBadgeInput =
  { key: 'id'; id: string; siteId: string } | { key: 'path'; path: BadgePath; includeMilestones: boolean };

export interface FoundBadge {
  badge: LoadedBadge;
  /** Only for a lookup by path. */
  milestones?: MilestoneWithBadges[];
}

export async function getBadge({ db, badges, milestones }: GetBadgeDeps, input: GetBadgeInput): Promise<FoundBadge> {
  if (input.key === 'id') {
    const site = input.siteId !== '0' ? { systemId: input.siteId } : {};
    const badge = await badges.find({ id: input.id, ...site });
    if (!badge) throw DomainError.notFound('badge', 'id', input.id);
    return { badge };
  }
  const { path } = input;
  // The common case is one statement; only a miss walks the chain to name the missing level.
  const badge = await badges.findByPath(path);
  if (!badge) {
    const { systemSlug, issuerSlug, programSlug, badgeSlug } = path;
    const { missing } = await pathLookup(db, { context: { systemSlug, issuerSlug, programSlug }, badgeSlug });
    throw missing();
  }
  // Most badges are no milestone's primary badge; the badge's own statement already says so.
  const primaryOf =
    input.includeMilestones && badge.hasMilestones
      ? await withBadges(
          badges,
          (await milestones.list(badge.record.systemId, { primaryBadgeId: badge.record.id }, undefined)).milestones,
          db,
        )
      : [];
  return { badge, milestones: primaryOf };
}
