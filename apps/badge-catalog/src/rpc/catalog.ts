/**
 * gRPC handlers of laurel.catalog.v1.Catalog: proto in, domain call, proto out.
 */
import { DomainError, pageInfo, pageWindow, type UnaryHandlers } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { checkSystem, type SystemFields, type SystemRecord } from '../domain/system.js';
import type { SystemStore } from '../store/systems.js';

type CatalogDefinition = catalogV1.CatalogDefinition;

export function toSystemMessage(record: SystemRecord): catalogV1.System {
  return {
    id: record.id,
    slug: record.slug,
    name: record.name,
    url: record.url,
    ...(record.description !== null && { description: record.description }),
    ...(record.email !== null && { email: record.email }),
    ...(record.imageUrl !== null && { imageUrl: record.imageUrl }),
    createdAt: record.createdAt.toISOString(),
    issuers: [],
  };
}

/** Only fields present on the wire are taken; `optional` presence is what makes partial updates possible. */
function fromFieldsMessage(fields: catalogV1.SystemFields__Output | null): SystemFields {
  const result: SystemFields = {};
  if (!fields) return result;
  if (fields.slug !== undefined) result.slug = fields.slug;
  if (fields.name !== undefined) result.name = fields.name;
  if (fields.url !== undefined) result.url = fields.url;
  if (fields.description !== undefined) result.description = fields.description;
  if (fields.email !== undefined) result.email = fields.email;
  if (fields.imageUrl !== undefined) result.imageUrl = fields.imageUrl;
  return result;
}

export function catalogHandlers(systems: SystemStore): UnaryHandlers<CatalogDefinition> {
  return {
    async CreateSystem(request) {
      const fields = fromFieldsMessage(request.fields);
      checkSystem(fields);
      return { system: toSystemMessage(await systems.create(fields)) };
    },

    async GetSystem(request) {
      const found =
        request.key === 'id' && request.id !== undefined ? await systems.findById(request.id)
        : request.key === 'slug' && request.slug !== undefined ? await systems.findBySlug(request.slug)
        : undefined;
      if (!found) {
        const [field, value] = request.key === 'id' ? ['id', request.id ?? ''] : ['slug', request.slug ?? ''];
        throw DomainError.notFound('system', field, value);
      }
      return { system: toSystemMessage(found) };
    },

    async ListSystems(request) {
      const { systems: list, total } = await systems.list(pageWindow(request.page));
      return { systems: list.map(toSystemMessage), pageInfo: pageInfo(request.page, total) };
    },

    async UpdateSystem(request) {
      const change = fromFieldsMessage(request.fields);
      const updated = await systems.update(request.slug, (current) => {
        const merged: SystemFields = { ...current, ...change };
        checkSystem(merged);
        return change;
      });
      return { system: toSystemMessage(updated) };
    },

    async DeleteSystem(request) {
      return { system: toSystemMessage(await systems.delete(request.slug)) };
    },
  };
}
