/**
 * Badges over gRPC: proto in, use case or store call, proto out. One badge
 * serves every API family: BadgeKit finds it by slug within a context (§7.2
 * scoping), the others by id within a site, v2 by its public URL.
 */
import { DomainError, pageInfo, pageWindow, type UnaryHandlerGroup } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { archivedState, BADGE_SCALAR_KEYS, type BadgeChange } from '../domain/badge.js';
import { BadgeStore, type LoadedBadge } from '../store/badges.js';
import { MilestoneStore } from '../store/milestones.js';
import { createBadge } from '../use-cases/create-badge.js';
import { deleteBadge } from '../use-cases/delete-badge.js';
import { getBadge, type GetBadgeInput } from '../use-cases/get-badge.js';
import { listBadges, type BadgeListFilter, type BadgeListScope } from '../use-cases/list-badges.js';
import { resolveBadgeUrl } from '../use-cases/resolve-badge-url.js';
import { updateBadge } from '../use-cases/update-badge.js';
import type { CatalogDeps } from './deps.js';
import { fromImageInput } from './image-input.js';
import { toBadgeMessage, toMilestoneMessages } from './present.js';

type CatalogDefinition = catalogV1.CatalogDefinition;

/** Only fields present on the wire are taken; the image is saved separately. */
export function fromBadgeFields(fields: catalogV1.BadgeFields__Output | null | undefined): BadgeChange {
  const change: BadgeChange = {};
  if (!fields) return change;
  for (const key of BADGE_SCALAR_KEYS) {
    if (fields[key] !== undefined) (change as Record<string, unknown>)[key] = fields[key];
  }
  // An id of 0 is "no id": the item is new.
  const id = (value: string) => (value === '0' ? {} : { id: value });
  if (fields.criteria)
    change.criteria = fields.criteria.items.map((c) => ({
      ...id(c.id),
      description: c.description,
      required: c.required,
      note: c.note,
    }));
  if (fields.alignments)
    change.alignments = fields.alignments.items.map((a) => ({
      ...id(a.id),
      name: a.name,
      url: a.url,
      description: a.description,
    }));
  if (fields.categories) change.categories = [...fields.categories.items];
  if (fields.tags) change.tags = [...fields.tags.items];
  return change;
}

/** Which badge a get names; neither key (or a path without its context) is a validation error. */
function getBadgeInput(request: catalogV1.GetBadgeRequest__Output): GetBadgeInput {
  if (request.key === 'id') return { key: 'id', id: request.id ?? '0', siteId: request.siteId };
  if (request.key !== 'path' || !request.path?.context) throw DomainError.validation([{ field: 'key', value: '' }]);
  const { context, badgeSlug } = request.path;
  return { key: 'path', path: { ...context, badgeSlug }, includeMilestones: request.includeMilestones };
}

function listScope(request: catalogV1.ListBadgesRequest__Output): BadgeListScope {
  if (request.scope === 'context') return { context: request.context ?? null };
  const siteId = request.siteId ?? '0';
  if (request.scope !== 'siteId' || siteId === '0') throw DomainError.validation([{ field: 'scope', value: '' }]);
  return { siteId };
}

const listed = (
  result: { badges: LoadedBadge[]; total: number },
  page: catalogV1.ListBadgesRequest__Output['page'],
) => ({
  badges: result.badges.map(toBadgeMessage),
  pageInfo: pageInfo(page, result.total),
});

export function badgeHandlers({ db, images, systems }: CatalogDeps) {
  const badges = new BadgeStore(db);
  const milestones = new MilestoneStore(db);

  return {
    async CreateBadge(request) {
      const badge = await createBadge(
        { db, badges, images },
        {
          context: request.context,
          change: fromBadgeFields(request.fields),
          image: fromImageInput(request.fields?.image),
        },
      );
      return { badge: toBadgeMessage(badge) };
    },

    async GetBadge(request) {
      const found = await getBadge({ db, badges, milestones }, getBadgeInput(request));
      return {
        badge: toBadgeMessage(found.badge),
        ...(found.milestones && { milestones: toMilestoneMessages(found.milestones) }),
      };
    },

    async ListBadges(request) {
      const filter: BadgeListFilter = {
        archived: archivedState(request.archived),
        ...(request.location !== undefined && { location: request.location }),
        ...(request.published !== undefined && { published: request.published }),
        ...(request.ids.length > 0 && { ids: request.ids }),
      };
      return listed(
        await listBadges(
          { db, badges, systems },
          { scope: listScope(request), filter, page: pageWindow(request.page) },
        ),
        request.page,
      );
    },

    async UpdateBadge(request) {
      const badge = await updateBadge(
        { db, badges, images },
        {
          key: { key: request.key, path: request.path, siteBadge: request.siteBadge },
          change: fromBadgeFields(request.fields),
          cleared: request.fields?.cleared ?? [],
          image: fromImageInput(request.fields?.image),
        },
      );
      return { badge: toBadgeMessage(badge) };
    },

    async DeleteBadge(request) {
      const badge = await deleteBadge(
        { db, badges },
        { key: request.key, path: request.path, siteBadge: request.siteBadge },
      );
      return { badge: toBadgeMessage(badge) };
    },

    async ListPublicBadges(request) {
      // Every badge has a system (foreign key), so nothing is orphaned and nothing skipped (D-20).
      return listed(
        await badges.list({ archived: archivedState(request.archived) }, pageWindow(request.page)),
        request.page,
      );
    },

    async ResolveBadgeUrl(request) {
      return {
        badge: toBadgeMessage(await resolveBadgeUrl({ db, badges }, { url: request.url, siteId: request.siteId })),
      };
    },
  } satisfies UnaryHandlerGroup<CatalogDefinition>;
}
