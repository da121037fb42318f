/**
 * A page of badges, within a BadgeKit context (§7.2 scoping) or within a
 * site. An empty page of an unknown site is a ResourceNotFound, not an empty
 * list.
 */
import { DomainError, type Knex, type PageWindow } from '@laurel/service-kit';
import type { BadgePathContext } from '../domain/badge-url.js';
import type { BadgeFilter, BadgeStore, LoadedBadge } from '../store/badges.js';
import { resolveContext } from '../store/context.js';
import type { SystemStore } from '../store/systems.js';
import { scopeOf } from './badge-lookup.js';

export interface ListBadgesDeps {
  db: Knex;
  badges: BadgeStore;
  systems: SystemStore;
}

/** What to list beyond the scope (which listBadges sets). */
export type BadgeListFilter = Omit<BadgeFilter, 'systemId' | 'issuerId' | 'programId'>;

export type BadgeListScope = { context: BadgePathContext | null } | { siteId: string };

export interface ListBadgesInput {
  scope: BadgeListScope;
  filter: BadgeListFilter;
  page: PageWindow | undefined;
}

export async function listBadges(
  { db, badges, systems }: ListBadgesDeps,
  { scope, filter, page }: ListBadgesInput,
): Promise<{ badges: LoadedBadge[]; total: number }> {
  if ('context' in scope) {
    const context = await resolveContext(db, scope.context);
    return badges.list({ ...filter, ...scopeOf(context) }, page);
  }
  const result = await badges.list({ ...filter, systemId: scope.siteId }, page);
  // An empty answer may mean there is no such site; only then is it worth asking.
  if (result.total === 0 && !(await systems.exists(scope.siteId)))
    throw DomainError.notFound('system', 'id', scope.siteId);
  return result;
}
