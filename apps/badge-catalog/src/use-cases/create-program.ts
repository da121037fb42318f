/**
 * Creates a program under an issuer, with its image if one is given, in one
 * transaction. A missing system or issuer is reported before any validation
 * (§2.1 stage 7).
 */
import type { Knex } from '@laurel/service-kit';
import { checkOrganization } from '../domain/organization.js';
import { findIssuer } from '../store/context.js';
import type { ImageStore } from '../store/images.js';
import type { ProgramRecord, ProgramStore } from '../store/programs.js';
import { withImage, type OrganizationInput } from './organization-change.js';

export interface CreateProgramDeps {
  db: Knex;
  images: ImageStore;
  programs: ProgramStore;
}

export interface CreateProgramInput extends OrganizationInput {
  systemSlug: string;
  issuerSlug: string;
}

export async function createProgram(
  { db, images, programs }: CreateProgramDeps,
  { systemSlug, issuerSlug, fields, image }: CreateProgramInput,
): Promise<ProgramRecord> {
  return db.transaction(async (trx) => {
    const { issuer } = await findIssuer(trx, systemSlug, issuerSlug);
    checkOrganization(fields);
    const imageId = await images.save(trx, image);
    return programs.create(issuer, withImage(fields, imageId), trx);
  });
}
