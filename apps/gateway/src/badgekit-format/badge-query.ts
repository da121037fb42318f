/**
 * Part of the BadgeKit wire format (src/badgekit-format/), shared by the
 * badgekit and public families.
 *
 * Query parameters of badge lists (§7.3, §7.4): the `archived` filter and
 * paging, with their documentation.
 */
import type { catalogV1 } from '@laurel/protos';
import type { QueryParameter } from '../openapi/registry.js';
import { BadgeKitError } from './errors.js';

type ArchivedFilter = catalogV1.ArchivedFilter__Output;

const ARCHIVED: Readonly<Record<string, ArchivedFilter>> = {
  true: 'ARCHIVED_FILTER_ARCHIVED',
  1: 'ARCHIVED_FILTER_ARCHIVED',
  false: 'ARCHIVED_FILTER_ACTIVE',
  0: 'ARCHIVED_FILTER_ACTIVE',
  // What a client that interpolates an unset variable sends; the original read it as absent.
  undefined: 'ARCHIVED_FILTER_ACTIVE',
  any: 'ARCHIVED_FILTER_ANY',
  // `?archived` and `?archived=`
  '': 'ARCHIVED_FILTER_ANY',
};

/** The `archived` filter; active badges by default. Anything unknown, or the parameter given twice, is a 400. */
export function readArchived(query: Record<string, unknown>): ArchivedFilter {
  const value = query.archived;
  if (value === undefined) return 'ARCHIVED_FILTER_ACTIVE';
  const filter = typeof value === 'string' && Object.hasOwn(ARCHIVED, value) ? ARCHIVED[value] : undefined;
  if (filter === undefined) {
    throw new BadgeKitError(400, {
      code: 'InvalidParameter',
      parameter: 'archived',
      message: "Invalid `archived` parameter. Expecting one of 'true', 'false' or 'any'.",
    });
  }
  return filter;
}

export const BADGE_LIST_QUERY: QueryParameter[] = [
  {
    name: 'archived',
    description: "Which badges: 'true'/'1' archived only, 'false'/'0'/absent active only, 'any'/empty all",
    values: ['true', '1', 'false', '0', 'any', ''],
  },
  { name: 'page', description: 'Page number (1-based); paging applies only when page and count are both positive' },
  { name: 'count', description: 'Records per page' },
];
