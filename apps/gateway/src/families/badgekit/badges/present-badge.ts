/**
 * Badges as BadgeKit JSON (§7.1) for the gateway's answers: the shapes live in
 * service-kit (issuance's webhook messages send the same JSON); here they get
 * this request's origin for absolute image URLs.
 */
import { bareBadgeJson, fullBadgeJson, type BadgeJson } from '@laurel/badgekit-json';
import type { catalogV1 } from '@laurel/protos';
import type { PresentContext } from '../../../badgekit-format/present-context.js';

export type { BadgeJson };

/** A bare badge: every key of §7.1 except imageUrl, system, issuer and program; collections empty. */
export const presentBareBadge = (badge: catalogV1.Badge__Output): BadgeJson => bareBadgeJson(badge);

/** A fully loaded badge; `milestones` is filled only by the single-badge GET (§7.6). */
export const presentBadge = (
  badge: catalogV1.Badge__Output,
  ctx: PresentContext,
  milestones: unknown[] = [],
): BadgeJson => fullBadgeJson(badge, ctx.origin, milestones);
