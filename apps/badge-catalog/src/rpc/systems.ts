/**
 * Systems (sites) over gRPC: proto in, use case or store call, proto out.
 */
import { DomainError, pageInfo, pageWindow, type UnaryHandlerGroup } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import type { SystemRecord } from '../domain/system.js';
import { IssuerStore } from '../store/issuers.js';
import { ProgramStore } from '../store/programs.js';
import { createSystem } from '../use-cases/create-system.js';
import { updateSystem } from '../use-cases/update-system.js';
import type { CatalogDeps } from './deps.js';
import { fromOrganizationFields, imageInputOf } from './organization-input.js';

type CatalogDefinition = catalogV1.CatalogDefinition;

export function toSystemMessage(
  record: SystemRecord,
  image: catalogV1.Image | undefined,
  issuers: catalogV1.IssuerSummary[] = [],
): catalogV1.System {
  return {
    id: record.id,
    slug: record.slug,
    name: record.name,
    url: record.url,
    ...(record.description !== null && { description: record.description }),
    ...(record.email !== null && { email: record.email }),
    ...(image && { image }),
    ...(image?.url !== undefined && { imageUrl: image.url }),
    createdAt: record.createdAt.toISOString(),
    issuers,
  };
}

export function systemHandlers({ db, images, systems }: CatalogDeps) {
  const issuers = new IssuerStore(db, new ProgramStore(db));
  /** With `issuers`, every system's shallow issuers come from two queries in all, not a query per system (§4.3). */
  const present = async (records: SystemRecord[], options: { issuers: boolean }) => {
    const ids = records.map((r) => r.id);
    const [imageById, issuersById] = await Promise.all([
      images.messages(records.map((r) => r.imageId)),
      options.issuers ? issuers.summaries(ids) : new Map<string, catalogV1.IssuerSummary[]>(),
    ]);
    return records.map((r) =>
      toSystemMessage(r, r.imageId ? imageById.get(r.imageId) : undefined, issuersById.get(r.id) ?? []),
    );
  };
  const one = async (record: SystemRecord, options: { issuers: boolean }) =>
    (await present([record], options))[0] as catalogV1.System;

  return {
    async CreateSystem(request) {
      const record = await createSystem(
        { db, images, systems },
        { fields: fromOrganizationFields(request.fields), image: imageInputOf(request.fields) },
      );
      // A new system has no issuers yet (§4.4).
      return { system: await one(record, { issuers: false }) };
    },

    async GetSystem(request) {
      const found =
        request.key === 'id' && request.id !== undefined
          ? await systems.findById(request.id)
          : request.key === 'slug' && request.slug !== undefined
            ? await systems.findBySlug(request.slug)
            : undefined;
      if (!found) {
        const [field, value] = request.key === 'id' ? ['id', request.id ?? ''] : ['slug', request.slug ?? ''];
        throw DomainError.notFound('system', field, value);
      }
      return { system: await one(found, { issuers: true }) };
    },

    async ListSystems(request) {
      const { systems: list, total } = await systems.list(pageWindow(request.page));
      return { systems: await present(list, { issuers: true }), pageInfo: pageInfo(request.page, total) };
    },

    async UpdateSystem(request) {
      const updated = await updateSystem(
        { db, images, systems },
        { slug: request.slug, fields: fromOrganizationFields(request.fields), image: imageInputOf(request.fields) },
      );
      return { system: await one(updated, { issuers: true }) };
    },

    async DeleteSystem(request) {
      // Answered bare (§4.7): the issuers went with the system.
      return { system: await one(await systems.delete(request.slug), { issuers: false }) };
    },
  } satisfies UnaryHandlerGroup<CatalogDefinition>;
}
