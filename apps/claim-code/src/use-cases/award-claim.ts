/**
 * Turns a recorded claim into its earned badge through issuance. The claim
 * row is durable before issuance is asked, and issuance is idempotent on the
 * claim's key, so asking again (a retry, the sweep after a crash, two
 * replicas at once) never awards twice. Requests finish their own claims
 * (use-cases/claim.ts); the sweep finishes those whose request died
 * (workers/claim-sweep.ts).
 */
import { currentRequestScope, DomainError, type SharedEach } from '@laurel/service-kit';
import type { issuanceV1 } from '@laurel/protos';
import { awardKey, isPermanentRefusal } from '../domain/codes.js';
import type { ClaimRow, ClaimStore } from '../store/claims.js';

export interface AwardDeps {
  claims: ClaimStore;
  /** Issuance's Award, one call shared between concurrent claims (service-kit shared-call.ts). */
  award: SharedEach<issuanceV1.IssuanceDefinition, 'AwardEach'>;
}

/** The earned badge of an awarded claim, and whether this award created it. */
export interface ClaimAward {
  earnedBadgeId: string;
  created: boolean;
}

/** Awards a pending claim; a refusal that no retry can change undoes the claim (isPermanentRefusal). */
export async function awardClaim(deps: AwardDeps, claim: ClaimRow): Promise<ClaimAward> {
  const { claims, award } = deps;
  if (!claim.email) throw new Error(`claim ${claim.id} has nobody to award`);
  let answer: issuanceV1.AwardResponse__Output;
  try {
    answer = await award(
      {
        siteId: claim.site_id,
        badgeId: claim.badge_id,
        userId: claim.user_id ?? '0',
        email: claim.email,
        channel: 'AWARD_CHANNEL_CLAIM',
        idempotencyKey: awardKey(claim.claim_code_id, claim.email),
        claimCode: claim.code,
        ...(claim.uid !== null && { uid: claim.uid }),
        ...(claim.issued_on !== null && { issuedOn: claim.issued_on }),
        ...(claim.expires !== null && { expires: claim.expires }),
        ...(claim.comment !== null && { comment: claim.comment }),
        ...(claim.public_origin !== null && { publicOrigin: claim.public_origin }),
      },
      currentRequestScope(),
    );
  } catch (error) {
    if (error instanceof DomainError && isPermanentRefusal(error.reason)) await claims.undo(claim);
    throw error;
  }
  const earnedBadgeId = answer.earnedBadge?.id ?? '';
  // Awaited before success is answered: a pending claim means "never confirmed to its caller",
  // which lets the same email's retry finish it (decideClaim).
  await claims.markAwarded(claim.id, earnedBadgeId);
  return { earnedBadgeId, created: answer.result === 'AWARD_RESULT_CREATED' };
}
