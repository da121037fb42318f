/**
 * Badges over gRPC: proto in, domain call, proto out. One badge serves every
 * API family: BadgeKit finds it by slug within a context (§7.2 scoping),
 * the others by id within a site, v2 by its public URL.
 */
import { DomainError, isDomainError, isUniqueViolation, pageInfo, pageWindow, type Knex, type UnaryHandlers } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { archivedState, mergeBadge, newBadge, withCleared, type BadgeChange } from '../domain/badge.js';
import { parseBadgeUrl } from '../domain/badge-url.js';
import { BadgeStore, type BadgeFilter, type BadgeLookup, type LoadedBadge } from '../store/badges.js';
import { resolveContext, type ResolvedContext } from '../store/context.js';
import { MilestoneStore } from '../store/milestones.js';
import type { CatalogDeps } from './deps.js';
import { toBadgeMessage, toMilestoneMessages } from './present.js';

type CatalogDefinition = catalogV1.CatalogDefinition;

/** Only fields present on the wire are taken; the image is saved separately. */
export function fromBadgeFields(fields: catalogV1.BadgeFields__Output | null | undefined): BadgeChange {
  const change: BadgeChange = {};
  if (!fields) return change;
  const scalars = ['slug', 'name', 'strapline', 'earnerDescription', 'consumerDescription', 'issuerUrl', 'rubricUrl', 'timeValue', 'timeUnits', 'limit', 'unique', 'type', 'archived', 'criteriaUrl', 'evidenceType', 'published', 'location', 'origin'] as const;
  for (const key of scalars) {
    if (fields[key] !== undefined) (change as Record<string, unknown>)[key] = fields[key];
  }
  // An id of 0 is "no id": the item is new.
  const id = (value: string) => (value === '0' ? {} : { id: value });
  if (fields.criteria) change.criteria = fields.criteria.items.map((c) => ({ ...id(c.id), description: c.description, required: c.required, note: c.note }));
  if (fields.alignments) change.alignments = fields.alignments.items.map((a) => ({ ...id(a.id), name: a.name, url: a.url, description: a.description }));
  if (fields.categories) change.categories = [...fields.categories.items];
  if (fields.tags) change.tags = [...fields.tags.items];
  return change;
}

/** The submitted scalar values, for a conflict's `details` (D-23: built per request). */
const submitted = (fields: catalogV1.BadgeFields__Output | null | undefined): Record<string, unknown> => {
  const { criteria: _c, alignments: _a, categories: _g, tags: _t, ...scalars } = fromBadgeFields(fields);
  return scalars;
};

function conflictOr(error: unknown, fields: catalogV1.BadgeFields__Output | null | undefined): unknown {
  return isUniqueViolation(error, 'badges_slug_key') ? DomainError.conflict('badge', 'slug', submitted(fields)) : error;
}

/** §7.2: {S} reaches every badge of the system, {I} the issuer's (and its programs'), {P} the program's. */
function scopeOf(context: ResolvedContext): Pick<BadgeLookup, 'systemId' | 'issuerId' | 'programId'> {
  return {
    systemId: context.system.id,
    ...(context.issuer && { issuerId: context.issuer.id }),
    ...(context.program && { programId: context.program.id }),
  };
}

export function badgeHandlers({ db, images, systems }: CatalogDeps): UnaryHandlers<CatalogDefinition> {
  const badges = new BadgeStore(db);
  const milestoneStore = new MilestoneStore(db);

  const pathLookup = async (path: catalogV1.BadgeSlugPath__Output | null | undefined, trx: Knex = db) => {
    const context = await resolveContext(trx, path?.context ?? null);
    const slug = path?.badgeSlug ?? '';
    return { lookup: { ...scopeOf(context), slug }, missing: () => DomainError.notFound('badge', 'slug', slug) };
  };

  const siteLookup = (site: catalogV1.SiteBadgeId__Output | null | undefined) => {
    const id = site?.badgeId ?? '0';
    return { lookup: { id, systemId: site?.siteId ?? '0' }, missing: () => DomainError.notFound('badge', 'id', id) };
  };

  const keyLookup = (request: { key?: 'path' | 'siteBadge'; path?: catalogV1.BadgeSlugPath__Output | null; siteBadge?: catalogV1.SiteBadgeId__Output | null }, trx: Knex) => {
    if (request.key === 'siteBadge') return siteLookup(request.siteBadge);
    if (request.key === 'path') return pathLookup(request.path, trx);
    throw DomainError.validation([{ field: 'key', value: '' }]);
  };

  const reload = async (id: string) => {
    const badge = await badges.find({ id });
    if (!badge) throw DomainError.notFound('badge', 'id', id);
    return toBadgeMessage(badge);
  };

  const listed = (result: { badges: LoadedBadge[]; total: number }, page: catalogV1.ListBadgesRequest__Output['page']) => ({
    badges: result.badges.map(toBadgeMessage),
    pageInfo: pageInfo(page, result.total),
  });

  return {
    async CreateBadge(request) {
      const context = await resolveContext(db, request.context);
      // Parents come from the context only (D-17).
      const parents = { systemId: context.system.id, issuerId: context.issuer?.id ?? null, programId: context.program?.id ?? null };
      const badge = newBadge(fromBadgeFields(request.fields));
      try {
        const id = await db.transaction(async (trx) => {
          const imageId = await images.save(trx, request.fields?.image);
          return badges.insert(trx, parents, { ...badge, ...(imageId && { imageId }) });
        });
        return { badge: await reload(id) };
      } catch (error) {
        throw conflictOr(error, request.fields);
      }
    },

    async GetBadge(request) {
      if (request.key === 'id') {
        const id = request.id ?? '0';
        const site = request.siteId !== '0' ? { systemId: request.siteId } : {};
        const badge = await badges.find({ id, ...site });
        if (!badge) throw DomainError.notFound('badge', 'id', id);
        return { badge: toBadgeMessage(badge) };
      }
      if (request.key !== 'path' || !request.path?.context) throw DomainError.validation([{ field: 'key', value: '' }]);
      const { context, badgeSlug } = request.path;
      // The common case is one statement; only a miss walks the chain to name the missing level.
      const badge = await badges.findByPath({ ...context, badgeSlug });
      if (!badge) {
        const { missing } = await pathLookup(request.path);
        throw missing();
      }
      // Most badges are no milestone's primary badge; the badge's own statement already says so.
      const milestones = request.includeMilestones && badge.hasMilestones
        ? await toMilestoneMessages((await milestoneStore.list(badge.record.systemId, { primaryBadgeId: badge.record.id }, undefined)).milestones, db)
        : [];
      return { badge: toBadgeMessage(badge), milestones };
    },

    async ListBadges(request) {
      const filter: BadgeFilter = {
        archived: archivedState(request.archived),
        ...(request.location !== undefined && { location: request.location }),
        ...(request.published !== undefined && { published: request.published }),
        ...(request.ids.length > 0 && { ids: request.ids }),
      };
      if (request.scope === 'context') {
        const context = await resolveContext(db, request.context ?? null);
        return listed(await badges.list({ ...filter, ...scopeOf(context) }, pageWindow(request.page)), request.page);
      }
      const siteId = request.siteId ?? '0';
      if (request.scope !== 'siteId' || siteId === '0') throw DomainError.validation([{ field: 'scope', value: '' }]);
      const result = await badges.list({ ...filter, systemId: siteId }, pageWindow(request.page));
      // An empty answer may mean there is no such site; only then is it worth asking.
      if (result.total === 0 && !(await systems.exists(siteId))) throw DomainError.notFound('system', 'id', siteId);
      return listed(result, request.page);
    },

    async UpdateBadge(request) {
      const change = withCleared(fromBadgeFields(request.fields), request.fields?.cleared ?? []);
      try {
        const id = await db.transaction(async (trx) => {
          const { lookup, missing } = await keyLookup(request, trx);
          const current = await badges.lock(trx, lookup);
          if (!current) throw missing();
          const imageId = await images.save(trx, request.fields?.image);
          const { data, collections } = mergeBadge(current, { ...change, ...(imageId && { imageId }) });
          await badges.update(trx, current.id, data, collections);
          return current.id;
        });
        return { badge: await reload(id) };
      } catch (error) {
        throw conflictOr(error, request.fields);
      }
    },

    async DeleteBadge(request) {
      const deleted = await db.transaction(async (trx) => {
        const { lookup, missing } = await keyLookup(request, trx);
        const current = await badges.lock(trx, lookup);
        const badge = current && (await badges.find({ id: current.id }, trx));
        if (!badge) throw missing();
        await badges.delete(trx, badge.record.id);
        return badge;
      });
      return { badge: toBadgeMessage(deleted) };
    },

    async ListPublicBadges(request) {
      // Every badge has a system (foreign key), so nothing is orphaned and nothing skipped (D-20).
      return listed(await badges.list({ archived: archivedState(request.archived) }, pageWindow(request.page)), request.page);
    },

    async ResolveBadgeUrl(request) {
      const notFound = DomainError.notFound('badge', 'url', request.url);
      const target = parseBadgeUrl(request.url);
      if (!target || request.siteId === '0') throw notFound;
      let lookup: BadgeLookup;
      if (target.kind === 'id') {
        lookup = { id: target.id, systemId: request.siteId };
      } else {
        try {
          lookup = (await pathLookup({ context: target.context, badgeSlug: target.badgeSlug })).lookup;
        } catch (error) {
          // A missing level answers like a missing badge: the caller asked about a URL, not a path.
          throw isDomainError(error) && error.reason === 'ResourceNotFound' ? notFound : error;
        }
        // Another site's badges answer exactly like unknown ones, so nothing leaks across sites.
        if (lookup.systemId !== request.siteId) throw notFound;
      }
      const badge = await badges.find(lookup);
      if (!badge) throw notFound;
      return { badge: toBadgeMessage(badge) };
    },
  };
}
