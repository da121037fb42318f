/**
 * The claims table: one row per claim, which is also the claim's pending
 * award until issuance confirmed it (see the migrations).
 */
import { inInputOrder, noResults, preparedQuery, sharedStatement, type Knex } from '@laurel/service-kit';
import { sqlCodeKey, type ClaimCodeRow, type CodeLookup } from './claim-codes.js';

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

export type NewClaim = Omit<
  ClaimRow,
  'id' | 'earned_badge_id' | 'attempts' | 'next_attempt_at' | 'created_at' | 'repeat_seq' | 'repeat_email'
>;

/** What a claim records beyond its code. */
export type ClaimDetails = Omit<NewClaim, 'claim_code_id' | 'single_use' | 'site_id' | 'badge_id' | 'code'>;

/** The code a multi-use claim found, and the claim it recorded unless this email had claimed the code before. */
export interface MultiUseAttempt {
  code: ClaimCodeRow | undefined;
  claim: ClaimRow | undefined;
}

/** A multi-use claim as submitted: the code it names and what it records. */
interface MultiUseClaim {
  lookup: CodeLookup;
  details: ClaimDetails;
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
   * Claims a multi-use code in one statement, without locking the code: finds
   * the code, records the claim unless this email already claimed it
   * (claims_per_email decides a race between two requests of one email), and
   * marks the code claimed if this is its first claim. A code already claimed
   * is not written, so claims of one code never queue on its row. Finds a
   * single-use code without claiming it: those are claimed under the code's
   * row lock. Claims that arrive while another claim statement is in flight
   * share the next one (shared-statement.ts): under load one round trip and one
   * commit for many claims instead of one each; alone, a claim goes at once.
   */
  claimMultiUse(lookup: CodeLookup, details: ClaimDetails): Promise<MultiUseAttempt> {
    return this.multiUseClaim({ lookup, details });
  }

  /** Claims as one autocommitted prepared statement: each one's attempt, in the order given. */
  private async claimAll(claims: readonly MultiUseClaim[]): Promise<MultiUseAttempt[]> {
    const values = [...MULTI_USE_INPUT.map(([, , valueOf]) => claims.map(valueOf)), REQUEST_GRACE_MS];
    const rows = await preparedQuery<MultiUseRow>(this.db, 'claim-codes.claim-multi-use', CLAIM_MULTI_USE, values);
    return inInputOrder(rows, claims.length).map((row, i) => {
      if (!row) throw new Error(`claim statement answered no row for claim ${i + 1} of ${claims.length}`);
      return attemptOf(row);
    });
  }

  private readonly multiUseClaim = sharedStatement((claims: readonly MultiUseClaim[]) => this.claimAll(claims));

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
      .insert({
        ...claim,
        next_attempt_at: trx.raw(`now() + interval '${REQUEST_GRACE_MS} milliseconds'`) as unknown as Date,
      })
      .returning('*');
    const marked = trx('claim_codes')
      .where({ id: claim.claim_code_id })
      .update({ claimed: true, email: claim.email })
      .returning('id');
    const rows = await trx
      .with('inserted', inserted)
      .with('marked', marked)
      .select<ClaimRow[]>('inserted.*')
      .from('inserted')
      .crossJoin(trx.raw('marked'));
    const row = rows[0];
    if (!row) throw new Error('claim insert returned nothing');
    return row;
  }

  /**
   * Marks a claim awarded once issuance confirmed it. Concurrent claims share
   * one statement (shared-statement.ts): under load, one round trip and one commit
   * for many claims instead of one each; alone, a claim is marked at once.
   */
  markAwarded(id: string, earnedBadgeId: string): Promise<void> {
    return this.awardedMark({ id, earnedBadgeId });
  }

  private readonly awardedMark = sharedStatement(async (marks: readonly { id: string; earnedBadgeId: string }[]) => {
    await preparedQuery(this.db, 'claim-codes.mark-awarded', MARK_AWARDED, [
      marks.map((m) => m.id),
      marks.map((m) => m.earnedBadgeId),
    ]);
    return noResults(marks);
  });

  /**
   * Undoes a claim whose award can never be made (the badge was archived or
   * deleted meanwhile), so that a single-use code is not lost (D-11).
   */
  async undo(claim: ClaimRow): Promise<void> {
    await this.db.transaction(async (trx) => {
      await trx('claims').where({ id: claim.id }).delete();
      const left = await trx<ClaimRow>('claims').where({ claim_code_id: claim.claim_code_id }).first('id');
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
  id: true,
  claim_code_id: true,
  single_use: true,
  site_id: true,
  badge_id: true,
  code: true,
  email: true,
  user_id: true,
  state: true,
  earned_badge_id: true,
  request_key: true,
  uid: true,
  issued_on: true,
  expires: true,
  comment: true,
  public_origin: true,
  attempts: true,
  next_attempt_at: true,
  created_at: true,
  repeat_seq: true,
  repeat_email: true,
};
const CLAIM_COLUMNS = Object.keys(CLAIM_COLUMN_SET).join(', ');

type CodeColumns = { [K in keyof ClaimCodeRow as `code_${K}`]: ClaimCodeRow[K] | null };
/** A claim's position in its batch (from 1), the code it found (all null when none) and its inserted claim (all null when nothing was inserted). */
type MultiUseRow = { position: string } & CodeColumns & { [K in keyof ClaimRow]: ClaimRow[K] | null };

function attemptOf(row: MultiUseRow): MultiUseAttempt {
  const {
    position: _position,
    code_id,
    code_site_id,
    code_badge_id,
    code_code,
    code_claimed,
    code_email,
    code_multiuse,
    code_request_key,
    code_created_at,
    ...claim
  } = row;
  return {
    // The code's non-null columns are null only when no code was found.
    code:
      code_id === null
        ? undefined
        : ({
            id: code_id,
            site_id: code_site_id,
            badge_id: code_badge_id,
            code: code_code,
            claimed: code_claimed,
            email: code_email,
            multiuse: code_multiuse,
            request_key: code_request_key,
            created_at: code_created_at,
          } as ClaimCodeRow),
    // Every column of an inserted claim is as stored; all are null when nothing was inserted.
    claim: claim.id === null ? undefined : (claim as ClaimRow),
  };
}

/**
 * The statement's per-claim inputs, one array each, in parameter order: the
 * column name in the input, its array type, and the value a claim gives it.
 * Strings go as text[] even into varchar(n) columns (state, uid): an explicit
 * cast to varchar(n) would silently truncate a value that is too long, where
 * the insert's assignment cast refuses it, as it refused the lone claim's.
 */
const MULTI_USE_INPUT: readonly (readonly [string, string, (claim: MultiUseClaim) => string | null])[] = [
  ['badge_id', 'bigint', (c) => c.lookup.badgeId],
  ['site_id', 'bigint', (c) => c.lookup.siteId],
  ['code', 'text', (c) => c.lookup.code],
  ['email', 'text', (c) => c.details.email],
  ['user_id', 'bigint', (c) => c.details.user_id],
  ['state', 'text', (c) => c.details.state],
  ['request_key', 'text', (c) => c.details.request_key],
  ['uid', 'text', (c) => c.details.uid],
  ['issued_on', 'text', (c) => c.details.issued_on],
  ['expires', 'text', (c) => c.details.expires],
  ['comment', 'text', (c) => c.details.comment],
  ['public_origin', 'text', (c) => c.details.public_origin],
];
/** The claim details the insert takes from the input as they are. */
const CLAIM_DETAIL_INPUT = [
  'email',
  'user_id',
  'state',
  'request_key',
  'uid',
  'issued_on',
  'expires',
  'comment',
  'public_origin',
] as const satisfies readonly (keyof ClaimDetails)[];
const GRACE_PARAM = `$${MULTI_USE_INPUT.length + 1}`;

/**
 * Multi-use claims, one array per input column, so that one prepared plan
 * serves one claim or a batch of any size. Each claim's id is drawn from the
 * claims id sequence in the input, in submission order, before the insert:
 * the inserted row is then found by that id, which, unlike the email (null
 * for some claims), always tells the claims apart; and ids keep ordering
 * claims as the insert's own default did, so the latest claimant (claims_latest,
 * coalesce(repeat_seq, id)) is still the one that came last. The input is
 * materialized so that nextval runs once per claim. Two claims of one code by
 * one email in a batch: the first (in submission order) is inserted, the
 * second is skipped by ON CONFLICT DO NOTHING as it would have been alone. A
 * code is marked claimed once, by the statement of its first claim. Every
 * claim answers one row: its code (none when not found) and its inserted claim
 * (none when it conflicted, or the code is single-use). Each code is found by
 * its own index probe (lateral, limit 1), as ClaimCodeStore.find explains.
 */
const CLAIM_MULTI_USE = `
  with input as materialized (
    select nextval('claims_id_seq') as claim_id, input.*
      from unnest(${MULTI_USE_INPUT.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) with ordinality
        as input(${MULTI_USE_INPUT.map(([name]) => name).join(', ')}, position)
  ), found as (
    select input.position, c.id, c.site_id, c.badge_id, c.code, c.claimed, c.email, c.multiuse, c.request_key, c.created_at
      from input cross join lateral (
        select * from claim_codes c where c.badge_id = input.badge_id and c.site_id = input.site_id and ${sqlCodeKey('c.code')} = ${sqlCodeKey('input.code')} limit 1
      ) c
  ), inserted as (
    insert into claims (id, claim_code_id, single_use, site_id, badge_id, code, ${CLAIM_DETAIL_INPUT.join(', ')}, next_attempt_at)
    select input.claim_id, found.id, false, found.site_id, found.badge_id, found.code, ${CLAIM_DETAIL_INPUT.map((name) => `input.${name}`).join(', ')},
           now() + ${GRACE_PARAM}::integer * interval '1 millisecond'
      from input join found on found.position = input.position
     where found.multiuse
     order by input.position
    on conflict (claim_code_id, lower(email)) where email is not null do nothing
    returning ${CLAIM_COLUMNS}
  ), marked as (
    update claim_codes set claimed = true where id in (select claim_code_id from inserted) and not claimed
  )
  select input.position, found.id as code_id, found.site_id as code_site_id, found.badge_id as code_badge_id, found.code as code_code,
         found.claimed as code_claimed, found.email as code_email, found.multiuse as code_multiuse,
         found.request_key as code_request_key, found.created_at as code_created_at, inserted.*
    from input
    left join found on found.position = input.position
    left join inserted on inserted.id = input.claim_id
   order by input.position`;

/** repeat_seq comes from the id sequence, so that a repeat orders against the claims made since. */
const REPEAT_CLAIM = `
  update claims set repeat_seq = nextval('claims_id_seq'), repeat_email = $2
   where claim_code_id = $1 and email is not null and lower(email) = lower($2)
  returning ${CLAIM_COLUMNS}`;

const MARK_AWARDED = `
  update claims set state = 'awarded', earned_badge_id = marks.earned_badge_id
    from unnest($1::bigint[], $2::uuid[]) as marks (id, earned_badge_id)
   where claims.id = marks.id and claims.state = 'pending'`;
