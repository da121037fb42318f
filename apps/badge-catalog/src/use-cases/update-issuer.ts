/** Changes an issuer found by its path, and its image if a new one is given, in one transaction. */
import type { Knex } from '@laurel/service-kit';
import { findIssuer } from '../store/context.js';
import type { ImageStore } from '../store/images.js';
import type { IssuerRecord, IssuerStore } from '../store/issuers.js';
import { checkedChange, type OrganizationInput } from './organization-change.js';

export interface UpdateIssuerDeps {
  db: Knex;
  images: ImageStore;
  issuers: IssuerStore;
}

export interface UpdateIssuerInput extends OrganizationInput {
  systemSlug: string;
  issuerSlug: string;
}

export async function updateIssuer(
  { db, images, issuers }: UpdateIssuerDeps,
  { systemSlug, issuerSlug, fields, image }: UpdateIssuerInput,
): Promise<IssuerRecord> {
  return db.transaction(async (trx) => {
    const { issuer } = await findIssuer(trx, systemSlug, issuerSlug);
    const imageId = await images.save(trx, image);
    return issuers.update(issuer, checkedChange(fields, imageId), trx);
  });
}
