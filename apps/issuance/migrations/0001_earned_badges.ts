import type { Migration } from '@laurel/service-kit';

/**
 * One row per award, whatever the channel (model.md "Earned badges"). The
 * rules that must never be broken are constraints, so that concurrent or
 * retried awards cannot break them:
 *  - an idempotency key awards once per site;
 *  - a uid (the public assertion's id, BadgeKit's instance slug) is unique
 *    everywhere, compared case-insensitively;
 *  - a non-repeatable badge is held once per recipient (by member id and by
 *    email), among awards that are not revoked.
 * Revocation keeps the row (revoked_at), so the public assertion can say so.
 */
export const earnedBadges: Migration = {
  name: '0001_earned_badges',
  async up(knex) {
    await knex.schema.createTable('earned_badges', (t) => {
      t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
      // Creation order for listings (BadgeKit orders by id ascending).
      t.bigIncrements('seq', { primaryKey: false });
      t.bigInteger('site_id').notNullable();
      t.bigInteger('badge_id').notNullable();
      t.bigInteger('user_id');
      t.text('email');
      t.string('uid', 255).notNullable();
      t.string('channel', 16).notNullable();
      t.text('idempotency_key').notNullable();
      // Copied from the catalog at award time: false lets one recipient hold the badge several times.
      t.boolean('badge_unique').notNullable();
      t.timestamp('issued_on', { useTz: true }).notNullable();
      t.timestamp('expires', { useTz: true });
      t.timestamp('revoked_at', { useTz: true });
      t.text('revocation_reason');
      t.string('claim_code', 255);
      t.text('evidence_url');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw(
      'alter table earned_badges add constraint earned_badges_recipient_check check (user_id is not null or email is not null)',
    );
    await knex.raw('create unique index earned_badges_key on earned_badges (site_id, idempotency_key)');
    await knex.raw('create unique index earned_badges_uid_key on earned_badges (lower(uid))');
    await knex.raw(`create unique index earned_badges_held_by_member on earned_badges (site_id, badge_id, user_id)
                    where badge_unique and revoked_at is null and user_id is not null`);
    await knex.raw(`create unique index earned_badges_held_by_email on earned_badges (site_id, badge_id, lower(email))
                    where badge_unique and revoked_at is null and email is not null`);
    await knex.raw(
      'create index earned_badges_member_idx on earned_badges (site_id, user_id) where user_id is not null',
    );
    await knex.raw(
      'create index earned_badges_email_idx on earned_badges (site_id, lower(email)) where email is not null',
    );
    await knex.raw('create index earned_badges_badge_idx on earned_badges (badge_id, seq)');
  },
};
