/**
 * Public URLs of a badge (§10.2, §7.4): its badge class under its deepest
 * context, and the issuer organization that class names. Slugs are
 * percent-encoded, so any slug makes a URL that routes back to it.
 */
import type { catalogV1 } from '@laurel/protos';

const segment = encodeURIComponent;

/** `/public/systems/<s>[/issuers/<i>[/programs/<p>]]`: the program if the badge has one, else the issuer, else the system. */
export function badgeIssuerPath(badge: catalogV1.Badge__Output): string {
  if (!badge.system) throw new Error(`badge ${badge.id} came without its system`);
  let path = `/public/systems/${segment(badge.system.slug)}`;
  if (badge.issuer) path += `/issuers/${segment(badge.issuer.slug)}`;
  if (badge.issuer && badge.program) path += `/programs/${segment(badge.program.slug)}`;
  return path;
}

/** The badge class path for the badge's deepest context. */
export function badgeClassPath(badge: catalogV1.Badge__Output): string {
  return `${badgeIssuerPath(badge)}/badges/${segment(badge.slug)}`;
}
