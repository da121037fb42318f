import type { Knex } from '@laurel/service-kit';

export interface CountIncrement {
  siteId: string;
  memberId: string;
  actionId: string;
  location: string;
  amount: bigint;
}

export interface MemberCountRow {
  actionId: string;
  actionName: string;
  location: string;
  count: string;
}

export class CountStore {
  constructor(private readonly db: Knex) {}

  /** Adds every increment in one statement (set-based, architecture.md "Storage"). */
  async add(trx: Knex, increments: CountIncrement[]): Promise<void> {
    if (increments.length === 0) return;
    await trx.raw(
      `insert into member_counts (site_id, user_id, action_id, location, count)
       select * from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::bigint[])
       on conflict (site_id, user_id, action_id, location)
       do update set count = member_counts.count + excluded.count, updated_at = now()`,
      [
        increments.map((i) => i.siteId),
        increments.map((i) => i.memberId),
        increments.map((i) => i.actionId),
        increments.map((i) => i.location),
        increments.map((i) => i.amount.toString()),
      ],
    );
  }

  /** Adds a signed quantity to one member's count, clamped at 0; returns the new count. */
  async addClamped(
    trx: Knex,
    change: { siteId: string; userId: string; actionId: string; location: string; quantity: string },
  ): Promise<string> {
    const counted = await trx.raw<{ rows: { count: string }[] }>(
      `insert into member_counts (site_id, user_id, action_id, location, count)
       values (?, ?, ?, ?, greatest(?::bigint, 0))
       on conflict (site_id, user_id, action_id, location)
       do update set count = greatest(member_counts.count + ?::bigint, 0), updated_at = now()
       returning count`,
      [change.siteId, change.userId, change.actionId, change.location, change.quantity, change.quantity],
    );
    return String(counted.rows[0]?.count ?? '0');
  }

  async forMember(siteId: string, userId: string): Promise<MemberCountRow[]> {
    const rows = await this.db('member_counts as c')
      .join('actions as a', 'a.id', 'c.action_id')
      .where({ 'c.site_id': siteId, 'c.user_id': userId })
      .orderBy([{ column: 'c.action_id' }, { column: 'c.location' }])
      .select<{ action_id: string; name: string; location: string; count: string }[]>(
        'c.action_id',
        'a.name',
        'c.location',
        'c.count',
      );
    return rows.map((r) => ({ actionId: r.action_id, actionName: r.name, location: r.location, count: r.count }));
  }
}
