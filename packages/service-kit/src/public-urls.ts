/**
 * Public URLs of a badge (§10.2, §7.4): its badge class under its deepest
 * context, and the issuer organization that class names. Slugs are
 * percent-encoded, so any slug makes a URL that routes back to it.
 *
 * Shared by the gateway (which serves these URLs) and issuance (whose signed
 * credentials name them).
 */
import type { catalogV1 } from '@laurel/protos';

const segment = encodeURIComponent;

/** The site's issuer profile: the system's organization document, which names the site's signing keys in its OB 3.0 form. */
export const siteProfilePath = (systemSlug: string): string => `/public/systems/${segment(systemSlug)}`;

/** The Open Badges 3.0 credential of an earned badge. */
export const credentialPath = (uid: string): string => `/public/credentials/${segment(uid)}`;

/** `/public/systems/<s>[/issuers/<i>[/programs/<p>]]`: the program if the badge has one, else the issuer, else the system. */
export function badgeIssuerPath(badge: catalogV1.Badge__Output): string {
  if (!badge.system) throw new Error(`badge ${badge.id} came without its system`);
  let path = siteProfilePath(badge.system.slug);
  if (badge.issuer) path += `/issuers/${segment(badge.issuer.slug)}`;
  if (badge.issuer && badge.program) path += `/programs/${segment(badge.program.slug)}`;
  return path;
}

/** An image's absolute URL: external URLs as given, uploaded bytes at {origin}/public/images/{slug} (D-6). */
export function imageUrlOf(image: catalogV1.Image__Output | null | undefined, origin: string): string | null {
  if (!image) return null;
  return image.url !== undefined ? image.url : `${origin}/public/images/${image.slug}`;
}

/** The badge class path for the badge's deepest context. */
export function badgeClassPath(badge: catalogV1.Badge__Output): string {
  return `${badgeIssuerPath(badge)}/badges/${segment(badge.slug)}`;
}

/**
 * The query that names the Open Badges 3.0 form of a public document. The
 * issuer id (and so every key id) carries it, as OB 2.0 links carry `?v=2_0`:
 * a verifier dereferencing it gets the 3.0 Profile whatever it accepts, and
 * existing clients of the plain URL keep their documents.
 */
export const OB3_QUERY = 'v=3_0';

/** `https://…/public/systems/<site>?v=3_0`: a site's OB 3.0 issuer id, the controller of its signing keys. */
export const ob3IssuerId = (origin: string, systemSlug: string): string =>
  `${origin}${siteProfilePath(systemSlug)}?${OB3_QUERY}`;

/** A key's id names its controller and the key itself, as the 1EdTech validator expects (open-badges-3.md §6). */
export const verificationMethodId = (issuerId: string, publicKeyMultibase: string): string =>
  `${issuerId}#${publicKeyMultibase}`;

/** A site's Bitstring Status List credential; permanent, numbered per site. */
export const statusListPath = (siteId: string, number: number): string =>
  `/public/status-lists/${segment(siteId)}/${number}`;

/** A site's RSA public key, one JWK, named by its RFC 7638 thumbprint: the `kid` of its VC-JWTs (open-badges-3.md §2). */
export const issuerJwkPath = (siteId: string, thumbprint: string): string =>
  `/public/issuer-keys/${segment(siteId)}/${segment(thumbprint)}`;

/**
 * A site's did:web DID (did:web method §3.2): the origin's host, its port's
 * colon percent-encoded, then the path segments of the site, so that it
 * resolves to `https://<host>/public/systems/<site>/did.json`.
 */
export const siteDidWeb = (origin: string, systemSlug: string): string =>
  `did:web:${encodeURIComponent(new URL(origin).host)}:public:systems:${segment(systemSlug)}`;
