/**
 * The claims table: one row per claim, which is also the claim's pending
 * award until issuance confirmed it (see the migrations).
 */
import { GroupCommit, noResults, preparedQuery, type Knex } from '@laurel/service-kit';
import type { ClaimCodeRow, CodeLookup } from './claim-codes.js';

export type ClaimState = 'pending' | 'awarded' | 'none';

export interface ClaimRow {
  id: string;
  claim_code_id: string;
  single_use: boolean;
  site_id: string;
  badge_id: string;
  code: string;
  email: string | null;
  user_id: string | null;
  state: ClaimState;
  earned_badge_id: string | null;
  request_key: string | null;
  uid: string | null;
  issued_on: string | null;
  expires: string | null;
  comment: string | null;
  public_origin: string | null;
  attempts: number;
  next_attempt_at: Date;
  created_at: Date;
  /** Set when the same email claimed a multi-use code again: where, and as whom, it is shown as the latest claimant. */
  repeat_seq: string | null;
  repeat_email: string | null;
}

export type NewClaim = Omit<ClaimRow, 'id' | 'earned_badge_id' | 'attempts' | 'next_attempt_at' | 'created_at' | 'repeat_seq' | 'repeat_email'>;

/** What a claim records beyond its code. */
export type ClaimDetails = Omit<NewClaim, 'claim_code_id' | 'single_use' | 'site_id' | 'badge_id' | 'code'>;

/** The code a multi-use claim found, and the claim it recorded unless this email had claimed the code before. */
export interface MultiUseAttempt {
  code: ClaimCodeRow | undefined;
  claim: ClaimRow | undefined;
}

/** How long the request that made a pending claim has to finish it before the sweep may. */
export const REQUEST_GRACE_MS = 5_000;

export class ClaimStore {
  constructor(private readonly db: Knex) {}

  /** A single-use code's one claim, if it has one. */
  async first(trx: Knex, codeId: string): Promise<ClaimRow | undefined> {
    return trx<ClaimRow>('claims').where({ claim_code_id: codeId }).orderBy('id').first();
  }

  /**
   * Claims a multi-use code in one statement and one round trip, without
   * locking the code: finds the code, records the claim unless this email
   * already claimed it (claims_per_email decides a race between two requests
   * of one email), and marks the code claimed if this is its first claim. A
   * code already claimed is not written, so claims of one code never queue
   * on its row. Finds a single-use code without claiming it: those are
   * claimed under the code's row lock.
   */
  async claimMultiUse(lookup: CodeLookup, details: ClaimDetails): Promise<MultiUseAttempt> {
    const rows = await preparedQuery<MultiUseRow>(this.db, 'claim-codes.claim-multi-use', CLAIM_MULTI_USE, [
      lookup.badgeId, lookup.siteId, lookup.code, details.email, details.user_id, details.state, details.request_key,
      details.uid, details.issued_on, details.expires, details.comment, details.public_origin, REQUEST_GRACE_MS,
    ]);
    const row = rows[0];
    if (!row) return { code: undefined, claim: undefined };
    const { code_id, code_site_id, code_badge_id, code_code, code_claimed, code_email, code_multiuse, code_request_key, code_created_at, ...claim } = row;
    return {
      code: { id: code_id, site_id: code_site_id, badge_id: code_badge_id, code: code_code, claimed: code_claimed, email: code_email, multiuse: code_multiuse, request_key: code_request_key, created_at: code_created_at },
      // Every column of an inserted claim is as stored; all are null when nothing was inserted.
      claim: claim.id === null ? undefined : (claim as ClaimRow),
    };
  }

  /**
   * This email's claim of a multi-use code, brought to the front as the
   * code's latest claimant, spelled as claimed this time (§8.7). Undefined if
   * the claim was undone since the conflict that pointed to it.
   */
  async repeat(codeId: string, email: string): Promise<ClaimRow | undefined> {
    const rows = await preparedQuery<ClaimRow>(this.db, 'claim-codes.repeat-claim', REPEAT_CLAIM, [codeId, email]);
    return rows[0];
  }

  /**
   * Records a claim and marks its code claimed by the claimant, in one
   * statement (one round trip fewer on every claim); the caller holds the
   * single-use code's row lock.
   */
  async insertMarkingCode(trx: Knex, claim: NewClaim): Promise<ClaimRow> {
    const inserted = trx<ClaimRow>('claims')
      .insert({ ...claim, next_attempt_at: trx.raw(`now() + interval '${REQUEST_GRACE_MS} milliseconds'`) as unknown as Date })
      .returning('*');
    const marked = trx('claim_codes').where({ id: claim.claim_code_id }).update({ claimed: true, email: claim.email }).returning('id');
    const rows = (await trx.with('inserted', inserted).with('marked', marked).select('inserted.*').from('inserted').crossJoin(trx.raw('marked'))) as ClaimRow[];
    const row = rows[0];
    if (!row) throw new Error('claim insert returned nothing');
    return row;
  }

  /**
   * Marks a claim awarded once issuance confirmed it. Concurrent claims share
   * one statement (group-commit.ts): under load, one round trip and one commit
   * for many claims instead of one each; alone, a claim is marked at once.
   */
  markAwarded(id: string, earnedBadgeId: string): Promise<void> {
    return this.awardedMarks.submit({ id, earnedBadgeId });
  }

  private readonly awardedMarks = new GroupCommit<{ id: string; earnedBadgeId: string }>(async (marks) => {
    await preparedQuery(this.db, 'claim-codes.mark-awarded', MARK_AWARDED, [marks.map((m) => m.id), marks.map((m) => m.earnedBadgeId)]);
    return noResults(marks);
  });

  /**
   * Undoes a claim whose award can never be made (the badge was archived or
   * deleted meanwhile), so that a single-use code is not lost (D-11).
   */
  async undo(claim: ClaimRow): Promise<void> {
    await this.db.transaction(async (trx) => {
      await trx('claims').where({ id: claim.id }).delete();
      const left = await trx('claims').where({ claim_code_id: claim.claim_code_id }).first('id');
      if (!left) await trx('claim_codes').where({ id: claim.claim_code_id }).update({ claimed: false });
    });
  }

  /**
   * Leases up to `limit` pending claims whose time has come: each is pushed
   * into the future before it is returned, so that other replicas' sweeps
   * skip it while this one works on it.
   */
  async leaseDue(limit: number, leaseMs: number): Promise<ClaimRow[]> {
    const result = await this.db.raw<{ rows: ClaimRow[] }>(
      `update claims set next_attempt_at = now() + (? * interval '1 millisecond'), attempts = attempts + 1
        where id in (select id from claims where state = 'pending' and next_attempt_at <= now()
                      order by next_attempt_at limit ? for update skip locked)
        returning *`,
      [leaseMs, limit],
    );
    return result.rows;
  }
}

/**
 * The columns a prepared statement returns, named rather than `*`: a
 * prepared statement whose result columns change (a later migration adding
 * one) fails with "cached plan must not change result type" until the
 * process restarts. Keyed by ClaimRow so that the two cannot drift apart.
 */
const CLAIM_COLUMN_SET: Record<keyof ClaimRow, true> = {
  id: true, claim_code_id: true, single_use: true, site_id: true, badge_id: true, code: true, email: true, user_id: true, state: true,
  earned_badge_id: true, request_key: true, uid: true, issued_on: true, expires: true, comment: true, public_origin: true, attempts: true,
  next_attempt_at: true, created_at: true, repeat_seq: true, repeat_email: true,
};
const CLAIM_COLUMNS = Object.keys(CLAIM_COLUMN_SET).join(', ');

type CodeColumns = { [K in keyof ClaimCodeRow as `code_${K}`]: ClaimCodeRow[K] };
/** The code's columns, and the inserted claim's (all null when nothing was inserted). */
type MultiUseRow = CodeColumns & { [K in keyof ClaimRow]: ClaimRow[K] | null };

const CLAIM_MULTI_USE = `
  with found as (
    select * from claim_codes where badge_id = $1 and site_id = $2 and lower(rtrim(code)) = lower(rtrim($3))
  ), inserted as (
    insert into claims (claim_code_id, single_use, site_id, badge_id, code, email, user_id, state, request_key,
                        uid, issued_on, expires, comment, public_origin, next_attempt_at)
    select id, false, site_id, badge_id, code, $4::text, $5::bigint, $6::text, $7::text,
           $8::text, $9::text, $10::text, $11::text, $12::text, now() + $13::integer * interval '1 millisecond'
      from found where multiuse
    on conflict (claim_code_id, lower(email)) where email is not null do nothing
    returning ${CLAIM_COLUMNS}
  ), marked as (
    update claim_codes set claimed = true where id = (select claim_code_id from inserted) and not claimed
  )
  select found.id as code_id, found.site_id as code_site_id, found.badge_id as code_badge_id, found.code as code_code,
         found.claimed as code_claimed, found.email as code_email, found.multiuse as code_multiuse,
         found.request_key as code_request_key, found.created_at as code_created_at, inserted.*
    from found left join inserted on true`;

/** repeat_seq comes from the id sequence, so that a repeat orders against the claims made since. */
const REPEAT_CLAIM = `
  update claims set repeat_seq = nextval('claims_id_seq'), repeat_email = $2
   where claim_code_id = $1 and email is not null and lower(email) = lower($2)
  returning ${CLAIM_COLUMNS}`;

const MARK_AWARDED = `
  update claims set state = 'awarded', earned_badge_id = marks.earned_badge_id
    from unnest($1::bigint[], $2::uuid[]) as marks (id, earned_badge_id)
   where claims.id = marks.id and claims.state = 'pending'`;
