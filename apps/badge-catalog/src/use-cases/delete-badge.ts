/** Deletes a badge (its children go with it), answering it as it was. */
import type { Knex } from '@laurel/service-kit';
import type { BadgeStore, LoadedBadge } from '../store/badges.js';
import { keyLookup, type BadgeKey } from './badge-lookup.js';

export interface DeleteBadgeDeps {
  db: Knex;
  badges: BadgeStore;
}

export async function deleteBadge({ db, badges }: DeleteBadgeDeps, key: BadgeKey): Promise<LoadedBadge> {
  return db.transaction(async (trx) => {
    const { lookup, missing } = await keyLookup(trx, key);
    const current = await badges.lock(trx, lookup);
    const badge = current && (await badges.find({ id: current.id }, trx));
    if (!badge) throw missing();
    await badges.delete(trx, badge.record.id);
    return badge;
  });
}
