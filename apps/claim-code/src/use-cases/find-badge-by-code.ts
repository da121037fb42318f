/**
 * Finds the badge a code belongs to in a site, within an optional issuer or
 * program scope: of the badges with that code, the lowest id that still
 * exists and lies in the scope (§8.8).
 */
import { DomainError, type CatalogClient } from '@laurel/service-kit';
import type { ClaimCodeRow, ClaimCodeStore } from '../store/claim-codes.js';

export interface FindBadgeByCodeDeps {
  codes: ClaimCodeStore;
  catalog: CatalogClient;
}

export interface FindBadgeByCodeInput {
  siteId: string;
  code: string;
  issuerId: string | undefined;
  programId: string | undefined;
}

export interface BadgeByCode {
  badgeId: string;
  code: ClaimCodeRow;
  /** A single-use code already claimed. */
  usedUp: boolean;
}

export async function findBadgeByCode(deps: FindBadgeByCodeDeps, input: FindBadgeByCodeInput): Promise<BadgeByCode> {
  const notFound = () =>
    new DomainError('ResourceNotFound', `Could not find the requested claim code ${input.code}`, { code: input.code });
  const candidates = await deps.codes.findInSite(input.siteId, input.code);
  if (candidates.length === 0) throw notFound();
  // The catalog says which of these badges still exist and lie in the scope ({S}, {I} or {P}).
  const { badges } = await deps.catalog.call('ListBadges', {
    siteId: input.siteId,
    ids: [...new Set(candidates.map((c) => c.badge_id))],
    archived: 'ARCHIVED_FILTER_ANY',
  });
  const inScope = new Set(
    badges
      .filter(
        (b) =>
          (input.issuerId === undefined || b.issuer?.id === input.issuerId) &&
          (input.programId === undefined || b.program?.id === input.programId),
      )
      .map((b) => b.id),
  );
  const match = candidates.find((c) => inScope.has(c.badge_id));
  if (!match) throw notFound();
  return { badgeId: match.badge_id, code: match, usedUp: match.claimed && !match.multiuse };
}
