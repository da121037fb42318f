/**
 * The `members` table and each site's userId sequence.
 *
 * A create first advances the site's row in `member_sequences`, which locks
 * it until the transaction ends: creates within one site run one after the
 * other (creates in different sites do not wait for each other), every batch
 * gets a distinct, gap-free range of userIds, and the look-up of clashing
 * usernames and emails that follows sees every member committed before it.
 * The lower() unique indexes remain the guarantee; the look-up only lets the
 * caller name each clashing element.
 */
import {
  DomainError,
  inInputOrder,
  isUniqueViolation,
  preparedQuery,
  sharedStatement,
  type Knex,
} from '@laurel/service-kit';
import { conflictMessage, type Member, type NewMember, type Role, type UniqueField } from '../domain/members.js';

export interface MemberRecord extends Member {
  passwordHash: string | null;
}

export type MemberInsert = Omit<NewMember, 'password'> & { passwordHash?: string };

export interface MemberChange {
  email?: string;
  role?: Role;
  /** null removes the password. */
  passwordHash?: string | null;
}

export type CreateResult = { created: MemberRecord[] } | { taken: Pick<NewMember, UniqueField>[] };

interface MemberRow {
  user_id: string;
  username: string;
  email: string;
  role: Role;
  password_hash: string | null;
}

const COLUMNS = ['user_id', 'username', 'email', 'role', 'password_hash'];

const toRecord = (row: MemberRow): MemberRecord => ({
  userId: Number(row.user_id),
  username: row.username,
  email: row.email,
  role: row.role,
  passwordHash: row.password_hash,
});

/**
 * Each (site, email) of the input with its member's userId, by the input's
 * position: one probe of members_site_email_key each (lateral, limit 1), so
 * that a plan made once per connection while the table was small does not
 * scan every member as the table grows.
 */
const USER_ID_BY_EMAIL = `select input.position, member.user_id
  from unnest($1::bigint[], $2::text[]) with ordinality as input(site_id, email, position)
  cross join lateral (select user_id from members where members.site_id = input.site_id and lower(members.email) = lower(input.email) limit 1) member`;

const UNIQUE_INDEXES: Record<string, UniqueField> = {
  members_site_username_key: 'username',
  members_site_email_key: 'email',
};

/** A unique violation the look-up could not foresee (a concurrent email change), as a conflict naming the field. */
function asConflict(error: unknown, values: Partial<Record<UniqueField, string>>): unknown {
  for (const [index, field] of Object.entries(UNIQUE_INDEXES)) {
    const value = values[field];
    if (isUniqueViolation(error, index))
      return DomainError.conflict('member', field, [
        { field, ...(value !== undefined && { value }), message: conflictMessage(field) },
      ]);
  }
  return error;
}

class Taken extends Error {
  constructor(readonly taken: Pick<NewMember, UniqueField>[]) {
    super('taken');
  }
}

export class MemberStore {
  constructor(private readonly db: Knex) {}

  /** All or nothing: either every member is created, or none is and the clashing existing members are returned. */
  async createAll(siteId: string, members: readonly MemberInsert[]): Promise<CreateResult> {
    try {
      const created = await this.db.transaction(async (trx) => {
        const last = await this.advanceSequence(trx, siteId, members.length);
        const taken = await this.findTaken(siteId, members, trx);
        if (taken.length > 0) throw new Taken(taken);
        const first = last - members.length + 1;
        // One multi-row insert for the whole batch (architecture.md, "Storage").
        const rows = await trx('members')
          .insert(
            members.map((m, i) => ({
              site_id: siteId,
              user_id: first + i,
              username: m.username,
              email: m.email,
              role: m.role,
              password_hash: m.passwordHash ?? null,
            })),
          )
          .returning<MemberRow[]>(COLUMNS);
        return rows.map(toRecord).sort((a, b) => a.userId - b.userId);
      });
      return { created };
    } catch (error) {
      if (error instanceof Taken) return { taken: error.taken };
      throw asConflict(error, {});
    }
  }

  /** The site's members whose username or email (ignoring case) one of `members` would repeat. */
  async findTaken(
    siteId: string,
    members: readonly Pick<NewMember, UniqueField>[],
    db: Knex = this.db,
  ): Promise<Pick<NewMember, UniqueField>[]> {
    return (await db('members')
      .select('username', 'email')
      .where({ site_id: siteId })
      .andWhere((q) => {
        q.whereRaw('lower(username) = any(?)', [members.map((m) => m.username.toLowerCase())]).orWhereRaw(
          'lower(email) = any(?)',
          [members.map((m) => m.email.toLowerCase())],
        );
      })) as Pick<NewMember, UniqueField>[];
  }

  /** Reserves `count` userIds and returns the last; the row stays locked until the transaction ends. */
  private async advanceSequence(trx: Knex.Transaction, siteId: string, count: number): Promise<number> {
    const result = await trx.raw<{ rows: { last_user_id: string }[] }>(
      `insert into member_sequences (site_id, last_user_id) values (?, ?)
       on conflict (site_id) do update set last_user_id = member_sequences.last_user_id + excluded.last_user_id
       returning last_user_id`,
      [siteId, count],
    );
    const last = result.rows[0]?.last_user_id;
    if (last === undefined) throw new Error('member sequence returned no row');
    return Number(last);
  }

  /**
   * The userId of the site's member with this email (compared
   * case-insensitively), if there is one. Asked before every BadgeKit award of
   * a repeatable badge, so look-ups made while another is in flight share one
   * prepared statement (shared-statement.ts): one round trip for many awards.
   */
  userIdByEmail(siteId: string, email: string): Promise<string | undefined> {
    return this.userIdLookup({ siteId, email });
  }

  private readonly userIdLookup = sharedStatement((lookups: readonly { siteId: string; email: string }[]) =>
    this.userIdsByEmail(lookups),
  );

  private async userIdsByEmail(lookups: readonly { siteId: string; email: string }[]): Promise<(string | undefined)[]> {
    const rows = await preparedQuery<{ position: string; user_id: string }>(
      this.db,
      'members.user-id-by-email',
      USER_ID_BY_EMAIL,
      [lookups.map((l) => l.siteId), lookups.map((l) => l.email)],
    );
    return inInputOrder(rows, lookups.length).map((row) => row && String(row.user_id));
  }

  async find(siteId: string, userId: number): Promise<MemberRecord | undefined> {
    const row = (await this.db('members').select(COLUMNS).where({ site_id: siteId, user_id: userId }).first()) as
      MemberRow | undefined;
    return row && toRecord(row);
  }

  async update(siteId: string, userId: number, change: MemberChange): Promise<MemberRecord | undefined> {
    const columns: Record<string, unknown> = { updated_at: new Date() };
    if (change.email !== undefined) columns.email = change.email;
    if (change.role !== undefined) columns.role = change.role;
    if (change.passwordHash !== undefined) columns.password_hash = change.passwordHash;
    try {
      const [row] = await this.db('members')
        .where({ site_id: siteId, user_id: userId })
        .update(columns)
        .returning<MemberRow[]>(COLUMNS);
      return row && toRecord(row);
    } catch (error) {
      throw asConflict(error, { ...(change.email !== undefined && { email: change.email }) });
    }
  }
}
