/** Whether a badge is one codes can be made for: the catalog knows it in this site. */
import { DomainError, type CatalogClient } from '@laurel/service-kit';

/** Refuses a badge the catalog does not know in this site; a badge of another site is not found. */
export async function requireBadgeInSite(catalog: CatalogClient, siteId: string, badgeId: string): Promise<void> {
  if (!badgeId || badgeId === '0') throw DomainError.validation([{ field: 'badgeId', value: '' }]);
  const { badge } = await catalog.call('GetBadge', { id: badgeId, siteId });
  if (!badge) throw DomainError.notFound('badge', 'id', badgeId);
}
