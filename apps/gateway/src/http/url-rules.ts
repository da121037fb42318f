/**
 * An absolute http(s) URL of at most 2,048 characters: what KickApps' badge
 * `url`/`link` and v2's `badgeUrl` must be.
 */
export function isHttpUrl(value: string): boolean {
  if (value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
