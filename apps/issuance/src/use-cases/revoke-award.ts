/**
 * Revoking an award: in one transaction the award is marked revoked, its
 * BadgeRevoked event is enqueued, its status-list bit is set and (when the
 * site has a webhook) its `revoke` message is recorded. An award already
 * revoked is answered as it is, unchanged.
 */
import { DomainError, type Knex } from '@laurel/service-kit';
import { awardDelivery } from '../domain/webhook.js';
import { recordRevoked } from '../events/award-events.js';
import type { DeliveryStore } from '../store/deliveries.js';
import type { EarnedBadgeRow, EarnedBadgeStore } from '../store/earned-badges.js';
import type { StatusListStore } from '../store/status-lists.js';

export interface RevokeDeps {
  db: Knex;
  awards: EarnedBadgeStore;
  deliveries: DeliveryStore;
  topicPrefix: string;
  /** Whether the site has a webhook now: as for an award (AwardDeps.webhookSet), a delivery is recorded only then. */
  webhookSet: (siteId: string) => Promise<boolean>;
  /** Sets a revoked award's bit in its status list, in the revocation's transaction. */
  statusLists?: Pick<StatusListStore, 'setRevoked'>;
}

export interface RevokeInput {
  siteId: string;
  /** The award by its id, or else by its uid (BadgeKit's instance slug, any case). */
  key: { id?: string; uid?: string };
  reason: string;
}

/** The award, and whether this call revoked it (false: it was revoked before). */
export interface RevokeOutcome {
  row: EarnedBadgeRow;
  revoked: boolean;
}

export async function revokeAward(deps: RevokeDeps, input: RevokeInput): Promise<RevokeOutcome> {
  const { siteId, key } = input;
  const hooked = await deps.webhookSet(siteId);
  const revoked = await deps.db.transaction(async (trx) => {
    const row = await deps.awards.revoke(trx, siteId, key, input.reason);
    if (row) {
      await recordRevoked(trx, deps.topicPrefix, row);
      await deps.statusLists?.setRevoked(trx, row.id);
      if (hooked) await deps.deliveries.record(trx, [awardDelivery(row, 'revoke')]);
    }
    return row;
  });
  if (revoked) return { row: revoked, revoked: true };
  const existing = await deps.awards.find(siteId, key);
  if (!existing) throw DomainError.notFound('badgeInstance', key.id ? 'id' : 'slug', key.id ?? key.uid ?? '');
  return { row: existing, revoked: false };
}
