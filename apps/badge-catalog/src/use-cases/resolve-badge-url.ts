/**
 * The badge a public badge URL names, within one site. Every way of not
 * finding it (a URL naming no badge, a missing level of its path, another
 * site's badge, no badge) answers the same ResourceNotFound, so nothing
 * leaks across sites.
 */
import { DomainError, isDomainError, type Knex } from '@laurel/service-kit';
import { parseBadgeUrl } from '../domain/badge-url.js';
import type { BadgeLookup, BadgeStore, LoadedBadge } from '../store/badges.js';
import { pathLookup } from './badge-lookup.js';

export interface ResolveBadgeUrlDeps {
  db: Knex;
  badges: BadgeStore;
}

export interface ResolveBadgeUrlInput {
  url: string;
  siteId: string;
}

export async function resolveBadgeUrl(
  { db, badges }: ResolveBadgeUrlDeps,
  { url, siteId }: ResolveBadgeUrlInput,
): Promise<LoadedBadge> {
  const notFound = DomainError.notFound('badge', 'url', url);
  const target = parseBadgeUrl(url);
  if (!target || siteId === '0') throw notFound;
  let lookup: BadgeLookup;
  if (target.kind === 'id') {
    lookup = { id: target.id, systemId: siteId };
  } else {
    try {
      lookup = (await pathLookup(db, { context: target.context, badgeSlug: target.badgeSlug })).lookup;
    } catch (error) {
      // A missing level answers like a missing badge: the caller asked about a URL, not a path.
      throw isDomainError(error) && error.reason === 'ResourceNotFound' ? notFound : error;
    }
    // Another site's badges answer exactly like unknown ones, so nothing leaks across sites.
    if (lookup.systemId !== siteId) throw notFound;
  }
  const badge = await badges.find(lookup);
  if (!badge) throw notFound;
  return badge;
}
