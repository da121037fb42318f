/**
 * A badge's public URL back to the badge (model.md "Public documents"). A URL
 * handed back to Laurel, such as a v2 `badgeUrl`, is matched on its path
 * alone, because the origin it was built with depends on the request that
 * built it. Two forms name a badge: Laurel's own `/public/badges/{id}` and
 * BadgeKit's badge class path `/public/systems/<s>[/issuers/<i>[/programs/<p>]]/badges/<b>`.
 */

export interface BadgePathContext {
  systemSlug: string;
  issuerSlug?: string;
  programSlug?: string;
}

export type BadgeUrlTarget =
  { kind: 'id'; id: string } | { kind: 'path'; context: BadgePathContext; badgeSlug: string };

const INT64_MAX = 9223372036854775807n;

function segmentsOf(url: string): string[] | undefined {
  let path: string;
  try {
    // The base only completes a bare path; an absolute URL keeps its own origin, which is ignored.
    path = new URL(url.trim(), 'http://laurel.invalid/').pathname;
  } catch {
    return undefined;
  }
  try {
    // Empty segments are what repeated and trailing slashes leave, which routing ignores too (§2.1).
    return path
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

const is = (segment: string | undefined, word: string) => segment?.toLowerCase() === word;

function badgeId(segment: string): string | undefined {
  if (!/^\d{1,19}$/.test(segment)) return undefined;
  const id = BigInt(segment);
  return id > 0n && id <= INT64_MAX ? id.toString() : undefined;
}

/** What a public badge URL names, or undefined when it names no badge. */
export function parseBadgeUrl(url: string): BadgeUrlTarget | undefined {
  const s = segmentsOf(url);
  if (!s || !is(s[0], 'public')) return undefined;
  if (s.length === 3 && is(s[1], 'badges')) {
    const id = badgeId(s[2] ?? '');
    return id === undefined ? undefined : { kind: 'id', id };
  }
  if (!is(s[1], 'systems') || !is(s[s.length - 2], 'badges')) return undefined;
  const [, , systemSlug = '', issuersWord, issuerSlug = '', programsWord, programSlug = ''] = s;
  const badgeSlug = s[s.length - 1] ?? '';
  if (s.length === 5) return { kind: 'path', context: { systemSlug }, badgeSlug };
  if (s.length === 7 && is(issuersWord, 'issuers'))
    return { kind: 'path', context: { systemSlug, issuerSlug }, badgeSlug };
  if (s.length === 9 && is(issuersWord, 'issuers') && is(programsWord, 'programs'))
    return { kind: 'path', context: { systemSlug, issuerSlug, programSlug }, badgeSlug };
  return undefined;
}
