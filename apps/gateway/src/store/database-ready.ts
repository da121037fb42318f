/**
 * Whether the gateway's database answers, for /readyz (ops/probes.ts): the
 * cheapest statement, so a probe tells a reachable database from one that is
 * down without touching any table.
 */
import type { Knex } from '@laurel/service-kit';

export async function databaseAnswers(db: Knex): Promise<boolean> {
  try {
    await db.raw('select 1');
    return true;
  } catch {
    return false;
  }
}
