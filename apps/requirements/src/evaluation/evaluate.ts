/**
 * Evaluation (model.md, "Actions, outcomes and requirements"): a member
 * qualifies for a badge when, for every published requirement of it, their
 * count for (action, location) reaches the quantity; a badge without published
 * requirements is never qualified. Both entry points are set-based and
 * record qualifications in due_awards inside the caller's transaction;
 * whether the badge is published and not archived is the catalog's to say,
 * so the award worker checks that before awarding.
 *
 * Nothing here deletes from due_awards: a change never revokes.
 */
import { signalWork, type Knex } from '@laurel/service-kit';

const EVALUATION_LOCK = 'laurel:requirements:evaluation';

/** Announces new due awards to the award worker (see service-kit db/notifications.ts). */
export const DUE_AWARDS_CHANNEL = 'laurel_due_awards';

/** Announces the awards an insert made due, if any; returns how many. */
async function announced(trx: Knex.Transaction, inserted: number | null): Promise<number> {
  if (inserted) await signalWork(trx, DUE_AWARDS_CHANNEL);
  return inserted ?? 0;
}

/**
 * Count changes take the lock shared, requirement changes exclusive. A count
 * batch therefore either commits before a requirement change (and the
 * re-evaluation its event triggers sees those counts) or starts after it (and
 * evaluates against the new requirement); without it a member could qualify in
 * the gap between the two and never be awarded.
 */
export async function lockForCountChange(trx: Knex.Transaction): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock_shared(hashtext(?))', [EVALUATION_LOCK]);
}

export async function lockForRequirementChange(trx: Knex.Transaction): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [EVALUATION_LOCK]);
}

export interface Touched {
  siteId: string;
  memberId: string;
  actionId: string;
  location: string;
}

/**
 * Evaluates the members whose counts just changed, only for the badges with a
 * published requirement on a changed (action, location): no other badge can
 * have become qualified. Returns how many awards became due.
 *
 * Four set-based statements rather than one: joined in one statement, the
 * planner (misled by unnest's fixed estimate and young statistics) looked up
 * each member's count through the per-action index, reading every member of
 * the action per candidate (seconds per batch). Here counts are read by
 * (site, member), the primary key's prefix, and compared in memory.
 */
export async function evaluateMembers(trx: Knex.Transaction, touched: Touched[]): Promise<number> {
  if (touched.length === 0) return 0;
  const candidates = (await trx.raw<{ rows: { site_id: string; user_id: string; badge_id: string }[] }>(
    `select distinct t.site_id, t.user_id, r.badge_id
       from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[]) as t(site_id, user_id, action_id, location)
       join requirements r on r.action_id = t.action_id and r.location = t.location and r.site_id = t.site_id and r.published`,
    [touched.map((t) => t.siteId), touched.map((t) => t.memberId), touched.map((t) => t.actionId), touched.map((t) => t.location)],
  )).rows;
  if (candidates.length === 0) return 0;

  const badgeIds = [...new Set(candidates.map((c) => String(c.badge_id)))];
  const requirements = (await trx.raw<{ rows: { badge_id: string; action_id: string; location: string; quantity: string }[] }>(
    'select badge_id, action_id, location, quantity from requirements where badge_id = any(?::bigint[]) and published',
    [badgeIds],
  )).rows;
  const members = [...new Map(candidates.map((c) => [`${c.site_id}:${c.user_id}`, c])).values()];
  const counts = (await trx.raw<{ rows: { site_id: string; user_id: string; action_id: string; location: string; count: string }[] }>(
    `select m.site_id, m.user_id, m.action_id, m.location, m.count
       from unnest(?::bigint[], ?::bigint[]) as u(site_id, user_id)
       join member_counts m on m.site_id = u.site_id and m.user_id = u.user_id`,
    [members.map((m) => m.site_id), members.map((m) => m.user_id)],
  )).rows;

  const countOf = new Map(counts.map((c) => [`${c.site_id}:${c.user_id}:${c.action_id}:${c.location}`, BigInt(c.count)]));
  const byBadge = new Map<string, typeof requirements>();
  for (const r of requirements) byBadge.set(String(r.badge_id), [...(byBadge.get(String(r.badge_id)) ?? []), r]);
  const due = candidates.filter((c) => {
    const needed = byBadge.get(String(c.badge_id)) ?? [];
    return needed.length > 0 && needed.every((r) => (countOf.get(`${c.site_id}:${c.user_id}:${r.action_id}:${r.location}`) ?? 0n) >= BigInt(r.quantity));
  });
  if (due.length === 0) return 0;
  const result = await trx.raw<{ rowCount: number | null }>(
    `insert into due_awards (badge_id, user_id, site_id)
     select * from unnest(?::bigint[], ?::bigint[], ?::bigint[])
     on conflict (badge_id, user_id) do nothing`,
    [due.map((d) => d.badge_id), due.map((d) => d.user_id), due.map((d) => d.site_id)],
  );
  return announced(trx, result.rowCount);
}

/**
 * Re-evaluates every member for the given badges in one statement: a member
 * qualifies when the number of the badge's published requirements they meet
 * equals the number it has. Only members with a count meeting some
 * requirement are read, through member_counts_action_location_idx.
 */
export async function reevaluateBadges(trx: Knex.Transaction, siteId: string, badgeIds: string[]): Promise<number> {
  const badges = [...new Set(badgeIds.filter((b) => b && b !== '0'))];
  if (badges.length === 0) return 0;
  const result = await trx.raw<{ rowCount: number | null }>(
    `with wanted as (
       select r.badge_id, r.action_id, r.location, r.quantity,
              count(*) over (partition by r.badge_id) as needed
         from requirements r
        where r.badge_id = any(?::bigint[]) and r.site_id = ? and r.published
     )
     insert into due_awards (badge_id, user_id, site_id)
     select w.badge_id, m.user_id, ?::bigint
       from wanted w
       join member_counts m on m.action_id = w.action_id and m.location = w.location and m.count >= w.quantity and m.site_id = ?
      group by w.badge_id, m.user_id, w.needed
     having count(*) = w.needed
     on conflict (badge_id, user_id) do nothing`,
    [badges, siteId, siteId, siteId],
  );
  return announced(trx, result.rowCount);
}
