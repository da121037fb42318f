/**
 * KickApps Add User Action: one call adds any signed quantity to a member's
 * count (clamped at 0) and evaluates the member in the same transaction. The
 * idempotency key makes a retried call return the first answer.
 */
import { DomainError, isUniqueViolation, type Knex } from '@laurel/service-kit';
import { evaluateMembers, lockForCountChange } from '../evaluation/evaluate.js';

export interface UserActionInput {
  siteId: string;
  userId: string;
  actionId: string;
  location: string;
  quantity: string;
  idempotencyKey: string;
}

export interface UserActionResult {
  userActionId: string;
  count: string;
}

export class UserActionStore {
  constructor(private readonly db: Knex) {}

  private async earlier(siteId: string, key: string): Promise<UserActionResult | undefined> {
    const row = await this.db('user_actions').where({ site_id: siteId, idempotency_key: key }).first<{ id: string; count_after: string } | undefined>('id', 'count_after');
    return row ? { userActionId: String(row.id), count: String(row.count_after) } : undefined;
  }

  async record(input: UserActionInput): Promise<UserActionResult> {
    const replay = await this.earlier(input.siteId, input.idempotencyKey);
    if (replay) return replay;
    try {
      return await this.db.transaction(async (trx) => {
        const action = await trx('actions').where({ site_id: input.siteId, id: input.actionId }).first('id');
        if (!action) throw DomainError.notFound('action', 'id', input.actionId);
        await lockForCountChange(trx);
        const counted = await trx.raw<{ rows: { count: string }[] }>(
          `insert into member_counts (site_id, user_id, action_id, location, count)
           values (?, ?, ?, ?, greatest(?::bigint, 0))
           on conflict (site_id, user_id, action_id, location)
           do update set count = greatest(member_counts.count + ?::bigint, 0), updated_at = now()
           returning count`,
          [input.siteId, input.userId, input.actionId, input.location, input.quantity, input.quantity],
        );
        const count = String(counted.rows[0]?.count ?? '0');
        const [row] = await trx('user_actions').insert({
          site_id: input.siteId, user_id: input.userId, action_id: input.actionId, location: input.location,
          quantity: input.quantity, count_after: count, idempotency_key: input.idempotencyKey,
        }).returning<{ id: string }[]>('id');
        await evaluateMembers(trx, [{ siteId: input.siteId, memberId: input.userId, actionId: input.actionId, location: input.location }]);
        return { userActionId: String(row?.id ?? ''), count };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'user_actions_idempotency_key')) {
        const first = await this.earlier(input.siteId, input.idempotencyKey);
        if (first) return first;
      }
      throw error;
    }
  }
}
