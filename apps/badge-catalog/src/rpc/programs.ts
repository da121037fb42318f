/**
 * Programs over gRPC (BadgeKit §6): proto in, use case or store call, proto
 * out. Every call resolves its path first, so a missing system, issuer or
 * program is reported at the first level that is missing (§2.1 stage 7),
 * before any validation or conflict.
 */
import { pageInfo, pageWindow, type UnaryHandlerGroup } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { findIssuer, findProgram } from '../store/context.js';
import { programFromContext, ProgramStore, type ProgramRecord } from '../store/programs.js';
import { createProgram } from '../use-cases/create-program.js';
import { updateProgram } from '../use-cases/update-program.js';
import type { CatalogDeps } from './deps.js';
import { fromOrganizationFields, imageInputOf } from './organization-input.js';

export function toProgramMessage(record: ProgramRecord, image: catalogV1.Image | undefined): catalogV1.Program {
  return {
    id: record.id,
    issuerId: record.issuerId,
    slug: record.slug,
    name: record.name,
    url: record.url,
    ...(record.description !== null && { description: record.description }),
    ...(record.email !== null && { email: record.email }),
    ...(image && { image }),
    createdAt: record.createdAt.toISOString(),
  };
}

export function programHandlers({ db, images }: CatalogDeps) {
  const programs = new ProgramStore(db);
  const present = async (records: ProgramRecord[]) => {
    const imageById = await images.messages(records.map((r) => r.imageId));
    return records.map((r) => toProgramMessage(r, r.imageId ? imageById.get(r.imageId) : undefined));
  };
  const one = async (record: ProgramRecord) => (await present([record]))[0] as catalogV1.Program;

  return {
    async CreateProgram(request) {
      const record = await createProgram(
        { db, images, programs },
        {
          systemSlug: request.systemSlug,
          issuerSlug: request.issuerSlug,
          fields: fromOrganizationFields(request.fields),
          image: imageInputOf(request.fields),
        },
      );
      return { program: await one(record) };
    },

    async GetProgram(request) {
      const { issuer, program } = await findProgram(db, request.systemSlug, request.issuerSlug, request.programSlug);
      return { program: await one(programFromContext(program, issuer.id)) };
    },

    async ListPrograms(request) {
      const { issuer } = await findIssuer(db, request.systemSlug, request.issuerSlug);
      const { records: list, total } = await programs.list(issuer.id, pageWindow(request.page));
      return { programs: await present(list), pageInfo: pageInfo(request.page, total) };
    },

    async UpdateProgram(request) {
      const updated = await updateProgram(
        { db, images, programs },
        {
          systemSlug: request.systemSlug,
          issuerSlug: request.issuerSlug,
          programSlug: request.programSlug,
          fields: fromOrganizationFields(request.fields),
          image: imageInputOf(request.fields),
        },
      );
      return { program: await one(updated) };
    },

    async DeleteProgram(request) {
      const { program } = await findProgram(db, request.systemSlug, request.issuerSlug, request.programSlug);
      // Answered bare (§6.2: imageUrl null), so the image is not loaded.
      return { program: toProgramMessage(await programs.delete(program), undefined) };
    },
  } satisfies UnaryHandlerGroup<catalogV1.CatalogDefinition>;
}
