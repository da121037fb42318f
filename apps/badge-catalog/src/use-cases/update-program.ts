/** Changes a program found by its path, and its image if a new one is given, in one transaction. */
import type { Knex } from '@laurel/service-kit';
import { findProgram } from '../store/context.js';
import type { ImageStore } from '../store/images.js';
import type { ProgramRecord, ProgramStore } from '../store/programs.js';
import { checkedChange, type OrganizationInput } from './organization-change.js';

export interface UpdateProgramDeps {
  db: Knex;
  images: ImageStore;
  programs: ProgramStore;
}

export interface UpdateProgramInput extends OrganizationInput {
  systemSlug: string;
  issuerSlug: string;
  programSlug: string;
}

export async function updateProgram(
  { db, images, programs }: UpdateProgramDeps,
  input: UpdateProgramInput,
): Promise<ProgramRecord> {
  const { systemSlug, issuerSlug, programSlug, fields, image } = input;
  return db.transaction(async (trx) => {
    const { program } = await findProgram(trx, systemSlug, issuerSlug, programSlug);
    const imageId = await images.save(trx, image);
    return programs.update(program, checkedChange(fields, imageId), trx);
  });
}
