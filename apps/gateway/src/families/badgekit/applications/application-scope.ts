/**
 * Where an application route points: the context of `{ctx}/applications` as
 * ids (§11.2 filters on the context an application copied), or the badge of
 * `{ctx}/badges/:badgeSlug/…`. Each lookup fails with the 404 of the first
 * missing level (§2.1 stage 7).
 */
import type { Request } from 'express';
import type { catalogV1 } from '@laurel/protos';
import { callOptions } from '../../../http/request-context.js';
import { badgeSlugPath } from '../../../badgekit-format/badge-contexts.js';
import type { BadgeKitDeps } from '../../../badgekit-format/deps.js';

type Catalog = BadgeKitDeps['clients']['catalog'];

export interface ContextScope {
  siteId: string;
  issuerId?: string;
  programId?: string;
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`catalog answered without ${what}`);
  return value;
}

/** The ids of the system, issuer and program a `{ctx}` path names. */
export async function contextScope(catalog: Catalog, req: Request): Promise<ContextScope> {
  const { systemSlug, issuerSlug, programSlug } = req.params as Record<string, string | undefined>;
  const system = systemSlug ?? '';
  if (issuerSlug === undefined) {
    const { system: found } = await catalog.call('GetSystem', { slug: system }, callOptions(req));
    return { siteId: required(found, 'a system').id };
  }
  const issuerCall = catalog.call('GetIssuer', { systemSlug: system, issuerSlug }, callOptions(req));
  if (programSlug === undefined) {
    const issuer = required((await issuerCall).issuer, 'an issuer');
    return { siteId: issuer.systemId, issuerId: issuer.id };
  }
  // Both lookups fail alike when the system or issuer is missing; only the program's names a missing program.
  const [issuerAnswer, programAnswer] = await Promise.all([
    issuerCall,
    catalog.call('GetProgram', { systemSlug: system, issuerSlug, programSlug }, callOptions(req)),
  ]);
  const issuer = required(issuerAnswer.issuer, 'an issuer');
  return { siteId: issuer.systemId, issuerId: issuer.id, programId: required(programAnswer.program, 'a program').id };
}

export interface ScopedBadge {
  badge: catalogV1.Badge__Output;
  siteId: string;
  /** The context's own levels, as an application of this badge copied them (§11.2). */
  scope: ContextScope;
}

/** The badge a `{ctx}/badges/:badgeSlug` path names, found with §9.2's get-by-email scoping. */
export async function scopedBadge(catalog: Catalog, req: Request): Promise<ScopedBadge> {
  const badge = required(
    (await catalog.call('GetBadge', { path: badgeSlugPath(req) }, callOptions(req))).badge,
    'a badge',
  );
  const siteId = required(badge.system, 'the badge’s system').id;
  const { issuerSlug, programSlug } = req.params as Record<string, string | undefined>;
  return {
    badge,
    siteId,
    scope: {
      siteId,
      ...(issuerSlug !== undefined && badge.issuer && { issuerId: badge.issuer.id }),
      ...(programSlug !== undefined && badge.program && { programId: badge.program.id }),
    },
  };
}
