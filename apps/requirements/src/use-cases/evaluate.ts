/**
 * Evaluation (model.md, "Actions, outcomes and requirements"), run by the
 * consumers and by recording a user action: the qualification rule is
 * domain/qualification.ts. Every entry point is set-based and records
 * qualifications in due_awards inside the caller's transaction; whether the
 * badge is published and not archived is the catalog's to say, so the award
 * worker checks that before awarding.
 *
 * Nothing here deletes from due_awards: a change never revokes.
 */
import type { Knex } from '@laurel/service-kit';
import { distinctBadges, distinctMembers, qualifiedCandidates } from '../domain/qualification.js';
import type { CountIncrement, CountStore } from '../store/counts.js';
import { insertDueAwards, insertQualifiedForBadges } from '../store/due-awards.js';
import { lockForCountChange } from '../store/evaluation-lock.js';
import {
  candidatesFor,
  countsOfMembers,
  publishedRequirementsOf,
  type TouchedCount,
} from '../store/evaluation-reads.js';

/**
 * Evaluates the members whose counts just changed, only for the badges with a
 * published requirement on a changed (action, location): no other badge can
 * have become qualified. Returns how many awards became due.
 */
export async function evaluateMembers(trx: Knex.Transaction, touched: TouchedCount[]): Promise<number> {
  if (touched.length === 0) return 0;
  const candidates = await candidatesFor(trx, touched);
  if (candidates.length === 0) return 0;
  const requirements = await publishedRequirementsOf(trx, distinctBadges(candidates));
  const counts = await countsOfMembers(trx, distinctMembers(candidates));
  return insertDueAwards(trx, qualifiedCandidates(candidates, requirements, counts));
}

/**
 * Adds the increments to the members' counts under the shared evaluation lock
 * and evaluates the members touched. Same transaction as the counts: a
 * qualification is recorded exactly when the counts that made it are.
 */
export async function countAndEvaluate(
  trx: Knex.Transaction,
  counts: CountStore,
  increments: CountIncrement[],
): Promise<number> {
  if (increments.length === 0) return 0;
  await lockForCountChange(trx);
  await counts.add(trx, increments);
  return evaluateMembers(trx, increments);
}

/** Re-evaluates every member of the site for the given badges; returns how many awards became due. */
export async function reevaluateBadges(trx: Knex.Transaction, siteId: string, badgeIds: string[]): Promise<number> {
  const badges = [...new Set(badgeIds.filter((b) => b && b !== '0'))];
  if (badges.length === 0) return 0;
  return insertQualifiedForBadges(trx, siteId, badges);
}
