/**
 * Milestone awards after direct awards (badgekit-api.md §13.3, D-16 fixed).
 * A check is recorded with the award it follows, in the same transaction;
 * it runs right after that commits, outside the award call and its answer,
 * and a sweep picks up whatever failed or was interrupted, so a failure is
 * logged and retried but never reaches the caller and never gets lost. The
 * sweep wakes when a retry it knows of falls due, and otherwise only as a
 * rare safety net (a check left by a process that stopped before running it).
 */
import {
  DomainError,
  startPollingLoop,
  WORK_POLL_MS,
  type CatalogClient,
  type Knex,
  type Logger,
  type PollingLoop,
} from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import type { EarnedBadgeStore } from '../store/earned-badges.js';
import type { AwardInput } from '../use-cases/award.js';
import { milestoneAwardKey, reachedMilestones, type MilestoneRule } from '../domain/milestones.js';
import {
  LEASE_MS,
  type MilestoneCheckRow,
  type MilestoneCheckStore,
  type NewMilestoneCheck,
} from '../store/milestone-checks.js';

/** Issuance's own award use case, as the milestone's primary badge is awarded like any other award (event, webhook, constraints). */
export type AwardFn = (input: AwardInput) => Promise<unknown>;

/** What the award use cases need: record a check in their transaction, then start it once committed. */
export interface MilestoneHook {
  /**
   * Whether any milestone counts this badge among its support badges: only
   * then is a check worth recording (a cached catalog read, no hop while the
   * catalog is unchanged), so that most awards pay no check row, run and delete.
   */
  concerns(badge: catalogV1.Badge__Output): Promise<boolean>;
  enqueue(trx: Knex, check: NewMilestoneCheck): Promise<string>;
  run(checkId: string): void;
  useAward(award: AwardFn): void;
}

export interface MilestoneAwards extends MilestoneHook {
  stop(): Promise<void>;
}

export interface MilestoneOptions {
  checks: MilestoneCheckStore;
  awards: EarnedBadgeStore;
  catalog: CatalogClient;
  logger: Logger;
  /** The safety-net sweep, for checks whose process stopped before running them. */
  sweepMs?: number;
}

/** Checks leased per sweep round. */
const SWEEP_BATCH = 50;

const isReason = (error: unknown, ...reasons: string[]) =>
  error instanceof DomainError && reasons.includes(error.reason);

export function startMilestoneAwards(options: MilestoneOptions): MilestoneAwards {
  const log = options.logger.child({ component: 'milestones' });
  const { checks, awards, catalog } = options;
  let award: AwardFn | undefined;
  let running = true;
  const inFlight = new Set<Promise<void>>();
  /** The earliest moment a retry scheduled here falls due (epoch ms), so that the sweep wakes for it. */
  let nextRetryAt: number | undefined;
  const retryAt = (at: number) => {
    const sooner = nextRetryAt === undefined || at < nextRetryAt;
    nextRetryAt = Math.min(nextRetryAt ?? at, at);
    // The sweep may be asleep for the safety-net interval: it looks again and sleeps until this retry.
    if (sooner) sweep.kick();
  };

  const milestonesFor = async (check: MilestoneCheckRow): Promise<MilestoneRule[] | undefined> => {
    let badge: catalogV1.Badge__Output | null;
    try {
      ({ badge } = await catalog.call('GetBadge', { id: check.badge_id, siteId: check.site_id }));
    } catch (error) {
      if (isReason(error, 'ResourceNotFound')) return undefined;
      throw error;
    }
    if (!badge?.system) return undefined;
    const { milestones } = await catalog.call('ListMilestones', {
      systemSlug: badge.system.slug,
      supportBadgeId: check.badge_id,
    });
    return milestones.map((m) => ({
      id: m.id,
      numberRequired: Number(m.numberRequired),
      primaryBadgeId: m.primaryBadge?.id ?? '0',
      supportBadgeIds: m.supportBadges.map((b) => b.id),
    }));
  };

  const runCheck = async (check: MilestoneCheckRow, awardWith: AwardFn): Promise<void> => {
    const milestones = await milestonesFor(check);
    if (!milestones || milestones.length === 0) return;
    const badgeIds = [...new Set(milestones.flatMap((m) => [m.primaryBadgeId, ...m.supportBadgeIds]))];
    // Expired awards are still held (BadgeKit lists them); revoked ones are not.
    const { rows } = await awards.listForRecipient({
      siteId: check.site_id,
      userId: null,
      email: check.email,
      badgeIds,
      includeRevoked: false,
      includeExpired: true,
      newestFirst: false,
      onePerBadge: true,
    });
    const held = new Set(rows.map((r) => String(r.badge_id)));
    for (const milestone of reachedMilestones(milestones, held)) {
      try {
        await awardWith({
          siteId: check.site_id,
          badgeId: milestone.primaryBadgeId,
          userId: '0',
          email: check.email,
          channel: 'AWARD_CHANNEL_DIRECT',
          idempotencyKey: milestoneAwardKey(milestone.id, check.email),
          refuseIfHeld: false,
          holderUserId: '0',
          ...(check.public_origin && { publicOrigin: check.public_origin }),
        });
      } catch (error) {
        // An archived or deleted primary badge cannot be earned: nothing to retry.
        if (!isReason(error, 'ValidationError', 'ResourceNotFound')) throw error;
        log.info(
          { milestone: milestone.id, badge: milestone.primaryBadgeId, reason: (error as DomainError).message },
          'milestone badge cannot be awarded',
        );
      }
    }
  };

  const process = async (check: MilestoneCheckRow): Promise<void> => {
    if (!award) return;
    try {
      await runCheck(check, award);
      await checks.done(check.id);
    } catch (error) {
      log.error(
        { err: error, check: check.id, attempts: check.attempts + 1 },
        'milestone check failed; it will be retried',
      );
      await checks.failed(check, error instanceof Error ? error.message : String(error)).then(
        (next) => retryAt(next.getTime()),
        (e: unknown) => {
          retryAt(Date.now() + LEASE_MS);
          log.error(
            { err: e, check: check.id },
            'could not record a failed milestone check; its lease will expire and it will be retried',
          );
        },
      );
    }
  };

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  /** Runs the one check an award just committed. */
  const runOne = async (id: string) => {
    try {
      for (const check of await checks.claimDue(1, id)) await process(check);
    } catch (error) {
      // The check is still due: the sweep takes it over, retrying with backoff.
      log.error({ err: error }, 'milestone checks could not be read; retrying');
      sweep.kick();
    }
  };

  // The sweep: checks whose run failed, or whose process stopped before it ran.
  const sweep: PollingLoop = startPollingLoop({
    round: async () => {
      if (!award) return false;
      if (nextRetryAt !== undefined && nextRetryAt <= Date.now()) nextRetryAt = undefined;
      const due = await checks.claimDue(SWEEP_BATCH);
      for (const check of due) await process(check);
      if (due.length === SWEEP_BATCH) return true;
      return nextRetryAt === undefined ? false : nextRetryAt - Date.now();
    },
    idleMs: options.sweepMs ?? WORK_POLL_MS,
    onError: (error) => log.error({ err: error }, 'milestone checks could not be read; retrying'),
  });

  return {
    async concerns(badge) {
      // A badge without its system cannot be looked up by slug; checking costs only a needless run.
      if (!badge.system) return true;
      const { milestones } = await catalog.call('ListMilestones', {
        systemSlug: badge.system.slug,
        supportBadgeId: badge.id,
      });
      return milestones.length > 0;
    },
    enqueue: (trx, check) => checks.enqueue(trx, check),
    run(checkId) {
      if (running && award) track(runOne(checkId));
    },
    useAward(fn) {
      award = fn;
      // Checks left by an earlier run of the process can go now.
      sweep.kick();
    },
    async stop() {
      running = false;
      await sweep.stop();
      await Promise.allSettled([...inFlight]);
    },
  };
}
