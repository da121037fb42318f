/**
 * The rules of a milestone change that need no database (BadgeKit §13 with
 * the D-16 fixes): what a create must carry, which actions exist, no badge
 * twice, and how problems are reported. Whether a badge belongs to the
 * milestone's system is asked of the store; the verdict is made here.
 */
import { DomainError, type FieldProblem } from '@laurel/service-kit';

const MILESTONE_ACTIONS: readonly string[] = ['issue', 'queue-application'];

/** The badge ids must be the system's: the same set rule as BadgeKit's "one of" check, hence its message. */
const NOT_A_BADGE_OF_SYSTEM = 'Unexpected value or invalid argument';
const DUPLICATE = 'Duplicate value';

/** Storage column order (§2.5), so that details come out in a stable order. */
const FIELD_ORDER = ['action', 'numberRequired', 'primaryBadgeId', 'supportBadges', 'badgeId'];

/** The columns a create or update sets; absent keys are left unchanged on update. */
export interface MilestoneValues {
  action?: string | null;
  numberRequired?: string;
  primaryBadgeId?: string;
}

export interface MilestoneChange {
  values: MilestoneValues;
  /** Undefined: links unchanged (update) or missing (create). */
  supportBadgeIds?: string[];
}

/** An id as a client wrote it: a JSON number whenever it fits one. */
const asReported = (id: string): number | string => (Number.isSafeInteger(Number(id)) ? Number(id) : id);

export const milestoneNotFound = (id: string): DomainError => DomainError.notFound('milestone', 'id', id);

/** What can be said without the database; `partial` for updates, where absent means unchanged. */
export function shapeProblems(change: MilestoneChange, partial: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { values, supportBadgeIds } = change;
  if (!partial && values.numberRequired === undefined) problems.push({ field: 'numberRequired', value: '' });
  if (!partial && values.primaryBadgeId === undefined) problems.push({ field: 'primaryBadgeId', value: '' });
  // BadgeKit reported a bad action without a message (§13.2).
  if (values.action != null && !MILESTONE_ACTIONS.includes(values.action))
    problems.push({ field: 'action', value: values.action });
  if (!partial && supportBadgeIds === undefined) problems.push({ field: 'supportBadges', value: '' });
  const duplicates = [...new Set((supportBadgeIds ?? []).filter((id, i, all) => all.indexOf(id) !== i))];
  if (duplicates.length > 0)
    problems.push({ message: DUPLICATE, field: 'supportBadges', value: duplicates.map(asReported) });
  return problems;
}

/** Every badge id a change names, primary first. */
export function namedBadgeIds(change: MilestoneChange): string[] {
  const primary = change.values.primaryBadgeId;
  return [...(primary === undefined ? [] : [primary]), ...(change.supportBadgeIds ?? [])];
}

/** The change's badges that are not the system's; `known` is which of namedBadgeIds(change) are. */
export function membershipProblems(change: MilestoneChange, known: ReadonlySet<string>): FieldProblem[] {
  const primary = change.values.primaryBadgeId;
  const support = change.supportBadgeIds ?? [];
  const problems: FieldProblem[] = [];
  if (primary !== undefined && !known.has(primary))
    problems.push({ message: NOT_A_BADGE_OF_SYSTEM, field: 'primaryBadgeId', value: asReported(primary) });
  const unknown = [...new Set(support.filter((id) => !known.has(id)))];
  if (unknown.length > 0)
    problems.push({ message: NOT_A_BADGE_OF_SYSTEM, field: 'supportBadges', value: unknown.map(asReported) });
  return problems;
}

/** A support badge to add or remove must be a badge of the milestone's system; `known` is whether it is. */
export function linkBadgeProblems(badgeId: string, known: boolean): FieldProblem[] {
  return known ? [] : [{ message: NOT_A_BADGE_OF_SYSTEM, field: 'badgeId', value: asReported(badgeId) }];
}

export function failIfAny(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  const rank = (p: FieldProblem) => FIELD_ORDER.indexOf(p.field);
  throw DomainError.validation([...problems].sort((a, b) => rank(a) - rank(b)));
}
