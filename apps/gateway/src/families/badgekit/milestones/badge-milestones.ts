/**
 * Milestones as BadgeKit JSON (§13.1): the single-badge GET lists the
 * milestones whose primary badge it is (§7.6), and the milestone routes
 * answer with the same shape. Badges inside a milestone are bare (§2.9).
 */
import type { catalogV1 } from '@laurel/protos';
import { presentBareBadge, type BadgeJson } from '../badges/present-badge.js';

export interface MilestoneJson {
  id: number;
  action: string | null;
  numberRequired: number;
  primaryBadge: BadgeJson | null;
  supportBadges: BadgeJson[];
}

export function presentMilestone(milestone: catalogV1.Milestone__Output): MilestoneJson {
  return {
    id: Number(milestone.id),
    action: milestone.action ?? null,
    numberRequired: Number(milestone.numberRequired),
    primaryBadge: milestone.primaryBadge ? presentBareBadge(milestone.primaryBadge) : null,
    supportBadges: milestone.supportBadges.map(presentBareBadge),
  };
}
