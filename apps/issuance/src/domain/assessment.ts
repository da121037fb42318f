/**
 * Rules of BadgeKit assessment that need no I/O: how application and review
 * slugs are made, and whether a review approves an application (the
 * `approved` of the `review` webhook, badgekit-api.md §14.4).
 */
import { randomBytes } from 'node:crypto';

/**
 * 32 lowercase hex characters drawn at random. The original hashed a
 * timestamp and an email, which two requests in the same millisecond could
 * share; random bytes keep the shape without the collisions.
 */
export function newAssessmentSlug(): string {
  return randomBytes(16).toString('hex');
}

/**
 * JavaScript's `value == 1`, which the original applied to `satisfied` as the
 * client sent it: the number 1, `true`, and any string that converts to 1
 * ("1", " 1", "01") count; the string "true" converts to NaN and does not.
 */
export function looselyEqualsOne(value: unknown): boolean {
  if (typeof value === 'number') return value === 1;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return Number(value) === 1;
  return false;
}

/** `satisfied` as the client sent it (JSON text), or the stored flag when that is unknown. */
export function countsAsSatisfied(item: { satisfied: boolean; satisfiedAsSent?: string | null | undefined }): boolean {
  if (item.satisfiedAsSent === undefined || item.satisfiedAsSent === null) return item.satisfied;
  try {
    return looselyEqualsOne(JSON.parse(item.satisfiedAsSent));
  } catch {
    // Not JSON: a form value that reached us raw is a string.
    return looselyEqualsOne(item.satisfiedAsSent);
  }
}

export interface SubmittedReviewItem {
  criterionId: string;
  satisfied: boolean;
  satisfiedAsSent?: string | null | undefined;
}

/**
 * §14.4: approved when every required criterion of the badge is among the
 * submitted items that count as satisfied. A badge without required criteria
 * is approved by any review, even one without items.
 */
export function isApproved(requiredCriterionIds: readonly string[], items: readonly SubmittedReviewItem[]): boolean {
  const satisfied = new Set(items.filter(countsAsSatisfied).map((item) => criterionNumber(item.criterionId)));
  return requiredCriterionIds.every((id) => satisfied.has(criterionNumber(id)));
}

/** The original read criterion ids with parseInt, so "7" and "07" name the same criterion. */
function criterionNumber(id: string): number {
  return Number.parseInt(id, 10);
}
