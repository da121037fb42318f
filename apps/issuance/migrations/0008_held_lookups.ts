import type { Migration } from '@laurel/service-kit';

/**
 * "Does this recipient hold this badge?" (EarnedBadgeStore.findHeld, asked
 * before BadgeKit awards of repeatable badges) is one index probe per
 * recipient key, in the order the answer is taken (seq). Without these, the
 * planner walked the badge's awards in seq order looking for the email: with
 * a million awards stored, 230 ms of PostgreSQL per award (bench/peer-routes
 * --preload), growing with every award ever made.
 */
export const heldLookups: Migration = {
  name: '0008_held_lookups',
  async up(knex) {
    await knex.raw(
      'create index earned_badges_held_email_idx on earned_badges (site_id, badge_id, lower(email), seq) where revoked_at is null and email is not null',
    );
    await knex.raw(
      'create index earned_badges_held_member_idx on earned_badges (site_id, badge_id, user_id, seq) where revoked_at is null and user_id is not null',
    );
  },
};
