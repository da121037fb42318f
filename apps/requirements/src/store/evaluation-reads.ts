/**
 * What evaluating touched members reads: the badges a change may concern, the
 * published requirements of those badges and the members' counts.
 *
 * Three set-based statements rather than one joined statement: joined, the
 * planner (misled by unnest's fixed estimate and young statistics) looked up
 * each member's count through the per-action index, reading every member of
 * the action per candidate (seconds per batch). Here counts are read by
 * (site, member), the primary key's prefix, and compared in memory
 * (domain/qualification.ts).
 */
import type { Knex } from '@laurel/service-kit';
import type { Candidate, MemberCount, MemberRef, PublishedRequirement } from '../domain/qualification.js';

export interface TouchedCount {
  siteId: string;
  memberId: string;
  actionId: string;
  location: string;
}

/** (site, member, badge) for every badge with a published requirement on a touched (action, location). */
export async function candidatesFor(trx: Knex.Transaction, touched: TouchedCount[]): Promise<Candidate[]> {
  const { rows } = await trx.raw<{ rows: { site_id: string; user_id: string; badge_id: string }[] }>(
    `select distinct t.site_id, t.user_id, r.badge_id
       from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[]) as t(site_id, user_id, action_id, location)
       join requirements r on r.action_id = t.action_id and r.location = t.location and r.site_id = t.site_id and r.published`,
    [
      touched.map((t) => t.siteId),
      touched.map((t) => t.memberId),
      touched.map((t) => t.actionId),
      touched.map((t) => t.location),
    ],
  );
  return rows.map((r) => ({ siteId: String(r.site_id), userId: String(r.user_id), badgeId: String(r.badge_id) }));
}

export async function publishedRequirementsOf(
  trx: Knex.Transaction,
  badgeIds: string[],
): Promise<PublishedRequirement[]> {
  const { rows } = await trx.raw<{
    rows: { badge_id: string; action_id: string; location: string; quantity: string }[];
  }>(
    'select badge_id, action_id, location, quantity from requirements where badge_id = any(?::bigint[]) and published',
    [badgeIds],
  );
  return rows.map((r) => ({
    badgeId: String(r.badge_id),
    actionId: String(r.action_id),
    location: r.location,
    quantity: String(r.quantity),
  }));
}

export async function countsOfMembers(trx: Knex.Transaction, members: MemberRef[]): Promise<MemberCount[]> {
  const { rows } = await trx.raw<{
    rows: { site_id: string; user_id: string; action_id: string; location: string; count: string }[];
  }>(
    `select m.site_id, m.user_id, m.action_id, m.location, m.count
       from unnest(?::bigint[], ?::bigint[]) as u(site_id, user_id)
       join member_counts m on m.site_id = u.site_id and m.user_id = u.user_id`,
    [members.map((m) => m.siteId), members.map((m) => m.userId)],
  );
  return rows.map((r) => ({
    siteId: String(r.site_id),
    userId: String(r.user_id),
    actionId: String(r.action_id),
    location: r.location,
    count: String(r.count),
  }));
}
