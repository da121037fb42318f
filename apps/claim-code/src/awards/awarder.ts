/**
 * Turns a recorded claim into its earned badge through issuance. The claim
 * row is durable before issuance is asked, and issuance is idempotent on the
 * claim's key, so asking again (a retry, the sweep after a crash, two
 * replicas at once) never awards twice. Requests finish their own claims;
 * the sweep finishes those whose request died.
 */
import { currentRequestScope, DomainError, startPollingLoop, WORK_POLL_MS, type Logger, type PollingLoop, type SharedEach } from '@laurel/service-kit';
import type { issuanceV1 } from '@laurel/protos';
import { awardKey } from '../domain/codes.js';
import type { ClaimRow, ClaimStore } from '../store/claims.js';

export interface AwarderDeps {
  claims: ClaimStore;
  /** Issuance's Award, one call shared between concurrent claims (service-kit shared-call.ts). */
  award: SharedEach<issuanceV1.IssuanceDefinition, 'AwardEach'>;
  logger: Logger;
}

/**
 * Refusals that no retry can change (archived or deleted badge, a uid the
 * instance route asked for that another award holds): the award is
 * impossible, so the claim is undone and the code stays usable (D-11).
 */
const PERMANENT = new Set(['ValidationError', 'ResourceNotFound', 'ResourceConflict']);

export class Awarder {
  constructor(private readonly deps: AwarderDeps) {}

  /** Awards a pending claim; returns the earned badge id and whether this call created it. */
  async complete(claim: ClaimRow): Promise<{ earnedBadgeId: string; created: boolean }> {
    const { claims, award } = this.deps;
    if (!claim.email) throw new Error(`claim ${claim.id} has nobody to award`);
    let answer: issuanceV1.AwardResponse__Output;
    try {
      answer = await award({
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
      }, currentRequestScope());
    } catch (error) {
      if (error instanceof DomainError && PERMANENT.has(error.reason)) await claims.undo(claim);
      throw error;
    }
    const earnedBadgeId = answer.earnedBadge?.id ?? '';
    // Awaited before success is answered: a pending claim means "never confirmed to its caller",
    // which lets the same email's retry finish it (decideClaim).
    await claims.markAwarded(claim.id, earnedBadgeId);
    return { earnedBadgeId, created: answer.result === 'AWARD_RESULT_CREATED' };
  }

  /** Finishes pending claims whose time has come; says how many were due and how many of them failed again. */
  async sweep(batch = SWEEP_BATCH): Promise<{ due: number; failed: number }> {
    const due = await this.deps.claims.leaseDue(batch, SWEEP_LEASE_MS);
    let failed = 0;
    for (const claim of due) {
      try {
        await this.complete(claim);
      } catch (error) {
        failed += 1;
        this.deps.logger.warn({ err: error, claimId: claim.id, attempts: claim.attempts }, 'pending claim award failed; will retry');
      }
    }
    return { due: due.length, failed };
  }
}

const SWEEP_BATCH = 50;
/** How long a claim the sweep took is hidden from other sweeps; a failed award is tried again after it. */
const SWEEP_LEASE_MS = 5_000;

/**
 * Runs the sweep at once on start (for claims left by a crash), again at once
 * while it finds a full batch, when a claim it failed is due again, and
 * otherwise every `intervalMs`. A claim only becomes due when its request
 * died or failed, so the sweep has nothing to announce it: it polls, rarely.
 */
export function startSweep(awarder: Awarder, logger: Logger, intervalMs = WORK_POLL_MS): PollingLoop {
  return startPollingLoop({
    round: async () => {
      const { due, failed } = await awarder.sweep();
      if (due === SWEEP_BATCH) return true;
      return failed > 0 ? SWEEP_LEASE_MS : false;
    },
    idleMs: intervalMs,
    onError: (error) => logger.error({ err: error }, 'claim sweep failed'),
  });
}
