import type { Migration } from '@laurel/service-kit';

/**
 * Claim codes and their claims. The invariants that must hold under
 * concurrent and retried requests are constraints, not application checks
 * (architecture.md "Storage"):
 *  - a code is unique per badge, compared as BadgeKit compared it
 *    (case-insensitively, ignoring trailing spaces, §2.2);
 *  - a single-use code has at most one claim;
 *  - a multi-use code has at most one claim per email.
 * A claim row is also the pending award: it is written in the same
 * transaction that marks the code claimed, and stays `pending` until issuance
 * confirmed the award, so a crash in between is finished by the sweep. It
 * keeps what the award needs (site, badge, code string, award details)
 * because the code itself may be deleted meanwhile.
 */
export const claimCodes: Migration = {
  name: '0001_claim_codes',
  async up(knex) {
    await knex.schema.createTable('claim_codes', (t) => {
      t.bigIncrements('id').primary();
      t.bigInteger('site_id').notNullable();
      t.bigInteger('badge_id').notNullable();
      t.string('code', 255).notNullable();
      t.boolean('claimed').notNullable().defaultTo(false);
      t.text('email');
      t.boolean('multiuse').notNullable().defaultTo(false);
      // The idempotency key of the create or generate call that made the row.
      t.text('request_key');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw('create unique index claim_codes_badge_code on claim_codes (badge_id, lower(rtrim(code)))');
    await knex.raw('create index claim_codes_site_code on claim_codes (site_id, lower(rtrim(code)), badge_id)');
    await knex.raw(
      'create index claim_codes_request_key on claim_codes (site_id, request_key) where request_key is not null',
    );

    await knex.schema.createTable('claims', (t) => {
      t.bigIncrements('id').primary();
      // No foreign key: deleting a code must not lose a pending award.
      t.bigInteger('claim_code_id').notNullable();
      t.boolean('single_use').notNullable();
      t.bigInteger('site_id').notNullable();
      t.bigInteger('badge_id').notNullable();
      t.string('code', 255).notNullable();
      t.text('email');
      t.bigInteger('user_id');
      // pending: the award is still to be made; awarded: issuance confirmed it; none: no email, nothing to award.
      t.string('state', 8).notNullable();
      t.uuid('earned_badge_id');
      t.text('request_key');
      t.string('uid', 255);
      t.text('issued_on');
      t.text('expires');
      t.text('comment');
      t.text('public_origin');
      t.integer('attempts').notNullable().defaultTo(0);
      // The sweep leaves a pending claim alone until then, so the request that made it can finish first.
      t.timestamp('next_attempt_at', { useTz: true }).notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw(
      "alter table claims add constraint claims_state_check check (state in ('pending', 'awarded', 'none'))",
    );
    await knex.raw('create unique index claims_single_use on claims (claim_code_id) where single_use');
    await knex.raw(
      'create unique index claims_per_email on claims (claim_code_id, lower(email)) where email is not null',
    );
    await knex.raw("create index claims_pending on claims (next_attempt_at) where state = 'pending'");
  },
};
