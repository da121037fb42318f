/**
 * A short-lived cache of the badges that claim-code paths name. Claim-code
 * traffic is many requests for the codes of few badges (one campaign, one
 * badge), and resolving the badge through the catalog was the larger part of
 * each request's cost. The catalog stays the source of truth: entries live
 * for about a second, failures (the lookup chain's 404s) are never kept,
 * and whether a badge may still be earned is checked again by issuance when
 * it awards.
 */
import type { catalogV1 } from '@laurel/protos';

interface Entry {
  badge: Promise<catalogV1.Badge__Output>;
  expires: number;
}

export class BadgePathCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 1000,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached badge of `key`, or `load()`'s; concurrent misses share one load. */
  get(key: string, load: () => Promise<catalogV1.Badge__Output>): Promise<catalogV1.Badge__Output> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.badge;
    if (hit) this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const badge = load();
    const entry = { badge, expires: now + this.ttlMs };
    this.entries.set(key, entry);
    badge.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return badge;
  }
}

/** Slugs compare case-insensitively (§2.2); a key that differs only in case is the same badge. */
export function badgePathKey(path: catalogV1.BadgeSlugPath): string {
  const context = path.context;
  return [context?.systemSlug, context?.issuerSlug ?? '', context?.programSlug ?? '', path.badgeSlug].map((s) => (s ?? '').toLowerCase()).join('\n');
}
