/** Draws random codes for a badge; a retry with the same key answers the codes the first request drew. */
import { DomainError, type CatalogClient } from '@laurel/service-kit';
import { MAX_GENERATED, randomCodes } from '../domain/codes.js';
import type { ClaimCodeRow, ClaimCodeStore } from '../store/claim-codes.js';
import { newCode, type CodeFlags } from './new-code.js';
import { requireBadgeInSite } from './site-badge.js';

export interface GenerateClaimCodesDeps {
  codes: ClaimCodeStore;
  catalog: CatalogClient;
  /** Length of a drawn code (CLAIM_CODE_LENGTH). */
  codeLength: number;
}

export interface GenerateClaimCodesInput {
  siteId: string;
  badgeId: string;
  /** How many codes to draw; 0 is read as 1. */
  count: number;
  flags: CodeFlags;
  /** The request's idempotency key, if it has one. */
  requestKey: string | null;
}

/** A draw that keeps colliding with existing codes gives up after this many rounds. */
const DRAW_ROUNDS = 5;

export async function generateClaimCodes(
  deps: GenerateClaimCodesDeps,
  input: GenerateClaimCodesInput,
): Promise<ClaimCodeRow[]> {
  const count = input.count || 1;
  if (count < 0 || count > MAX_GENERATED)
    throw DomainError.validation([{ field: 'count', value: count, message: `between 1 and ${MAX_GENERATED}` }]);
  await requireBadgeInSite(deps.catalog, input.siteId, input.badgeId);
  return generate(deps, input, count);
}

/**
 * Draws `count` codes for the request's key, or answers the codes an earlier request with that key drew
 * (a retry). Draws are shared with the draws of concurrent requests (ClaimCodeStore.draw); the rare
 * redraw of codes that collided with existing ones skips the key's probe, which would find the codes of
 * the first draw.
 */
async function generate(
  deps: GenerateClaimCodesDeps,
  input: GenerateClaimCodesInput,
  count: number,
): Promise<ClaimCodeRow[]> {
  const { codes } = deps;
  const { siteId, badgeId, requestKey: key } = input;
  const drawOf = (n: number, replayable: boolean) =>
    codes.draw({
      siteId,
      badgeId,
      codes: randomCodes(deps.codeLength, n).map((code) => newCode(code, input.flags)),
      requestKey: key,
      replayable,
    });
  const first = await drawOf(count, true);
  if (first.replay && key) return codes.byRequestKey(siteId, badgeId, key);
  const made = first.inserted;
  for (let attempt = 1; made.length < count; attempt += 1) {
    if (attempt >= DRAW_ROUNDS) throw new DomainError('Internal', 'could not draw unused claim codes');
    made.push(...(await drawOf(count - made.length, false)).inserted);
  }
  return made;
}
