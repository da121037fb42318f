/**
 * Automatic milestone awarding (badgekit-api.md §13.3 with D-16 fixed), as
 * pure rules: which awards start a check, which milestones a recipient has
 * reached, and how long a failed check waits before it runs again.
 */

/** The idempotency key prefix of milestone awards; such awards never start a check, so milestones do not chain. */
export const MILESTONE_KEY_PREFIX = 'milestone:';

export const milestoneAwardKey = (milestoneId: string, email: string): string =>
  `${MILESTONE_KEY_PREFIX}${milestoneId}:${email.toLowerCase()}`;

/** Checks follow direct awards (BadgeKit's instance and bulk routes) to an email, never a milestone's own award. */
export function startsMilestoneCheck(award: { channel: string; idempotencyKey: string; email: string }): boolean {
  return (
    award.channel === 'AWARD_CHANNEL_DIRECT' &&
    award.email !== '' &&
    !award.idempotencyKey.startsWith(MILESTONE_KEY_PREFIX)
  );
}

export interface MilestoneRule {
  id: string;
  numberRequired: number;
  primaryBadgeId: string;
  supportBadgeIds: readonly string[];
}

/**
 * The milestones to award: those whose primary badge is not held and whose
 * distinct held support badges reach `numberRequired`. A threshold of 0 or
 * less would award a badge for nothing held; such a milestone is only met
 * once one support badge is held (the check runs after one was awarded).
 */
export function reachedMilestones(milestones: readonly MilestoneRule[], held: ReadonlySet<string>): MilestoneRule[] {
  return milestones.filter((m) => {
    if (held.has(m.primaryBadgeId)) return false;
    const count = new Set(m.supportBadgeIds.filter((id) => held.has(id))).size;
    return count >= Math.max(1, m.numberRequired);
  });
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 10 * 60_000;

/** Exponential backoff capped at ten minutes: a check is retried until it succeeds, and its failures are logged each time. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}
