/**
 * Creates an issuer under a system, with its image if one is given, in one
 * transaction. A missing system is reported before any validation (§2.1
 * stage 7).
 */
import type { Knex } from '@laurel/service-kit';
import { checkOrganization } from '../domain/organization.js';
import { findSystem } from '../store/context.js';
import type { ImageStore } from '../store/images.js';
import type { IssuerRecord, IssuerStore } from '../store/issuers.js';
import { withImage, type OrganizationInput } from './organization-change.js';

export interface CreateIssuerDeps {
  db: Knex;
  images: ImageStore;
  issuers: IssuerStore;
}

export interface CreateIssuerInput extends OrganizationInput {
  systemSlug: string;
}

export async function createIssuer(
  { db, images, issuers }: CreateIssuerDeps,
  { systemSlug, fields, image }: CreateIssuerInput,
): Promise<IssuerRecord> {
  return db.transaction(async (trx) => {
    const system = await findSystem(trx, systemSlug);
    checkOrganization(fields);
    const imageId = await images.save(trx, image);
    return issuers.create(system, withImage(fields, imageId), trx);
  });
}
