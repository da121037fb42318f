/**
 * The sweep: finishes the awards of pending claims whose request died or
 * failed before issuance confirmed them (architecture.md flow 3). Each is
 * awarded as its request would have (use-cases/award-claim.ts).
 */
import { startPollingLoop, WORK_POLL_MS, type Logger, type PollingLoop } from '@laurel/service-kit';
import { awardClaim, type AwardDeps } from '../use-cases/award-claim.js';

export interface SweepDeps extends AwardDeps {
  logger: Logger;
}

const SWEEP_BATCH = 50;
/** How long a claim the sweep took is hidden from other sweeps; a failed award is tried again after it. */
const SWEEP_LEASE_MS = 5_000;

/** Finishes pending claims whose time has come; says how many were due and how many of them failed again. */
export async function sweepPendingClaims(
  deps: SweepDeps,
  batch = SWEEP_BATCH,
): Promise<{ due: number; failed: number }> {
  const due = await deps.claims.leaseDue(batch, SWEEP_LEASE_MS);
  let failed = 0;
  for (const claim of due) {
    try {
      await awardClaim(deps, claim);
    } catch (error) {
      failed += 1;
      deps.logger.warn(
        { err: error, claimId: claim.id, attempts: claim.attempts },
        'pending claim award failed; will retry',
      );
    }
  }
  return { due: due.length, failed };
}

/**
 * Runs the sweep at once on start (for claims left by a crash), again at once
 * while it finds a full batch, when a claim it failed is due again, and
 * otherwise every `intervalMs`. A claim only becomes due when its request
 * died or failed, so the sweep has nothing to announce it: it polls, rarely.
 */
export function startClaimSweep(deps: SweepDeps, intervalMs = WORK_POLL_MS): PollingLoop {
  return startPollingLoop({
    round: async () => {
      const { due, failed } = await sweepPendingClaims(deps);
      if (due === SWEEP_BATCH) return true;
      return failed > 0 ? SWEEP_LEASE_MS : false;
    },
    idleMs: intervalMs,
    onError: (error) => deps.logger.error({ err: error }, 'claim sweep failed'),
  });
}
