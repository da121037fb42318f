/**
 * When a member qualifies for a badge (model.md, "Actions, outcomes and
 * requirements"): for every published requirement of the badge, their count
 * for (action, location) reaches the quantity. A badge without published
 * requirements is never qualified. Pure, no I/O.
 */
export interface MemberRef {
  siteId: string;
  userId: string;
}

/** A member who may have become qualified for a badge. */
export interface Candidate extends MemberRef {
  badgeId: string;
}

export interface PublishedRequirement {
  badgeId: string;
  actionId: string;
  location: string;
  quantity: string;
}

export interface MemberCount extends MemberRef {
  actionId: string;
  location: string;
  count: string;
}

/** Each (site, member) once, in first-seen order. */
export function distinctMembers(candidates: MemberRef[]): MemberRef[] {
  return [
    ...new Map(candidates.map((c) => [`${c.siteId}:${c.userId}`, { siteId: c.siteId, userId: c.userId }])).values(),
  ];
}

/** Each badge once, in first-seen order. */
export function distinctBadges(candidates: Candidate[]): string[] {
  return [...new Set(candidates.map((c) => c.badgeId))];
}

/** Whether a count meets a requirement's quantity. */
export const meetsQuantity = (have: bigint, quantity: string): boolean => have >= BigInt(quantity);

/** The candidates whose counts meet every published requirement of their badge. */
export function qualifiedCandidates(
  candidates: Candidate[],
  requirements: PublishedRequirement[],
  counts: MemberCount[],
): Candidate[] {
  const countOf = new Map(counts.map((c) => [`${c.siteId}:${c.userId}:${c.actionId}:${c.location}`, BigInt(c.count)]));
  const byBadge = new Map<string, PublishedRequirement[]>();
  for (const r of requirements) byBadge.set(r.badgeId, [...(byBadge.get(r.badgeId) ?? []), r]);
  return candidates.filter((c) => {
    const needed = byBadge.get(c.badgeId) ?? [];
    return (
      needed.length > 0 &&
      needed.every((r) =>
        meetsQuantity(countOf.get(`${c.siteId}:${c.userId}:${r.actionId}:${r.location}`) ?? 0n, r.quantity),
      )
    );
  });
}
