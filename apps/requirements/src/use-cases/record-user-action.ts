/**
 * KickApps Add User Action: one call adds any signed quantity to a member's
 * count (clamped at 0) and evaluates the member in the same transaction. The
 * idempotency key makes a retried call return the first answer.
 */
import type { CountStore } from '../store/counts.js';
import { lockForCountChange } from '../store/evaluation-lock.js';
import {
  isRepeatedUserAction,
  type UserActionInput,
  type UserActionResult,
  type UserActionStore,
} from '../store/user-actions.js';
import { evaluateMembers } from './evaluate.js';

export interface RecordUserActionDeps {
  userActions: UserActionStore;
  counts: CountStore;
}

export async function recordUserAction(deps: RecordUserActionDeps, input: UserActionInput): Promise<UserActionResult> {
  const { userActions, counts } = deps;
  const replay = await userActions.earlier(input.siteId, input.idempotencyKey);
  if (replay) return replay;
  try {
    return await userActions.transaction(async (trx) => {
      await userActions.requireAction(trx, input.siteId, input.actionId);
      await lockForCountChange(trx);
      const count = await counts.addClamped(trx, input);
      const userActionId = await userActions.insert(trx, input, count);
      await evaluateMembers(trx, [
        { siteId: input.siteId, memberId: input.userId, actionId: input.actionId, location: input.location },
      ]);
      return { userActionId, count };
    });
  } catch (error) {
    if (isRepeatedUserAction(error)) {
      const first = await userActions.earlier(input.siteId, input.idempotencyKey);
      if (first) return first;
    }
    throw error;
  }
}
