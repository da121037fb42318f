import type { Migration } from '@laurel/service-kit';

/**
 * Every lookup of a code's claims is an index probe, so a claim costs the
 * same with a million claims stored as with none. Before this, the earlier
 * claim of a multi-use code ("this email, or this request key") had no index
 * to use for its request-key half and read the whole table on every claim;
 * so did undoing a claim ("does the code have any claim left?").
 * (claim_code_id, request_key) serves both: the key probe, and any probe by
 * code alone through its leading column.
 */
export const claimsByCode: Migration = {
  name: '0002_claims_by_code',
  async up(knex) {
    await knex.raw('create index claims_code_request_key on claims (claim_code_id, request_key)');
  },
};
