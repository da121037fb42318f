/**
 * The claims table: one row per claim, which is also the claim's pending
 * award until issuance confirmed it (see the migration).
 */
import type { Knex } from '@laurel/service-kit';

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
}

export type NewClaim = Omit<ClaimRow, 'id' | 'earned_badge_id' | 'attempts' | 'next_attempt_at' | 'created_at'>;

/** How long the request that made a pending claim has to finish it before the sweep may. */
export const REQUEST_GRACE_MS = 5_000;

export class ClaimStore {
  constructor(private readonly db: Knex) {}

  /**
   * The earlier claim that decides this one: for a single-use code its one
   * claim; for a multi-use code this email's claim, or the claim made by the
   * same request key.
   */
  async prior(trx: Knex, codeId: string, singleUse: boolean, email: string | null, requestKey: string): Promise<ClaimRow | undefined> {
    if (singleUse) return trx<ClaimRow>('claims').where({ claim_code_id: codeId }).orderBy('id').first();
    // Two probes, one per index (claims_per_email, claims_code_request_key), rather than one OR that
    // no index serves: the OR read every claim ever made (migration 0002).
    const probes: Knex.QueryBuilder[] = [];
    if (email) probes.push(trx<ClaimRow>('claims').where({ claim_code_id: codeId }).whereNotNull('email').whereRaw('lower(email) = lower(?)', [email]));
    if (requestKey) probes.push(trx<ClaimRow>('claims').where({ claim_code_id: codeId, request_key: requestKey }));
    const [first, ...rest] = probes;
    if (!first) return undefined;
    const rows = (await (rest.length === 0 ? first : first.unionAll(rest, true)).orderBy('id').limit(1)) as ClaimRow[];
    return rows[0];
  }

  /**
   * Records a claim and marks its code claimed by the claimant, in one
   * statement (one round trip fewer on every claim); the caller holds the
   * code's row lock.
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

  async markAwarded(id: string, earnedBadgeId: string): Promise<void> {
    await this.db('claims').where({ id, state: 'pending' }).update({ state: 'awarded', earned_badge_id: earnedBadgeId });
  }

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
