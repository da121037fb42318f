/**
 * Open Badges 2.0 for the public documents (model.md "Public documents"):
 * which version a request asks for, and the 2.0 JSON-LD forms of the
 * assertion, badge class and issuer profile. BadgeKit's 1.0 shapes stay the
 * default; 2.0 is served on `?v=2_0` or when `Accept` ranks
 * `application/ld+json` above `application/json`.
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { catalogV1, issuanceV1 } from '@laurel/protos';
import type { PresentContext } from '../../badgekit-format/present-context.js';

export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';
export const V2_QUERY = 'v=2_0';

const v2Requests = new WeakSet<Request>();

export const askedByQuery = (req: Request): boolean => req.query.v === '2_0';

/**
 * Runs before BadgeKit's accept check (which knows only plain JSON and would
 * answer 406 to a verifier accepting only JSON-LD): a request that ranks
 * JSON-LD first is remembered as a 2.0 request and then passes as JSON.
 */
export function negotiateOpenBadges(req: Request, _res: Response, next: NextFunction): void {
  const ldFirst =
    Boolean(req.headers.accept) && req.accepts(['application/json', 'application/ld+json']) === 'application/ld+json';
  if (ldFirst || askedByQuery(req)) v2Requests.add(req);
  if (ldFirst) req.headers.accept = 'application/json';
  next();
}

export const wantsOpenBadges2 = (req: Request): boolean => v2Requests.has(req) || askedByQuery(req);

/**
 * A 2.0 document's `id` is the URL that serves it: with `?v=2_0` when that
 * is how it was asked for, so fetching the id gives the same document.
 */
export const servedUrl = (req: Request, ctx: PresentContext): string =>
  ctx.absolute(`${req.path}${askedByQuery(req) ? `?${V2_QUERY}` : ''}`);

/** Links between 2.0 documents ask for 2.0 explicitly: a verifier following them gets the same version whatever it accepts. */
export const v2Link = (url: string): string => `${url}?${V2_QUERY}`;

export function sendOpenBadges2(res: Response, document: Record<string, unknown>): void {
  res.type('application/ld+json').send(JSON.stringify(document));
}

/** SHA-256 of the email as stored, then the salt: BadgeKit's 1.0 hash is unsalted (§10.1), OB 2.0's salted. */
export const hashedEmail = (email: string, salt = ''): string =>
  `sha256$${createHash('sha256')
    .update(email + salt)
    .digest('hex')}`;

const unixSeconds = (time: string): number => Math.floor(new Date(time).getTime() / 1000);
const iso = (time: string): string => new Date(time).toISOString();

/** BadgeKit's hosted assertion (§10.1). */
export function assertionV1(
  earned: issuanceV1.EarnedBadge__Output,
  badgeClassUrl: string,
  selfUrl: string,
): Record<string, unknown> {
  return {
    uid: earned.uid,
    recipient: { identity: hashedEmail(earned.recipient?.email ?? ''), type: 'email', hashed: true },
    badge: badgeClassUrl,
    verify: { url: selfUrl, type: 'hosted' },
    issuedOn: unixSeconds(earned.issuedOn),
    ...(earned.expires && { expires: unixSeconds(earned.expires) }),
  };
}

export function assertionV2(
  earned: issuanceV1.EarnedBadge__Output,
  badgeClassUrl: string,
  id: string,
): Record<string, unknown> {
  return {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id,
    // The salt is per award and stored with it, so every fetch gives the same identity.
    recipient: {
      type: 'email',
      hashed: true,
      ...(earned.recipientSalt && { salt: earned.recipientSalt }),
      identity: hashedEmail(earned.recipient?.email ?? '', earned.recipientSalt),
    },
    badge: v2Link(badgeClassUrl),
    verification: { type: 'hosted' },
    issuedOn: iso(earned.issuedOn),
    ...(earned.expires && { expires: iso(earned.expires) }),
    ...(earned.evidenceUrl && { evidence: earned.evidenceUrl }),
  };
}

/**
 * The criteria as OB 2.0 Criteria: the criteria URL as `id` when there is
 * one, and the badge's criteria texts as a markdown `narrative` whenever it
 * has any; without either, what the badge is awarded for, so a verifier
 * always has something to show.
 */
export function criteriaV2(badge: catalogV1.Badge__Output): Record<string, string> {
  const items = badge.criteria.map((c) => c.description).filter((d) => d !== '');
  if (items.length > 0)
    return { ...(badge.criteriaUrl && { id: badge.criteriaUrl }), narrative: items.map((d) => `- ${d}`).join('\n') };
  if (badge.criteriaUrl) return { id: badge.criteriaUrl };
  return { narrative: badge.earnerDescription || badge.strapline || badge.name };
}

/**
 * The answer for a revoked award (model.md "Revocation"), 410 in either
 * version: a reason only when one was given, never `null`; the 2.0 form
 * also names the assertion, as OB 2.0 revocation responses do.
 */
export function revokedDocument(
  earned: issuanceV1.EarnedBadge__Output,
  v2Id: string | undefined,
): Record<string, unknown> {
  return {
    ...(v2Id !== undefined && { '@context': OB2_CONTEXT, type: 'Assertion', id: v2Id }),
    revoked: true,
    ...(earned.revocationReason && { revocationReason: earned.revocationReason }),
  };
}

export function badgeClassV2(
  badge: catalogV1.Badge__Output,
  ctx: PresentContext,
  id: string,
  issuerUrl: string,
): Record<string, unknown> {
  const image = ctx.imageUrl(badge.image);
  return {
    '@context': OB2_CONTEXT,
    type: 'BadgeClass',
    id,
    name: badge.name,
    description: badge.consumerDescription ?? badge.earnerDescription ?? badge.strapline ?? '',
    ...(image !== null && { image }),
    criteria: criteriaV2(badge),
    issuer: v2Link(issuerUrl),
    tags: badge.tags.map((t) => t.value),
    alignment: badge.alignments.map((a) => ({
      targetName: a.name,
      targetUrl: a.url,
      ...(a.description && { targetDescription: a.description }),
    })),
  };
}

export function profileV2(
  organization: Partial<Record<'name' | 'url' | 'description' | 'email', string>>,
  id: string,
): Record<string, unknown> {
  return {
    '@context': OB2_CONTEXT,
    type: 'Profile',
    id,
    name: organization.name ?? '',
    url: organization.url ?? '',
    ...(organization.email && { email: organization.email }),
    ...(organization.description && { description: organization.description }),
  };
}
