/**
 * Login tokens of members, shared by the KickApps (`t`) and v2 (`strToken`)
 * families. A token is 32 random bytes in base64url; only its SHA-256 is
 * stored. Also the member look-ups a login needs (by username or email,
 * ignoring case), the failed-login window, and the v2 outcomes a later
 * BadgeAssignment names by refId.
 */
import { createHash, randomBytes } from 'node:crypto';
import { inInputOrder, noResults, preparedQuery, sharedStatement, type Knex } from '@laurel/service-kit';
import type { Role } from '../domain/members.js';

export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
export const TOKEN_BYTES = 32;
/** Failed logins of one login name within FAILURE_WINDOW_MS before logins are refused (v2 -38). */
export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export interface LoginMember {
  siteId: string;
  userId: string;
  username: string;
  email: string;
  role: Role;
  passwordHash: string | null;
}

export type TokenCheck = { state: 'valid'; member: LoginMember } | { state: 'unknown' } | { state: 'expired' };

interface MemberRow {
  site_id: string;
  user_id: string;
  username: string;
  email: string;
  role: Role;
  password_hash: string | null;
}

type TokenRow = MemberRow & { expired: boolean };

/** Each token hash's unrevoked token with its member, by the position of the hash (the primary key finds each). */
const CHECK_TOKENS = `
  select input.position, m.site_id, m.user_id, m.username, m.email, m.role, m.password_hash, t.expires_at <= now() as expired
    from unnest($1::bytea[]) with ordinality as input(token_hash, position)
    join login_tokens t on t.token_hash = input.token_hash and t.revoked_at is null
    join members m on m.site_id = t.site_id and m.user_id = t.user_id`;

const toMember = (row: MemberRow): LoginMember => ({
  siteId: String(row.site_id),
  userId: String(row.user_id),
  username: row.username,
  email: row.email,
  role: row.role,
  passwordHash: row.password_hash,
});

const digest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

export const isAdminRole = (role: Role): boolean => role === 'EDITOR' || role === 'WEBMASTER';

export class TokenStore {
  constructor(
    private readonly db: Knex,
    private readonly ttlMs = TOKEN_TTL_MS,
  ) {}

  async issue(siteId: string, userId: string): Promise<string> {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    await this.db('login_tokens').insert({
      token_hash: digest(token),
      site_id: siteId,
      user_id: userId,
      expires_at: new Date(Date.now() + this.ttlMs),
    });
    return token;
  }

  /**
   * The token's member; a token of a deleted member is unknown. `siteId`, when given, must be the token's
   * site. Every v2 and KickApps request with a token checks it, so checks made while another is in
   * flight share one prepared statement (shared-statement.ts): one round trip for many requests.
   */
  async check(token: string, siteId?: string): Promise<TokenCheck> {
    if (!token) return { state: 'unknown' };
    const row = await this.checkShared(digest(token));
    if (!row || (siteId !== undefined && String(row.site_id) !== siteId)) return { state: 'unknown' };
    if (row.expired) return { state: 'expired' };
    return { state: 'valid', member: toMember(row) };
  }

  private readonly checkShared = sharedStatement(async (hashes: readonly Buffer[]) => {
    const rows = await preparedQuery<TokenRow & { position: string }>(this.db, 'gateway.check-tokens', CHECK_TOKENS, [
      hashes,
    ]);
    return inInputOrder(rows, hashes.length);
  });

  async revoke(token: string): Promise<boolean> {
    const n = await this.db('login_tokens')
      .where({ token_hash: digest(token) })
      .whereNull('revoked_at')
      .update({ revoked_at: this.db.fn.now() });
    return n > 0;
  }

  async findMember(siteId: string, by: 'username' | 'email', value: string): Promise<LoginMember | undefined> {
    const row = await this.db('members')
      .where({ site_id: siteId })
      .whereRaw(`lower(${by}) = lower(?)`, [value])
      .first<MemberRow | undefined>('site_id', 'user_id', 'username', 'email', 'role', 'password_hash');
    return row && toMember(row);
  }

  async findMemberById(siteId: string, userId: string): Promise<LoginMember | undefined> {
    const row = await this.db('members')
      .where({ site_id: siteId, user_id: userId })
      .first<MemberRow | undefined>('site_id', 'user_id', 'username', 'email', 'role', 'password_hash');
    return row && toMember(row);
  }

  async recentFailures(siteId: string, login: string): Promise<number> {
    const [row] = await this.db('login_failures')
      .where({ site_id: siteId })
      .whereRaw('lower(login) = lower(?)', [login])
      .andWhere('failed_at', '>', new Date(Date.now() - FAILURE_WINDOW_MS))
      .count<{ n: string }[]>({ n: '*' });
    return Number(row?.n ?? 0);
  }

  async recordFailure(siteId: string, login: string): Promise<void> {
    await this.db('login_failures').insert({ site_id: siteId, login: login.slice(0, 255) });
  }

  /**
   * Remembers a published v2 outcome (its refId) for BadgeAssignment, before
   * it is answered; a replay changes nothing. Concurrent outcomes share one
   * statement and one commit (shared-statement.ts).
   */
  recordOutcome(eventId: string, siteId: string, userId: string, outcomeCode: string): Promise<void> {
    return this.outcomes({ eventId, siteId, userId, outcomeCode });
  }

  /** The member and outcome code of a recorded v2 outcome of the site (BadgeAssignment's refId). */
  async findOutcome(eventId: string, siteId: string): Promise<{ userId: string; outcomeCode: string } | undefined> {
    const row = await this.db('v2_outcomes')
      .where({ event_id: eventId, site_id: siteId })
      .first<{ user_id: string; outcome_code: string } | undefined>('user_id', 'outcome_code');
    return row && { userId: String(row.user_id), outcomeCode: row.outcome_code };
  }

  private readonly outcomes = sharedStatement(async (records: readonly OutcomeRecord[]) => {
    await preparedQuery(this.db, 'gateway.record-outcomes', RECORD_OUTCOMES, [
      records.map((r) => r.eventId),
      records.map((r) => r.siteId),
      records.map((r) => r.userId),
      records.map((r) => r.outcomeCode),
    ]);
    return noResults(records);
  });
}

interface OutcomeRecord {
  eventId: string;
  siteId: string;
  userId: string;
  outcomeCode: string;
}

const RECORD_OUTCOMES = `
  insert into v2_outcomes (event_id, site_id, user_id, outcome_code)
  select * from unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::text[])
  on conflict (event_id) do nothing`;
