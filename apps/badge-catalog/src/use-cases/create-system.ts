/** Creates a system (site) with its image, if one is given, in one transaction. */
import type { Knex } from '@laurel/service-kit';
import { checkOrganization } from '../domain/organization.js';
import type { SystemRecord } from '../domain/system.js';
import type { ImageStore } from '../store/images.js';
import type { SystemStore } from '../store/systems.js';
import { withImage, type OrganizationInput } from './organization-change.js';

export interface CreateSystemDeps {
  db: Knex;
  images: ImageStore;
  systems: SystemStore;
}

export async function createSystem(
  { db, images, systems }: CreateSystemDeps,
  { fields, image }: OrganizationInput,
): Promise<SystemRecord> {
  checkOrganization(fields);
  return db.transaction(async (trx) => {
    const imageId = await images.save(trx, image);
    return systems.create(withImage(fields, imageId), trx);
  });
}
