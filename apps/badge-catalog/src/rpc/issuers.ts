/**
 * Issuers over gRPC (BadgeKit §5): proto in, use case or store call, proto
 * out. Every call resolves its path first, so a missing system or issuer is
 * reported at the first level that is missing (§2.1 stage 7), before any
 * validation or conflict. Issuers are answered with their shallow programs.
 */
import { pageInfo, pageWindow, type UnaryHandlerGroup } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { findIssuer, findSystem } from '../store/context.js';
import { issuerFromContext, IssuerStore, type IssuerRecord } from '../store/issuers.js';
import { ProgramStore } from '../store/programs.js';
import { createIssuer } from '../use-cases/create-issuer.js';
import { updateIssuer } from '../use-cases/update-issuer.js';
import type { CatalogDeps } from './deps.js';
import { fromOrganizationFields, imageInputOf } from './organization-input.js';

export function toIssuerMessage(
  record: IssuerRecord,
  image: catalogV1.Image | undefined,
  programs: catalogV1.ProgramSummary[],
): catalogV1.Issuer {
  return {
    id: record.id,
    systemId: record.systemId,
    slug: record.slug,
    name: record.name,
    url: record.url,
    ...(record.description !== null && { description: record.description }),
    ...(record.email !== null && { email: record.email }),
    ...(image && { image }),
    createdAt: record.createdAt.toISOString(),
    programs,
  };
}

export function issuerHandlers({ db, images }: CatalogDeps) {
  const programs = new ProgramStore(db);
  const issuers = new IssuerStore(db, programs);
  const present = async (records: IssuerRecord[]) => {
    const [imageById, programsById] = await Promise.all([
      images.messages(records.map((r) => r.imageId)),
      programs.summaries(records.map((r) => r.id)),
    ]);
    return records.map((r) =>
      toIssuerMessage(r, r.imageId ? imageById.get(r.imageId) : undefined, programsById.get(r.id) ?? []),
    );
  };
  const one = async (record: IssuerRecord) => (await present([record]))[0] as catalogV1.Issuer;

  return {
    async CreateIssuer(request) {
      const record = await createIssuer(
        { db, images, issuers },
        {
          systemSlug: request.systemSlug,
          fields: fromOrganizationFields(request.fields),
          image: imageInputOf(request.fields),
        },
      );
      return { issuer: await one(record) };
    },

    async GetIssuer(request) {
      const { system, issuer } = await findIssuer(db, request.systemSlug, request.issuerSlug);
      return { issuer: await one(issuerFromContext(issuer, system.id)) };
    },

    async ListIssuers(request) {
      const system = await findSystem(db, request.systemSlug);
      const { records: list, total } = await issuers.list(system.id, pageWindow(request.page));
      return { issuers: await present(list), pageInfo: pageInfo(request.page, total) };
    },

    async UpdateIssuer(request) {
      const updated = await updateIssuer(
        { db, images, issuers },
        {
          systemSlug: request.systemSlug,
          issuerSlug: request.issuerSlug,
          fields: fromOrganizationFields(request.fields),
          image: imageInputOf(request.fields),
        },
      );
      return { issuer: await one(updated) };
    },

    async DeleteIssuer(request) {
      const { issuer } = await findIssuer(db, request.systemSlug, request.issuerSlug);
      // Answered bare (§5.2: imageUrl null, programs []), so nothing else is loaded.
      return { issuer: toIssuerMessage(await issuers.delete(issuer), undefined, []) };
    },
  } satisfies UnaryHandlerGroup<catalogV1.CatalogDefinition>;
}
