/**
 * List paging as every Laurel contract defines it (laurel.common.v1): paging
 * applies only when both page and count are positive; otherwise the whole list
 * comes back. This is BadgeKit's rule (§2.6), and the other families' list
 * routes map onto it.
 */
export interface PageRequestLike {
  page?: number;
  count?: number;
}

export interface PageWindow {
  offset: number;
  limit: number;
}

export function pageWindow(request: PageRequestLike | null | undefined): PageWindow | undefined {
  const page = request?.page ?? 0;
  const count = request?.count ?? 0;
  if (!(page > 0 && count > 0)) return undefined;
  return { offset: (page - 1) * count, limit: count };
}

export function pageInfo(
  request: PageRequestLike | null | undefined,
  total: number,
): { page: number; count: number; total: string; paged: boolean } {
  const window = pageWindow(request);
  return {
    page: window ? (request?.page ?? 0) : 0,
    count: window ? (request?.count ?? 0) : 0,
    total: String(total),
    paged: window !== undefined,
  };
}
