/**
 * One statement shared by the requests that arrive while the previous one is
 * in flight (group-commit.ts), each answered as it would have been alone.
 * Used for the hot writes and look-ups that run once per request (awards,
 * claims, v2 outcomes, code and member look-ups): under load one round trip
 * (and, for a write, one commit) for many requests instead of one each.
 *
 * When PostgreSQL refuses the shared statement with an ERROR (one request's
 * value it cannot store or compare, a deadlock with another writer), nothing
 * of it happened, so each item is run alone and only the one at fault fails;
 * a request's bad value never fails its neighbours. After any other error
 * (a lost connection, after which the statement may have committed) every
 * item fails, as a lone one would.
 */
import { GroupCommit } from '../group-commit.js';
import { refusedStatement } from './database.js';

/**
 * `run` answers one result per item, in order, with one statement for all of
 * them; the returned function submits one item and resolves with its result.
 */
export function sharedStatement<T, R>(run: (items: readonly T[]) => Promise<R[]>): (item: T) => Promise<R> {
  const shared = new GroupCommit<T, PromiseSettledResult<R>>(async (items) => {
    try {
      return (await run(items)).map((value) => ({ status: 'fulfilled', value }));
    } catch (error) {
      if (items.length === 1 || !refusedStatement(error)) throw error;
      return Promise.allSettled(
        items.map(async (item) => {
          const [result] = await run([item]);
          return result as R;
        }),
      );
    }
  });
  return async (item) => {
    const settled = await shared.submit(item);
    if (settled.status === 'rejected') throw settled.reason;
    return settled.value;
  };
}

/**
 * The rows of a shared statement that read its input `with ordinality as
 * input(…, position)`, put back in input order: for each of the `count`
 * items, the row whose position (from 1) is its own, or undefined.
 */
export function inInputOrder<R extends { position: string | number }>(
  rows: readonly R[],
  count: number,
): (R | undefined)[] {
  const byPosition = new Map(rows.map((row) => [Number(row.position), row]));
  return Array.from({ length: count }, (_, i) => byPosition.get(i + 1));
}
