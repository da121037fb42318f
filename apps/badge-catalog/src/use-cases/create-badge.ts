/**
 * Creates a badge, with its image if one is given, in one transaction. Its
 * parents come from the context only (D-17), which is resolved before the
 * badge is checked, so a missing level is reported first.
 */
import type { Knex } from '@laurel/service-kit';
import { newBadge, submittedValues, type BadgeChange } from '../domain/badge.js';
import type { BadgePathContext } from '../domain/badge-url.js';
import type { ImageInput } from '../domain/image.js';
import type { BadgeStore, LoadedBadge } from '../store/badges.js';
import { resolveContext } from '../store/context.js';
import type { ImageStore } from '../store/images.js';
import { reloadBadge } from './badge-lookup.js';

export interface BadgeWriteDeps {
  db: Knex;
  badges: BadgeStore;
  images: ImageStore;
}

export interface CreateBadgeInput {
  context: BadgePathContext | null;
  change: BadgeChange;
  image: ImageInput | undefined;
}

export async function createBadge(
  { db, badges, images }: BadgeWriteDeps,
  { context: path, change, image }: CreateBadgeInput,
): Promise<LoadedBadge> {
  const context = await resolveContext(db, path);
  const parents = {
    systemId: context.system.id,
    issuerId: context.issuer?.id ?? null,
    programId: context.program?.id ?? null,
  };
  const badge = newBadge(change);
  const id = await db.transaction(async (trx) => {
    const imageId = await images.save(trx, image);
    return badges.insert(trx, parents, { ...badge, ...(imageId && { imageId }) }, submittedValues(change));
  });
  return reloadBadge(badges, id);
}
