/**
 * What the human pages show, built from the catalog's and issuance's
 * messages: plain view models, no markup (pages.ts renders them) and no
 * I/O (the routes fetch). Every URL here is absolute and http(s), or null.
 */
import { badgeClassPath, badgeIssuerPath } from '@laurel/service-kit';
import type { catalogV1, issuanceV1 } from '@laurel/protos';
import type { PresentContext } from '../../badgekit-format/present-context.js';
import { webUrl } from './html.js';
import { V2_QUERY } from './open-badges.js';
import { organizationDocument } from './organization-document.js';

/** Where an award stands for the person looking at it (model.md "Revocation": revocation wins over expiry). */
export type AwardState =
  { kind: 'valid' } | { kind: 'expired'; on: string } | { kind: 'revoked'; on: string; reason: string | null };

export function awardState(earned: issuanceV1.EarnedBadge__Output, now: Date): AwardState {
  if (earned.revokedAt) return { kind: 'revoked', on: earned.revokedAt, reason: earned.revocationReason || null };
  if (earned.expires && new Date(earned.expires).getTime() <= now.getTime())
    return { kind: 'expired', on: earned.expires };
  return { kind: 'valid' };
}

export interface ImageView {
  src: string;
  alt: string;
}

export interface OrganizationView {
  name: string;
  /** Our page (and document) of the organization. */
  pageUrl: string;
  /** Its own web site. */
  website: string | null;
  description: string | null;
  email: string | null;
  /** The names of the levels above it (issuer, system), nearest first. */
  partOf: string[];
}

export interface BadgeView {
  name: string;
  strapline: string | null;
  description: string;
  image: ImageView | null;
  criteria: string[];
  criteriaUrl: string | null;
  tags: string[];
  alignments: { name: string; url: string | null; description: string }[];
  pageUrl: string;
  issuer: OrganizationView;
}

/** A page: where it lives, and its Open Badges 2.0 JSON-LD twin. */
interface Located {
  url: string;
  jsonUrl: string;
}

export interface AssertionView extends Located {
  issuedOn: string;
  expires: string | null;
  evidenceUrl: string | null;
  state: AwardState;
  /** Null only for a revoked award whose badge is gone: the page still says it was revoked. */
  badge: BadgeView | null;
}

export interface BadgeClassView extends Located {
  badge: BadgeView;
}

export interface IssuerView extends Located {
  organization: OrganizationView;
  image: ImageView | null;
}

/** One level of an organization (program, issuer or system) as the catalog sends it. */
export type OrganizationLevel =
  | { name: string; url: string; description?: string; email?: string; image?: catalogV1.Image__Output | null }
  | null
  | undefined;

/** The page of a document asked for by a browser at `path` (no query), and its JSON-LD form. */
export function located(ctx: PresentContext, path: string): Located {
  const url = ctx.absolute(path);
  return { url, jsonUrl: `${url}?${V2_QUERY}` };
}

/** An organization from its levels, deepest first, completed from the levels above as its document is (§10.3). */
function organizationView(levels: readonly OrganizationLevel[], pageUrl: string): OrganizationView {
  const document = organizationDocument(levels);
  const present = levels.filter((level): level is NonNullable<OrganizationLevel> => Boolean(level));
  return {
    name: document.name ?? '',
    pageUrl,
    website: webUrl(document.url),
    description: document.description ?? null,
    email: document.email ?? null,
    partOf: present
      .slice(1)
      .map((level) => level.name)
      .filter((name) => name !== '' && name !== document.name),
  };
}

function imageView(
  ctx: PresentContext,
  image: catalogV1.Image__Output | null | undefined,
  alt: string,
): ImageView | null {
  const src = webUrl(ctx.imageUrl(image));
  return src === null ? null : { src, alt };
}

export function badgeView(badge: catalogV1.Badge__Output, ctx: PresentContext): BadgeView {
  return {
    name: badge.name,
    strapline: badge.strapline || null,
    // As the badge class document: the description for people other than the earner first.
    description: badge.consumerDescription || badge.earnerDescription || badge.strapline || '',
    image: imageView(ctx, badge.image, `${badge.name} badge`),
    criteria: badge.criteria.map((c) => c.description).filter((d) => d !== ''),
    criteriaUrl: webUrl(badge.criteriaUrl),
    tags: badge.tags.map((t) => t.value),
    alignments: badge.alignments.map((a) => ({ name: a.name, url: webUrl(a.url), description: a.description })),
    pageUrl: ctx.absolute(badgeClassPath(badge)),
    issuer: organizationView(
      [badge.issuer && badge.program, badge.issuer, badge.system],
      ctx.absolute(badgeIssuerPath(badge)),
    ),
  };
}

export function assertionView(
  earned: issuanceV1.EarnedBadge__Output,
  badge: catalogV1.Badge__Output | null,
  ctx: PresentContext,
  path: string,
  now: Date,
): AssertionView {
  return {
    ...located(ctx, path),
    issuedOn: earned.issuedOn,
    expires: earned.expires ?? null,
    evidenceUrl: webUrl(earned.evidenceUrl),
    state: awardState(earned, now),
    badge: badge?.system ? badgeView(badge, ctx) : null,
  };
}

export function badgeClassView(badge: catalogV1.Badge__Output, ctx: PresentContext, path: string): BadgeClassView {
  return { ...located(ctx, path), badge: badgeView(badge, ctx) };
}

/** `levels` from the deepest (program) to the system, as the issuer organization document takes them. */
export function issuerView(levels: readonly OrganizationLevel[], ctx: PresentContext, path: string): IssuerView {
  const organization = organizationView(levels, ctx.absolute(path));
  const image = levels.map((level) => level?.image).find((i) => i);
  return { ...located(ctx, path), organization, image: imageView(ctx, image, `${organization.name} logo`) };
}
