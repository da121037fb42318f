/**
 * The Open Badges 1.0 badge class BadgeKit hosts (§10.2). Its `image` and
 * `issuer` are absolute URLs that can be fetched (D-6).
 */
import { badgeIssuerPath } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import type { PresentContext } from '../../badgekit-format/present-context.js';

export interface BadgeClassJson {
  name: string;
  description: string;
  image: string | null;
  criteria: string | null;
  alignment: { name: string; url: string; description: string }[];
  issuer: string;
}

export function presentBadgeClass(badge: catalogV1.Badge__Output, ctx: PresentContext): BadgeClassJson {
  return {
    name: badge.name,
    // A badge another family created may lack BadgeKit's consumer description; verifiers still need a description.
    description: badge.consumerDescription ?? badge.earnerDescription ?? badge.strapline ?? '',
    image: ctx.imageUrl(badge.image),
    criteria: badge.criteriaUrl ?? null,
    alignment: badge.alignments.map((a) => ({ name: a.name, url: a.url, description: a.description })),
    issuer: ctx.absolute(badgeIssuerPath(badge)),
  };
}
