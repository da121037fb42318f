/** Creates a code the client chose; a retry with the same key answers the code it created. */
import { DomainError, type CatalogClient } from '@laurel/service-kit';
import type { ClaimCodeRow, ClaimCodeStore } from '../store/claim-codes.js';
import { newCode, type CodeFlags } from './new-code.js';
import { requireBadgeInSite } from './site-badge.js';

export interface CreateClaimCodeDeps {
  codes: ClaimCodeStore;
  catalog: CatalogClient;
}

export interface CreateClaimCodeInput {
  siteId: string;
  badgeId: string;
  code: string;
  flags: CodeFlags;
  /** The request's idempotency key, if it has one. */
  requestKey: string | null;
}

export async function createClaimCode(deps: CreateClaimCodeDeps, input: CreateClaimCodeInput): Promise<ClaimCodeRow> {
  const { codes } = deps;
  if (input.code.length === 0 || input.code.length > 255)
    throw DomainError.validation([{ field: 'code', value: input.code, message: 'String is not in range' }]);
  await requireBadgeInSite(deps.catalog, input.siteId, input.badgeId);
  const key = input.requestKey;
  // The code itself tells a retry (below), so the key is stored but not probed.
  const {
    inserted: [row],
  } = await codes.draw({
    siteId: input.siteId,
    badgeId: input.badgeId,
    codes: [newCode(input.code, input.flags)],
    requestKey: key,
    replayable: false,
  });
  if (row) return row;
  const existing = await codes.find({ siteId: input.siteId, badgeId: input.badgeId, code: input.code });
  if (existing && key && existing.request_key === key) return existing;
  throw DomainError.conflict('claimCode', 'code', { code: input.code });
}
