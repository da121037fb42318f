import type { Migration } from '@laurel/service-kit';

/**
 * A multi-use code's latest claimant (§8.7) is read from its claims instead
 * of being written on the code by every claim, so that claims of one code no
 * longer queue on the code's row. For that the claims must tell which one is
 * latest and how its email was spelled:
 *  - a same-email repeat moves its claim to the front (repeat_seq, drawn from
 *    the id sequence so that it orders against ids) and keeps the spelling it
 *    was claimed with again (repeat_email);
 *  - a claim without an email becomes a claim row (state 'none').
 * claims_latest serves "the latest claim of a code" and, through its leading
 * column, every probe by code. It replaces claims_code_request_key, whose
 * request-key half only the multi-use claim used, and which every claim had
 * to maintain.
 */
export const latestClaimant: Migration = {
  name: '0003_latest_claimant',
  async up(knex) {
    await knex.raw('alter table claims add column repeat_seq bigint, add column repeat_email text');
    await knex.raw('create index claims_latest on claims (claim_code_id, (coalesce(repeat_seq, id)))');
    await knex.raw('drop index claims_code_request_key');
    // Codes claimed before this migration show what they showed: the email written on the code.
    // Last claimed by a repeat: that email's claim moves to the front, spelled as the code has it.
    await knex.raw(`
      update claims k set repeat_seq = nextval('claims_id_seq'), repeat_email = c.email
        from claim_codes c
       where c.multiuse and c.email is not null and k.claim_code_id = c.id
         and k.email is not null and lower(k.email) = lower(c.email)
         and c.email is distinct from (select l.email from claims l where l.claim_code_id = c.id order by l.id desc limit 1)`);
    // Last claimed without an email: that claim is recorded now.
    await knex.raw(`
      insert into claims (claim_code_id, single_use, site_id, badge_id, code, state, next_attempt_at)
      select c.id, false, c.site_id, c.badge_id, c.code, 'none', now()
        from claim_codes c
       where c.multiuse and c.email is null and exists (select 1 from claims l where l.claim_code_id = c.id)`);
  },
};
