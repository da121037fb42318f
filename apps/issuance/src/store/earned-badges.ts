/**
 * The earned_badges table. Awarding is one INSERT … ON CONFLICT DO NOTHING:
 * whichever constraint stops a row (idempotency key, non-repeatable badge,
 * uid) the database decides atomically, also under concurrent calls, and the
 * caller then reads what is there to say why. Awards outside a transaction
 * that arrive while another is being written share one statement (one round
 * trip, one commit) with the others waiting (shared-statement.ts).
 */
import {
  announceOutbox,
  DomainError,
  OUTBOX_TABLE,
  preparedQuery,
  sharedStatement,
  type Knex,
  type OutboxRowValues,
} from '@laurel/service-kit';
import type { Recipient } from '../domain/award.js';

export interface EarnedBadgeRow {
  id: string;
  seq: string;
  site_id: string;
  badge_id: string;
  user_id: string | null;
  email: string | null;
  uid: string;
  channel: string;
  idempotency_key: string;
  badge_unique: boolean;
  issued_on: Date;
  expires: Date | null;
  revoked_at: Date | null;
  revocation_reason: string | null;
  claim_code: string | null;
  evidence_url: string | null;
  recipient_salt: string;
  created_at: Date;
}

export interface NewAward {
  /** Chosen by the caller, so that the award's event can be written by the statement that inserts it. */
  id: string;
  recipient: Recipient;
  badgeId: string;
  badgeUnique: boolean;
  uid: string;
  channel: string;
  idempotencyKey: string;
  issuedOn: Date;
  expires: Date | null;
  claimCode: string | null;
  evidenceUrl: string | null;
  /**
   * Not awarded when the recipient's email, or this member id, holds the badge
   * unrevoked already: answered 'already-held' with that award.
   */
  refuseIfHeld?: { holderUserId: string | null };
}

/** The columns a new award writes, as its row will hold them. */
export type NewAwardColumns = Pick<
  EarnedBadgeRow,
  | 'id'
  | 'site_id'
  | 'badge_id'
  | 'user_id'
  | 'email'
  | 'uid'
  | 'channel'
  | 'idempotency_key'
  | 'badge_unique'
  | 'issued_on'
  | 'expires'
  | 'claim_code'
  | 'evidence_url'
>;

function columnsOf(award: NewAward): NewAwardColumns {
  return {
    id: award.id,
    site_id: award.recipient.siteId,
    badge_id: award.badgeId,
    user_id: award.recipient.userId,
    email: award.recipient.email,
    uid: award.uid,
    channel: award.channel,
    idempotency_key: award.idempotencyKey,
    badge_unique: award.badgeUnique,
    issued_on: award.issuedOn,
    expires: award.expires,
    claim_code: award.claimCode,
    evidence_url: award.evidenceUrl,
  };
}

const AWARD_COLUMNS = [
  'id',
  'site_id',
  'badge_id',
  'user_id',
  'email',
  'uid',
  'channel',
  'idempotency_key',
  'badge_unique',
  'issued_on',
  'expires',
  'claim_code',
  'evidence_url',
] as const satisfies readonly (keyof NewAwardColumns)[];

/**
 * The array type each column travels as. Strings go as text[] even into
 * varchar(n) columns: an explicit cast to varchar(n) would silently truncate a
 * value that is too long, where the insert's assignment cast refuses it.
 */
const AWARD_ARRAY_TYPES: Record<(typeof AWARD_COLUMNS)[number], string> = {
  id: 'uuid',
  site_id: 'bigint',
  badge_id: 'bigint',
  user_id: 'bigint',
  email: 'text',
  uid: 'text',
  channel: 'text',
  idempotency_key: 'text',
  badge_unique: 'boolean',
  issued_on: 'timestamptz',
  expires: 'timestamptz',
  claim_code: 'text',
  evidence_url: 'text',
};
const EVENT_ARRAY_TYPES = ['text', 'text', 'bytea', 'jsonb'] as const;
const HELD_CHECK_ARRAY_TYPES = ['boolean', 'bigint'] as const;

/**
 * Awards and their events in one statement, one array per column (so one
 * prepared plan serves one award or a batch of any size): the outbox row is
 * selected from the inserted row, joined by the id chosen in TS, so it exists
 * exactly when the award was inserted, and an award outside a transaction is
 * one autocommitted statement, one commit. A row stopped by a constraint,
 * including by another row of the same batch (ON CONFLICT DO NOTHING skips it
 * without an error), writes no event, exactly as alone. An award asked to
 * refuse a recipient who holds the badge already (BadgeKit's one award per
 * email, §16.5) is not inserted when the email or the holder's member id holds
 * it unrevoked: checked here rather than by a query before, which cost every
 * such award a round trip (issue 10); one probe per key, as findHeld, for the
 * indexes of migration 0008. Rows and events go in in submission order. Each
 * parameter appears once and in order, so `?` can stand for `$n` in a knex
 * transaction.
 */
function insertAnnounced(param: (n: number) => string): string {
  const types = [
    ...AWARD_COLUMNS.map((name) => AWARD_ARRAY_TYPES[name]),
    ...EVENT_ARRAY_TYPES,
    ...HELD_CHECK_ARRAY_TYPES,
  ];
  // A lateral probe with limit 1, never `not exists`: PostgreSQL may answer `not exists` with a hashed
  // subplan, which reads every unrevoked award of every badge once per statement; a prepared plan kept
  // that choice while the table grew, so an award's cost grew with every award ever made (issue 10).
  // A lateral subquery is run per row, and not at all when the award does not ask (a one-time filter).
  const held = (key: string) => `left join lateral (
      select true as found from earned_badges held
       where input.refuse_if_held and held.site_id = input.site_id and held.badge_id = input.badge_id and held.revoked_at is null and ${key}
       limit 1) as`;
  return `with input as (
    select * from unnest(${types.map((type, i) => `${param(i + 1)}::${type}[]`).join(', ')}) with ordinality
      as input(${AWARD_COLUMNS.join(', ')}, topic, message_key, payload, headers, refuse_if_held, holder_user_id, position)
  ), inserted as (
    insert into earned_badges (${AWARD_COLUMNS.join(', ')})
    select ${AWARD_COLUMNS.map((name) => `input.${name}`).join(', ')} from input
      ${held('held.user_id is not null and held.user_id = input.holder_user_id')} held_by_member on true
      ${held('held.email is not null and lower(held.email) = lower(input.email)')} held_by_email on true
    where held_by_member.found is null and held_by_email.found is null
    order by input.position
    on conflict do nothing
    returning *
  ), announced as (
    insert into ${OUTBOX_TABLE} (topic, message_key, payload, headers)
    select input.topic, input.message_key, input.payload, input.headers from inserted join input on input.id = inserted.id order by input.position
  )
  select * from inserted`;
}
/** The statement as a prepared one ($n) and for a knex transaction (`?`, bound in the same order). */
const INSERT_ANNOUNCED = { prepared: insertAnnounced((n) => `$${n}`), knex: insertAnnounced(() => '?') };
/** The prepared statement's text, for the test that reads its plan (award-plan.test.ts). */
export const INSERT_AWARDS_STATEMENT = INSERT_ANNOUNCED.prepared;

/** An award with its event, built in the request that makes it (the event carries that request's trace). */
interface AnnouncedAward {
  columns: NewAwardColumns;
  event: OutboxRowValues;
  refuseIfHeld: NewAward['refuseIfHeld'];
}

/** The statement's values for these awards, in its parameter order: one array per column. */
function valuesOf(awards: readonly AnnouncedAward[]): Knex.Value[] {
  return [
    ...AWARD_COLUMNS.map((name) => awards.map((award) => award.columns[name])),
    awards.map((award) => award.event.topic),
    awards.map((award) => award.event.message_key),
    awards.map((award) => award.event.payload),
    awards.map((award) => award.event.headers),
    awards.map((award) => award.refuseIfHeld !== undefined),
    awards.map((award) => award.refuseIfHeld?.holderUserId ?? null),
  ] as Knex.Value[];
}

export type InsertOutcome =
  | { kind: 'created'; row: EarnedBadgeRow }
  | { kind: 'key-exists'; row: EarnedBadgeRow }
  | { kind: 'already-held'; row: EarnedBadgeRow }
  | { kind: 'uid-taken' };

export interface RecipientQuery {
  siteId: string;
  userId: string | null;
  email: string | null;
  badgeIds: string[];
  includeRevoked: boolean;
  includeExpired: boolean;
  newestFirst: boolean;
  onePerBadge: boolean;
  window?: { offset: number; limit: number };
}

/** Awards held by a member id or an email (case-insensitively), as model.md defines a member's badges. */
function heldBy(query: Knex.QueryBuilder, userId: string | null, email: string | null): Knex.QueryBuilder {
  return query.where((q) => {
    if (userId) q.orWhere('user_id', userId);
    if (email) q.orWhereRaw('lower(email) = lower(?)', [email]);
  });
}

export class EarnedBadgeStore {
  constructor(private readonly db: Knex) {}

  /**
   * Inserts an award with the outbox row `announce` makes of it, in `db`'s
   * transaction or, given the store's own knex, as one autocommitted statement
   * shared with the awards that arrive while another is being written
   * (prepared: it is the hottest write). The relays are woken once it commits.
   * A refused award is then classified by what is there, alone or batched alike.
   */
  async insert(
    db: Knex,
    award: NewAward,
    announce: (award: NewAwardColumns) => OutboxRowValues,
  ): Promise<InsertOutcome> {
    const columns = columnsOf(award);
    // Built now, in the caller's context, not in the flush: the event carries the trace of the request that made it.
    const announced: AnnouncedAward = { columns, event: announce(columns), refuseIfHeld: award.refuseIfHeld };
    let created: EarnedBadgeRow | undefined;
    if (db === this.db) {
      created = await this.shared(announced);
    } else {
      created = db.isTransaction
        ? (await db.raw<{ rows: EarnedBadgeRow[] }>(INSERT_ANNOUNCED.knex, valuesOf([announced]))).rows[0]
        : (await this.insertAll(db, [announced]))[0];
      if (created) await announceOutbox(db);
    }
    if (created) return { kind: 'created', row: created };
    // Why not: held already is asked first, as it was asked before the insert when it was a query of its own.
    if (award.refuseIfHeld) {
      const held = await this.findHeld(
        award.recipient.siteId,
        award.badgeId,
        award.refuseIfHeld.holderUserId,
        award.recipient.email,
        db,
      );
      if (held) return { kind: 'already-held', row: held };
    }
    const byKey = await db<EarnedBadgeRow>('earned_badges')
      .where({ site_id: award.recipient.siteId, idempotency_key: award.idempotencyKey })
      .first();
    if (byKey) return { kind: 'key-exists', row: byKey };
    if (award.badgeUnique) {
      const held = (await heldBy(
        db<EarnedBadgeRow>('earned_badges')
          .where({ site_id: award.recipient.siteId, badge_id: award.badgeId, badge_unique: true })
          .whereNull('revoked_at'),
        award.recipient.userId,
        award.recipient.email,
      )
        .orderBy('seq')
        .first()) as EarnedBadgeRow | undefined;
      if (held) return { kind: 'already-held', row: held };
    }
    return { kind: 'uid-taken' };
  }

  /**
   * Awards as one autocommitted prepared statement (prepared: it is the hottest write; planned for the
   * table as it is on every call, see createDatabase): each one's row, or undefined when it was stopped.
   */
  private async insertAll(db: Knex, awards: readonly AnnouncedAward[]): Promise<(EarnedBadgeRow | undefined)[]> {
    const inserted = await preparedQuery<EarnedBadgeRow>(
      db,
      'issuance.insert-awards',
      INSERT_ANNOUNCED.prepared,
      valuesOf(awards),
    );
    const byId = new Map(inserted.map((row) => [row.id, row]));
    return awards.map((award) => byId.get(award.columns.id));
  }

  /** Common awards outside a transaction, shared with those that arrive meanwhile (shared-statement.ts); the relays are woken once per statement. */
  private readonly shared = sharedStatement(async (awards: readonly AnnouncedAward[]) => {
    const rows = await this.insertAll(this.db, awards);
    if (rows.some((row) => row)) await announceOutbox(this.db);
    return rows;
  });

  /** Marks an award revoked; undefined when it was revoked already (or does not exist). */
  async revoke(
    trx: Knex,
    siteId: string,
    key: { id?: string; uid?: string },
    reason: string,
  ): Promise<EarnedBadgeRow | undefined> {
    const query = trx<EarnedBadgeRow>('earned_badges').where({ site_id: siteId }).whereNull('revoked_at');
    if (key.id) query.where({ id: key.id });
    else query.whereRaw('lower(uid) = lower(?)', [key.uid ?? '']);
    const [row] = await query.update({ revoked_at: new Date(), revocation_reason: reason }).returning('*');
    return row;
  }

  async find(siteId: string | null, key: { id?: string; uid?: string }): Promise<EarnedBadgeRow | undefined> {
    const query = this.db<EarnedBadgeRow>('earned_badges');
    if (siteId) query.where({ site_id: siteId });
    if (key.id) {
      // Ids are UUIDs; anything else cannot name an award (and must not reach the uuid cast).
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key.id)) return undefined;
      query.where({ id: key.id });
    } else query.whereRaw('lower(uid) = lower(?)', [key.uid ?? '']);
    return query.first();
  }

  /**
   * The first unrevoked award of the badge a member id or an email holds: one
   * probe per key (migration 0008), not an OR, which the planner answered by
   * walking all the badge's awards in seq order.
   */
  async findHeld(
    siteId: string,
    badgeId: string,
    userId: string | null,
    email: string | null,
    db: Knex = this.db,
  ): Promise<EarnedBadgeRow | undefined> {
    const held = () =>
      db<EarnedBadgeRow>('earned_badges').where({ site_id: siteId, badge_id: badgeId }).whereNull('revoked_at');
    const probes: Knex.QueryBuilder[] = [];
    if (userId) probes.push(held().where({ user_id: userId }).orderBy('seq').limit(1));
    if (email)
      probes.push(held().whereNotNull('email').whereRaw('lower(email) = lower(?)', [email]).orderBy('seq').limit(1));
    const [first, ...rest] = probes;
    if (!first) return undefined;
    const rows = (await (rest.length === 0
      ? first
      : db.select('*').from(first.unionAll(rest, true).as('held')).orderBy('seq').limit(1))) as EarnedBadgeRow[];
    return rows[0];
  }

  /**
   * A count and a page read in one snapshot: read separately, an award
   * committed in between would make the total disagree with the rows.
   */
  private snapshot<T>(read: (db: Knex) => Promise<T>): Promise<T> {
    return this.db.transaction((trx) => read(trx), { isolationLevel: 'repeatable read', readOnly: true });
  }

  async listForRecipient(q: RecipientQuery): Promise<{ rows: EarnedBadgeRow[]; total: number }> {
    if (!q.userId && !q.email) throw DomainError.validation([{ field: 'recipient', value: '' }]);
    return this.snapshot(async (db) => {
      const base = heldBy(db<EarnedBadgeRow>('earned_badges').where({ site_id: q.siteId }), q.userId, q.email);
      if (q.badgeIds.length > 0) base.whereIn('badge_id', q.badgeIds);
      if (!q.includeRevoked) base.whereNull('revoked_at');
      if (!q.includeExpired)
        base.where((w) => {
          w.whereNull('expires').orWhere('expires', '>', new Date());
        });
      const order = q.newestFirst ? 'issued_on desc, seq desc' : 'seq asc';
      // One award per badge (the first in list order) when asked; counted after that.
      const source = q.onePerBadge
        ? db
            .select('*')
            .from(
              base
                .clone()
                .select('*', db.raw(`row_number() over (partition by badge_id order by ${order}) as badge_rank`))
                .as('ranked'),
            )
            .where('badge_rank', 1)
        : base.clone().select('*');
      const [{ count } = { count: '0' }] = await db
        .count<{ count: string }[]>({ count: '*' })
        .from(source.clone().as('counted'));
      const page = db.select('*').from(source.as('listed')).orderByRaw(order);
      if (q.window) page.offset(q.window.offset).limit(q.window.limit);
      return { rows: (await page) as EarnedBadgeRow[], total: Number(count) };
    });
  }

  async listForBadge(
    siteId: string,
    badgeId: string,
    options: { includeRevoked: boolean; includeExpired: boolean; window?: { offset: number; limit: number } },
  ): Promise<{ rows: EarnedBadgeRow[]; total: number }> {
    return this.snapshot(async (db) => {
      const base = db<EarnedBadgeRow>('earned_badges').where({ site_id: siteId, badge_id: badgeId });
      if (!options.includeRevoked) base.whereNull('revoked_at');
      if (!options.includeExpired)
        base.where((w) => {
          w.whereNull('expires').orWhere('expires', '>', new Date());
        });
      const [{ count } = { count: '0' }] = await base.clone().count<{ count: string }[]>({ count: '*' });
      const page = base.clone().select('*').orderBy('seq');
      if (options.window) page.offset(options.window.offset).limit(options.window.limit);
      return { rows: await page, total: Number(count) };
    });
  }
}
