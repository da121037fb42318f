/**
 * The badge instance object (§9.1): an earned badge as BadgeKit shows it.
 * Its slug is the assertion uid; instances have no id in JSON.
 */
import type { issuanceV1 } from '@laurel/protos';
import { assertionPath, type PresentContext } from '../../../badgekit-format/present-context.js';
import type { BadgeJson } from '../badges/present-badge.js';

export interface InstanceJson {
  slug: string;
  email: string;
  expires: string | null;
  issuedOn: string;
  claimCode?: string | null;
  assertionUrl: string;
  badge: BadgeJson | null;
}

const iso = (time: string): string => new Date(time).toISOString();

/**
 * `created` is the create answer's form: `badge` null and `claimCode` left
 * out when the request sent none (§9.4 step 4).
 */
export function presentInstance(
  earned: issuanceV1.EarnedBadge__Output,
  badge: BadgeJson | null,
  ctx: PresentContext,
  options: { created?: boolean } = {},
): InstanceJson {
  const claimCode = earned.claimCode ?? null;
  return {
    slug: earned.uid,
    email: earned.recipient?.email ?? '',
    expires: earned.expires ? iso(earned.expires) : null,
    issuedOn: iso(earned.issuedOn),
    ...(!(options.created && claimCode === null) && { claimCode }),
    assertionUrl: ctx.absolute(assertionPath(earned.uid)),
    badge: options.created ? null : badge,
  };
}
