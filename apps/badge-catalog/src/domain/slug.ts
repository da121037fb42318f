/**
 * BadgeKit compares slugs case-insensitively and ignores trailing spaces
 * (§2.2), while storing them exactly as submitted. This is the one definition
 * of "the same slug"; the store's unique index uses the same expression.
 */
export function slugKey(slug: string): string {
  return slug.replace(/ +$/, '').toLowerCase();
}
