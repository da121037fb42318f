/**
 * Part of the BadgeKit wire format (src/badgekit-format/), shared by the
 * badgekit and public families.
 *
 * BadgeKit's `{ctx}` (§1.2): every badge route exists three times, under a
 * system, an issuer and a program. Routes are declared once here for all
 * three, and the context a request names is read back from its parameters.
 */
import type { Request } from 'express';
import type { catalogV1 } from '@laurel/protos';
import type { Handlers, RouteDocs, RouteTable } from './route-table.js';

export interface BadgeContextLevel {
  /** Path of the context, e.g. `/systems/:systemSlug/issuers/:issuerSlug`. */
  path: string;
  /** How documentation names the context: "a system", "an issuer", "a program". */
  noun: string;
}

export const BADGE_CONTEXTS: readonly BadgeContextLevel[] = [
  { path: '/systems/:systemSlug', noun: 'a system' },
  { path: '/systems/:systemSlug/issuers/:issuerSlug', noun: 'an issuer' },
  { path: '/systems/:systemSlug/issuers/:issuerSlug/programs/:programSlug', noun: 'a program' },
];

/**
 * Declares `{prefix}{ctx}{suffix}` for each of the three contexts. `docs`
 * gets the context's noun, so each declared path documents itself.
 */
export function declareInContexts(
  routes: RouteTable,
  suffix: string,
  handlers: Handlers,
  docs: (noun: string) => RouteDocs,
  options: { prefix?: string; public?: boolean } = {},
): void {
  for (const level of BADGE_CONTEXTS) {
    routes.declare(`${options.prefix ?? ''}${level.path}${suffix}`, handlers, docs(level.noun), {
      public: options.public ?? false,
    });
  }
}

/** The context a request's path names (route parameters are already percent-decoded). */
export function badgeContext(req: Request): catalogV1.BadgeContext {
  const { systemSlug, issuerSlug, programSlug } = req.params as Record<string, string | undefined>;
  return {
    systemSlug: systemSlug ?? '',
    ...(issuerSlug !== undefined && { issuerSlug }),
    ...(programSlug !== undefined && { programSlug }),
  };
}

/** The catalog's key for the badge a `{ctx}/badges/:badgeSlug` path names. */
export function badgeSlugPath(req: Request): catalogV1.BadgeSlugPath {
  return { context: badgeContext(req), badgeSlug: String(req.params.badgeSlug) };
}
