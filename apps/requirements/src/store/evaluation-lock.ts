/**
 * The advisory lock that orders count changes against requirement changes.
 *
 * Count changes take the lock shared, requirement changes exclusive. A count
 * batch therefore either commits before a requirement change (and the
 * re-evaluation its event triggers sees those counts) or starts after it (and
 * evaluates against the new requirement); without it a member could qualify in
 * the gap between the two and never be awarded.
 */
import type { Knex } from '@laurel/service-kit';

const EVALUATION_LOCK = 'laurel:requirements:evaluation';

export async function lockForCountChange(trx: Knex.Transaction): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock_shared(hashtext(?))', [EVALUATION_LOCK]);
}

export async function lockForRequirementChange(trx: Knex.Transaction): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [EVALUATION_LOCK]);
}
