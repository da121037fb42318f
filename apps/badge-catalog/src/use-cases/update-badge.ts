/**
 * Changes a badge under its row lock: the change (with its cleared fields)
 * is merged into the current badge and the result checked as a whole. A new
 * image, if given, is saved in the same transaction.
 */
import { mergeBadge, submittedValues, withCleared, type BadgeChange } from '../domain/badge.js';
import type { ImageInput } from '../domain/image.js';
import type { LoadedBadge } from '../store/badges.js';
import { keyLookup, reloadBadge, type BadgeKey } from './badge-lookup.js';
import type { BadgeWriteDeps } from './create-badge.js';

export interface UpdateBadgeInput {
  key: BadgeKey;
  /** Only the fields given; `cleared` names those to null (or empty). */
  change: BadgeChange;
  cleared: readonly string[];
  image: ImageInput | undefined;
}

export async function updateBadge(
  { db, badges, images }: BadgeWriteDeps,
  { key, change, cleared, image }: UpdateBadgeInput,
): Promise<LoadedBadge> {
  const merged = withCleared(change, cleared);
  const id = await db.transaction(async (trx) => {
    const { lookup, missing } = await keyLookup(trx, key);
    const current = await badges.lock(trx, lookup);
    if (!current) throw missing();
    const imageId = await images.save(trx, image);
    const { data, collections } = mergeBadge(current, { ...merged, ...(imageId && { imageId }) });
    await badges.update(trx, current.id, data, collections, submittedValues(change));
    return current.id;
  });
  return reloadBadge(badges, id);
}
