/**
 * user_actions: the KickApps Add User Action calls recorded so far, each with
 * the count it left, so that a retried call (same idempotency key) returns the
 * first answer. use-cases/record-user-action.ts says what one call does.
 */
import { DomainError, isUniqueViolation, type Knex } from '@laurel/service-kit';

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

/** Whether the error is a second call with an idempotency key already recorded. */
export const isRepeatedUserAction = (error: unknown): boolean =>
  isUniqueViolation(error, 'user_actions_idempotency_key');

export class UserActionStore {
  constructor(private readonly db: Knex) {}

  /** The answer of the call recorded earlier with this key, if any. */
  async earlier(siteId: string, key: string): Promise<UserActionResult | undefined> {
    const row = await this.db('user_actions')
      .where({ site_id: siteId, idempotency_key: key })
      .first<{ id: string; count_after: string } | undefined>('id', 'count_after');
    return row ? { userActionId: String(row.id), count: String(row.count_after) } : undefined;
  }

  transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async requireAction(trx: Knex.Transaction, siteId: string, actionId: string): Promise<void> {
    const action = await trx('actions')
      .where({ site_id: siteId, id: actionId })
      .first<{ id: string } | undefined>('id');
    if (!action) throw DomainError.notFound('action', 'id', actionId);
  }

  /** Records the call with the count it left; returns its id. */
  async insert(trx: Knex.Transaction, input: UserActionInput, countAfter: string): Promise<string> {
    const [row] = await trx('user_actions')
      .insert({
        site_id: input.siteId,
        user_id: input.userId,
        action_id: input.actionId,
        location: input.location,
        quantity: input.quantity,
        count_after: countAfter,
        idempotency_key: input.idempotencyKey,
      })
      .returning<{ id: string }[]>('id');
    return String(row?.id ?? '');
  }
}
