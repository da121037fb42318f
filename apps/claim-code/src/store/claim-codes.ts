/**
 * The claim_codes table. Lookups compare codes as the unique index does
 * (lower(rtrim(code))), so each is one index probe.
 */
import type { Knex } from '@laurel/service-kit';

export interface ClaimCodeRow {
  id: string;
  site_id: string;
  badge_id: string;
  code: string;
  claimed: boolean;
  email: string | null;
  multiuse: boolean;
  request_key: string | null;
  created_at: Date;
}

export interface NewCode {
  code: string;
  claimed: boolean;
  email: string | null;
  multiuse: boolean;
}

const SAME_CODE = 'lower(rtrim(code)) = lower(rtrim(?))';

export class ClaimCodeStore {
  constructor(private readonly db: Knex) {}

  async list(siteId: string, badgeId: string, window?: { offset: number; limit: number }): Promise<{ rows: ClaimCodeRow[]; total: number }> {
    const scope = () => this.db<ClaimCodeRow>('claim_codes').where({ site_id: siteId, badge_id: badgeId });
    const rowsQuery = scope().orderBy('id');
    if (window) rowsQuery.offset(window.offset).limit(window.limit);
    const [rows, counted] = await Promise.all([rowsQuery, window ? scope().count<{ n: string }[]>({ n: '*' }) : undefined]);
    return { rows, total: counted ? Number(counted[0]?.n ?? 0) : rows.length };
  }

  async find(db: Knex, siteId: string, badgeId: string, code: string, options: { forUpdate?: boolean } = {}): Promise<ClaimCodeRow | undefined> {
    const query = db<ClaimCodeRow>('claim_codes').where({ badge_id: badgeId, site_id: siteId }).whereRaw(SAME_CODE, [code]).first();
    if (options.forUpdate) query.forUpdate();
    return query;
  }

  /** Every code of the site equal to `code`, lowest badge id first (§8.8). */
  async findInSite(siteId: string, code: string): Promise<ClaimCodeRow[]> {
    return this.db<ClaimCodeRow>('claim_codes').where({ site_id: siteId }).whereRaw(SAME_CODE, [code]).orderBy('badge_id');
  }

  async byRequestKey(siteId: string, badgeId: string, key: string): Promise<ClaimCodeRow[]> {
    return this.db<ClaimCodeRow>('claim_codes').where({ site_id: siteId, badge_id: badgeId, request_key: key }).orderBy('id');
  }

  /**
   * Inserts all codes in one statement. Codes that already exist for the
   * badge are skipped, not failed, so that the caller can tell which ones
   * collided and redraw only those.
   */
  async insertMany(siteId: string, badgeId: string, codes: NewCode[], requestKey: string | null): Promise<ClaimCodeRow[]> {
    if (codes.length === 0) return [];
    const result = await this.db.raw<{ rows: ClaimCodeRow[] }>(
      `insert into claim_codes (site_id, badge_id, code, claimed, email, multiuse, request_key)
       select ?, ?, c.code, c.claimed, c.email, c.multiuse, ?
         from rows from (jsonb_to_recordset(?::jsonb) as (code text, claimed boolean, email text, multiuse boolean)) with ordinality as c(code, claimed, email, multiuse, ord)
        order by c.ord
       on conflict do nothing
       returning *`,
      [siteId, badgeId, requestKey, JSON.stringify(codes)],
    );
    return result.rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  async delete(siteId: string, badgeId: string, code: string): Promise<ClaimCodeRow | undefined> {
    const rows = await this.db<ClaimCodeRow>('claim_codes').where({ site_id: siteId, badge_id: badgeId }).whereRaw(SAME_CODE, [code]).delete().returning('*');
    return rows[0];
  }

  async markClaimed(trx: Knex, id: string, email: string | null): Promise<ClaimCodeRow> {
    const rows = await trx<ClaimCodeRow>('claim_codes').where({ id }).update({ claimed: true, email }).returning('*');
    const row = rows[0];
    if (!row) throw new Error(`claim code ${id} vanished under its row lock`);
    return row;
  }
}
