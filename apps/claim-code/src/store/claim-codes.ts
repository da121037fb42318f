/**
 * The claim_codes table. Lookups compare codes as the unique index does
 * (lower(rtrim(code))), so each is one index probe. A code is read with the
 * email it shows (§8.7): for a multi-use code with claims, its latest
 * claimant, which claims no longer write on the code (migration 0003);
 * otherwise the email the code was created or (single-use) claimed with.
 */
import { inInputOrder, preparedQuery, sharedStatement, type Knex } from '@laurel/service-kit';

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

/** New codes for a badge, drawn (or chosen by the client) for one request. */
export interface CodeDraw {
  siteId: string;
  badgeId: string;
  codes: readonly NewCode[];
  /** Stored on every code. Retries of the request carry it too: see `replayable`. */
  requestKey: string | null;
  /**
   * Whether a code of the badge that carries `requestKey` already makes this draw a replay that inserts
   * nothing (a request's first draw). False for a redraw after a collision, which would find the codes of
   * its own first draw, and for a client-chosen code, whose retry is recognised by the code itself.
   */
  replayable: boolean;
}

/** What a draw wrote: its codes that did not collide with existing ones, or nothing when it was a replay. */
export interface DrawnCodes {
  inserted: ClaimCodeRow[];
  replay: boolean;
}

/** How a request names a code: within its badge, in its site. */
export interface CodeLookup {
  siteId: string;
  badgeId: string;
  code: string;
}

/**
 * A code's key in SQL: the expression of the unique index (migration 0001), so
 * that a lookup by it is an index probe. The same rule in JS is codeKey
 * (domain/codes.ts), which its unit test pins.
 */
export const sqlCodeKey = (code: string): string => `lower(rtrim(${code}))`;

const SAME_CODE = `${sqlCodeKey('c.code')} = ${sqlCodeKey('?')}`;

/**
 * Codes with the email they show. The latest claim of a multi-use code is
 * one probe of claims_latest, ordered as ClaimStore.repeat moves a claim to
 * the front; single-use codes skip the probe.
 */
const shown = (codes: string, rest: string, leading = '') => `
  select ${leading}c.id, c.site_id, c.badge_id, c.code, c.claimed, c.multiuse, c.request_key, c.created_at,
         case when latest.found then latest.email else c.email end as email
    from ${codes} c
    left join lateral (
      select true as found, coalesce(l.repeat_email, l.email) as email from claims l
       where l.claim_code_id = c.id and c.multiuse
       order by coalesce(l.repeat_seq, l.id) desc limit 1) latest on true
  ${rest}`;

/**
 * find for many lookups in one statement: each code found, with the position
 * of the lookup that found it. One prepared plan for any number (arrays).
 * Each lookup is its own index probe (lateral, limit 1: the code is unique in
 * its badge), whatever the planner estimated when it planned the statement
 * once for the connection: a plan made while the table was small (a hash join
 * over all codes) would otherwise be kept as the table grows.
 */
const FIND_MANY = shown(
  `(select input.position, found.*
      from unnest($1::bigint[], $2::bigint[], $3::text[]) with ordinality as input(badge_id, site_id, code, position)
      cross join lateral (
        select * from claim_codes where claim_codes.badge_id = input.badge_id and claim_codes.site_id = input.site_id
                                    and ${sqlCodeKey('claim_codes.code')} = ${sqlCodeKey('input.code')} limit 1) found)`,
  '',
  'c.position, ',
);

/**
 * Many draws in one statement (ClaimCodeStore.draw), and the one insert of claim_codes: each input row is a
 * code with the position of its draw. A replayable draw whose key is on a code of its badge already inserts
 * nothing and comes back as a replay
 * (a lateral probe per code, limit 1: an `exists` could be planned as a hash join reading every keyed
 * code of the table, and a prepared plan keeps that choice while the table grows);
 * the others insert their codes, skipping those that collide (on conflict do nothing). Each input row
 * comes back once, with the row it inserted, if any (codes are inserted exactly as given, so the code
 * finds its row).
 */
const DRAW_MANY = `
  with input as (
    select * from unnest($1::int[], $2::bigint[], $3::bigint[], $4::text[], $5::boolean[], $6::text[], $7::boolean[], $8::text[], $9::boolean[])
      with ordinality as input(draw, site_id, badge_id, code, claimed, email, multiuse, request_key, replayable, position)),
  replays as (
    select distinct input.draw from input
      cross join lateral (
        select from claim_codes c where c.site_id = input.site_id and c.badge_id = input.badge_id and c.request_key = input.request_key limit 1) earlier
     where input.replayable and input.request_key is not null),
  inserted as (
    insert into claim_codes (site_id, badge_id, code, claimed, email, multiuse, request_key)
    select site_id, badge_id, code, claimed, email, multiuse, request_key from input
     where draw not in (select draw from replays)
     order by position
    on conflict do nothing
    returning *)
  select input.draw, input.draw in (select draw from replays) as replay, inserted.*
    from input left join inserted on inserted.badge_id = input.badge_id and inserted.code = input.code
   order by input.position`;

export class ClaimCodeStore {
  constructor(private readonly db: Knex) {}

  private async read(sql: string, bindings: readonly Knex.RawBinding[], db: Knex = this.db): Promise<ClaimCodeRow[]> {
    return (await db.raw<{ rows: ClaimCodeRow[] }>(sql, bindings)).rows;
  }

  async list(
    siteId: string,
    badgeId: string,
    window?: { offset: number; limit: number },
  ): Promise<{ rows: ClaimCodeRow[]; total: number }> {
    const scope = 'where c.site_id = ? and c.badge_id = ?';
    const rowsQuery = window
      ? this.read(shown('claim_codes', `${scope} order by c.id offset ? limit ?`), [
          siteId,
          badgeId,
          window.offset,
          window.limit,
        ])
      : this.read(shown('claim_codes', `${scope} order by c.id`), [siteId, badgeId]);
    const counting = window
      ? this.db<ClaimCodeRow>('claim_codes')
          .where({ site_id: siteId, badge_id: badgeId })
          .count<{ n: string }[]>({ n: '*' })
      : undefined;
    const [rows, counted] = await Promise.all([rowsQuery, counting]);
    return { rows, total: counted ? Number(counted[0]?.n ?? 0) : rows.length };
  }

  /**
   * The code as shown. Read before every claim and on every GET of a code, so
   * look-ups made while another is in flight share one prepared statement
   * (shared-statement.ts): one round trip for many requests.
   */
  find(lookup: CodeLookup): Promise<ClaimCodeRow | undefined> {
    return this.lookup(lookup);
  }

  private readonly lookup = sharedStatement((lookups: readonly CodeLookup[]) => this.findMany(lookups));

  private async findMany(lookups: readonly CodeLookup[]): Promise<(ClaimCodeRow | undefined)[]> {
    const rows = await preparedQuery<ClaimCodeRow & { position: string }>(this.db, 'claim-codes.find-many', FIND_MANY, [
      lookups.map((l) => l.badgeId),
      lookups.map((l) => l.siteId),
      lookups.map((l) => l.code),
    ]);
    return inInputOrder(rows, lookups.length).map((row) => {
      if (!row) return undefined;
      const { position: _position, ...code } = row;
      return code;
    });
  }

  /**
   * The code under its row lock, as stored: only single-use codes are
   * claimed under it, and they keep their claimant on the row.
   */
  async lock(trx: Knex, lookup: CodeLookup): Promise<ClaimCodeRow | undefined> {
    const rows = await this.read(
      `select * from claim_codes c where c.badge_id = ? and c.site_id = ? and ${SAME_CODE} for update`,
      [lookup.badgeId, lookup.siteId, lookup.code],
      trx,
    );
    return rows[0];
  }

  /** Every code of the site equal to `code`, lowest badge id first (§8.8). */
  async findInSite(siteId: string, code: string): Promise<ClaimCodeRow[]> {
    return this.read(shown('claim_codes', `where c.site_id = ? and ${SAME_CODE} order by c.badge_id`), [siteId, code]);
  }

  async byRequestKey(siteId: string, badgeId: string, key: string): Promise<ClaimCodeRow[]> {
    return this.read(
      shown('claim_codes', 'where c.site_id = ? and c.badge_id = ? and c.request_key = ? order by c.id'),
      [siteId, badgeId, key],
    );
  }

  /**
   * Inserts a draw of new codes, unless it is a replay (CodeDraw.replayable), skipping (not failing) the
   * codes that already exist for the badge, so that the caller can redraw only those. POST …/codes/random
   * makes one per request, so draws made while another is in flight share one statement and one
   * commit (shared-statement.ts).
   */
  draw(draw: CodeDraw): Promise<DrawnCodes> {
    return this.drawShared(draw);
  }

  private readonly drawShared = sharedStatement((draws: readonly CodeDraw[]) => this.drawMany(draws));

  private async drawMany(draws: readonly CodeDraw[]): Promise<DrawnCodes[]> {
    const rows = draws.flatMap((draw, index) => draw.codes.map((code) => ({ draw: index + 1, ...draw, ...code })));
    const found = await preparedQuery<Partial<ClaimCodeRow> & { draw: number; replay: boolean }>(
      this.db,
      'claim-codes.draw-many',
      DRAW_MANY,
      [
        rows.map((r) => r.draw),
        rows.map((r) => r.siteId),
        rows.map((r) => r.badgeId),
        rows.map((r) => r.code),
        rows.map((r) => r.claimed),
        rows.map((r) => r.email),
        rows.map((r) => r.multiuse),
        rows.map((r) => r.requestKey),
        rows.map((r) => r.replayable),
      ],
    );
    const answers = draws.map((): DrawnCodes => ({ inserted: [], replay: false }));
    // Two draws of one badge could draw the same code; the row goes to the first, the other redraws it.
    const taken = new Set<string>();
    for (const { draw, replay, ...row } of found) {
      const answer = answers[draw - 1];
      if (!answer) continue;
      if (replay) answer.replay = true;
      else if (row.id !== undefined && row.id !== null && !taken.has(row.id)) {
        taken.add(row.id);
        answer.inserted.push(row as ClaimCodeRow);
      }
    }
    return answers;
  }

  /** Deletes a code and answers it as it was shown; its claims stay (a pending award must not be lost). */
  async delete(siteId: string, badgeId: string, code: string): Promise<ClaimCodeRow | undefined> {
    const rows = await this.read(
      `with deleted as (delete from claim_codes c where c.site_id = ? and c.badge_id = ? and ${SAME_CODE} returning *) ${shown('deleted', '')}`,
      [siteId, badgeId, code],
    );
    return rows[0];
  }

  /** A single-use code's claimant, written under the code's row lock. */
  async markClaimed(trx: Knex, id: string, email: string | null): Promise<ClaimCodeRow> {
    const rows = await trx<ClaimCodeRow>('claim_codes').where({ id }).update({ claimed: true, email }).returning('*');
    const row = rows[0];
    if (!row) throw new Error(`claim code ${id} vanished under its row lock`);
    return row;
  }
}
