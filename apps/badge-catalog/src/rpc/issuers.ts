/**
 * Issuers over gRPC (BadgeKit §5): proto in, domain call, proto out. Every
 * call resolves its path first, so a missing system or issuer is reported at
 * the first level that is missing (§2.1 stage 7), before any validation or
 * conflict. Issuers are answered with their shallow programs.
 */
import { pageInfo, pageWindow, type UnaryHandlers } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { checkOrganization } from '../domain/organization.js';
import { findIssuer, findSystem } from '../store/context.js';
import { issuerFromContext, IssuerStore, type IssuerRecord } from '../store/issuers.js';
import { ProgramStore } from '../store/programs.js';
import type { CatalogDeps } from './deps.js';
import { fromOrganizationFields, imageInputOf } from './systems.js';

export function toIssuerMessage(record: IssuerRecord, image: catalogV1.Image | undefined, programs: catalogV1.ProgramSummary[]): catalogV1.Issuer {
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

export function issuerHandlers({ db, images }: CatalogDeps): UnaryHandlers<catalogV1.CatalogDefinition> {
  const programs = new ProgramStore(db);
  const issuers = new IssuerStore(db, programs);
  const present = async (records: IssuerRecord[]) => {
    const [imageById, programsById] = await Promise.all([images.messages(records.map((r) => r.imageId)), programs.summaries(records.map((r) => r.id))]);
    return records.map((r) => toIssuerMessage(r, r.imageId ? imageById.get(r.imageId) : undefined, programsById.get(r.id) ?? []));
  };
  const one = async (record: IssuerRecord) => (await present([record]))[0] as catalogV1.Issuer;

  return {
    async CreateIssuer(request) {
      const fields = fromOrganizationFields(request.fields);
      const record = await db.transaction(async (trx) => {
        const system = await findSystem(trx, request.systemSlug);
        checkOrganization(fields);
        const imageId = await images.save(trx, imageInputOf(request.fields));
        return issuers.create(system, { ...fields, ...(imageId && { imageId }) }, trx);
      });
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
      const change = fromOrganizationFields(request.fields);
      const updated = await db.transaction(async (trx) => {
        const { issuer } = await findIssuer(trx, request.systemSlug, request.issuerSlug);
        const imageId = await images.save(trx, imageInputOf(request.fields));
        return issuers.update(issuer, (current) => {
          checkOrganization({ ...current, ...change });
          return { ...change, ...(imageId && { imageId }) };
        }, trx);
      });
      return { issuer: await one(updated) };
    },

    async DeleteIssuer(request) {
      const { issuer } = await findIssuer(db, request.systemSlug, request.issuerSlug);
      // Answered bare (§5.2: imageUrl null, programs []), so nothing else is loaded.
      return { issuer: toIssuerMessage(await issuers.delete(issuer), undefined, []) };
    },
  };
}
