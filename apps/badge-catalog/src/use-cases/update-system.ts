/** Changes a system (site) found by slug, and its image if a new one is given, in one transaction. */
import type { Knex } from '@laurel/service-kit';
import type { SystemRecord } from '../domain/system.js';
import type { ImageStore } from '../store/images.js';
import type { SystemStore } from '../store/systems.js';
import { checkedChange, type OrganizationInput } from './organization-change.js';

export interface UpdateSystemDeps {
  db: Knex;
  images: ImageStore;
  systems: SystemStore;
}

export interface UpdateSystemInput extends OrganizationInput {
  slug: string;
}

export async function updateSystem(
  { db, images, systems }: UpdateSystemDeps,
  { slug, fields, image }: UpdateSystemInput,
): Promise<SystemRecord> {
  return db.transaction(async (trx) => {
    const imageId = await images.save(trx, image);
    return systems.update(slug, checkedChange(fields, imageId), trx);
  });
}
