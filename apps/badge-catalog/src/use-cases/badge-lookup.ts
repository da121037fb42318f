/**
 * How requests name one badge, turned into a store lookup and the error its
 * absence answers with. BadgeKit names a badge by slug within a context
 * (§7.2 scoping: {S} reaches every badge of the system, {I} the issuer's and
 * its programs', {P} the program's); the other families by id within a site.
 */
import { DomainError, type Knex } from '@laurel/service-kit';
import type { BadgePathContext } from '../domain/badge-url.js';
import type { BadgeLookup, BadgeStore, LoadedBadge } from '../store/badges.js';
import { resolveContext, type ResolvedContext } from '../store/context.js';

/** A BadgeKit path to a badge; a missing context is a validation error. */
export interface BadgeSlugPath {
  context: BadgePathContext | null;
  badgeSlug: string;
}

export interface SiteBadgeId {
  siteId: string;
  badgeId: string;
}

/** A badge named either way; `key` says which is given (none is a validation error of `key`). */
export interface BadgeKey {
  key?: 'path' | 'siteBadge';
  path?: BadgeSlugPath | null;
  siteBadge?: SiteBadgeId | null;
}

export interface FoundLookup {
  lookup: BadgeLookup;
  /** The error to answer when no badge matches. */
  missing: () => DomainError;
}

/** The store scope of a resolved context (§7.2). */
export function scopeOf(context: ResolvedContext): Pick<BadgeLookup, 'systemId' | 'issuerId' | 'programId'> {
  return {
    systemId: context.system.id,
    ...(context.issuer && { issuerId: context.issuer.id }),
    ...(context.program && { programId: context.program.id }),
  };
}

/** Resolves the path's context first, so a missing system, issuer or program is reported as such. */
export async function pathLookup(db: Knex, path: BadgeSlugPath | null | undefined): Promise<FoundLookup> {
  const context = await resolveContext(db, path?.context ?? null);
  const slug = path?.badgeSlug ?? '';
  return { lookup: { ...scopeOf(context), slug }, missing: () => DomainError.notFound('badge', 'slug', slug) };
}

function siteLookup(site: SiteBadgeId | null | undefined): FoundLookup {
  const id = site?.badgeId ?? '0';
  return { lookup: { id, systemId: site?.siteId ?? '0' }, missing: () => DomainError.notFound('badge', 'id', id) };
}

export async function keyLookup(db: Knex, key: BadgeKey): Promise<FoundLookup> {
  if (key.key === 'siteBadge') return siteLookup(key.siteBadge);
  if (key.key === 'path') return pathLookup(db, key.path);
  throw DomainError.validation([{ field: 'key', value: '' }]);
}

/** A badge just written, read back fully loaded for the answer. */
export async function reloadBadge(badges: BadgeStore, id: string): Promise<LoadedBadge> {
  const badge = await badges.find({ id });
  if (!badge) throw DomainError.notFound('badge', 'id', id);
  return badge;
}
