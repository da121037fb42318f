/**
 * The bodies of `award` and `revoke` messages (badgekit-api.md §14.4), built
 * when they are sent, from the award and the badge as they are then. Key sets
 * are exactly BadgeKit's: receivers validate them.
 */
import { DomainError, type ServiceClient } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import type { DeliveryRow } from '../store/deliveries.js';
import type { EarnedBadgeStore } from '../store/earned-badges.js';
import type { MessageBuilder } from './worker.js';

/** BadgeKit's badge JSON: the full form for `award`, the bare form for `revoke`. */
export interface BadgeRenderer {
  full(badge: catalogV1.Badge__Output, origin: string): unknown;
  bare(badge: catalogV1.Badge__Output): unknown;
}

export interface MessageDeps {
  awards: EarnedBadgeStore;
  catalog: ServiceClient<catalogV1.CatalogDefinition>;
  render: BadgeRenderer;
  /** PUBLIC_BASE_URL; without it, the origin of the request that caused the award. */
  publicBaseUrl: string | undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function webhookMessages(deps: MessageDeps): MessageBuilder {
  return {
    async build(delivery: DeliveryRow) {
      const earnedBadgeId = text(delivery.input.earnedBadgeId);
      const row = earnedBadgeId ? await deps.awards.find(delivery.site_id, { id: earnedBadgeId }) : undefined;
      if (!row) return { skip: `award ${earnedBadgeId ?? '?'} no longer exists` };
      let badge: catalogV1.Badge__Output | null;
      try {
        ({ badge } = await deps.catalog.call('GetBadge', { id: row.badge_id, siteId: row.site_id }));
      } catch (error) {
        if (error instanceof DomainError && error.reason === 'ResourceNotFound') return { skip: `badge ${row.badge_id} no longer exists` };
        throw error;
      }
      if (!badge) return { skip: `badge ${row.badge_id} no longer exists` };
      const origin = (deps.publicBaseUrl ?? text(delivery.input.origin) ?? '').replace(/\/+$/, '');
      if (delivery.action === 'award') {
        const comment = text(delivery.input.comment);
        return {
          body: JSON.stringify({
            action: 'award',
            uid: row.uid,
            badge: deps.render.full(badge, origin),
            email: row.email,
            assertionUrl: `${origin}/public/assertions/${row.uid}`,
            issuedOn: Math.floor(row.issued_on.getTime() / 1000),
            comment: comment ? comment : null,
          }),
        };
      }
      if (delivery.action === 'revoke') {
        return { body: JSON.stringify({ action: 'revoke', uid: row.uid, badge: deps.render.bare(badge), email: row.email }) };
      }
      return { skip: `no message for action ${delivery.action}` };
    },
  };
}
