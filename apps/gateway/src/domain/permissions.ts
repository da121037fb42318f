/**
 * What an API consumer may do (admin-api.md): one permission per API family
 * that authenticates with consumer credentials, plus the admin API itself. A
 * family only ever sees the consumers holding its permission; to every other
 * family the key does not exist.
 */
export const PERMISSIONS = ['badgekit', 'kickapps-developer', 'badge-import', 'badge-assignment', 'admin'] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (value: unknown): value is Permission =>
  typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);

/**
 * The permissions of a request body: a non-empty array of known names.
 * Duplicates collapse; the order is the canonical one above, so listings do
 * not depend on how a consumer was created.
 */
export function readPermissions(value: unknown): Permission[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isPermission)) return undefined;
  return PERMISSIONS.filter((p) => value.includes(p));
}

/** Who asks for a grant: the `master` key, which holds everything, or a consumer with its permissions. */
export type Grantor = 'master' | { permissions: readonly string[] };

/**
 * The permissions of `wanted` that `grantor` may not hand out: a key grants
 * only what it holds itself, so an `admin`-only consumer cannot mint a key
 * that does more than it can.
 */
export function ungrantable(grantor: Grantor, wanted: readonly Permission[]): Permission[] {
  if (grantor === 'master') return [];
  return wanted.filter((p) => !grantor.permissions.includes(p));
}
