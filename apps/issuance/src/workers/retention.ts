/**
 * What issuance's retention sweep deletes: webhook deliveries that succeeded
 * more than WEBHOOK_DELIVERY_RETENTION_DAYS ago. Undelivered rows stay.
 * These are the rules of a loop that runs without a request (service-kit's
 * retention sweep, started in service.ts), hence their place among the workers.
 */
import { olderThan, type RetentionRule } from '@laurel/service-kit';
import type { IssuanceConfig } from '../config.js';
import type { DeliveryStore } from '../store/deliveries.js';

export const issuanceRetentionRules = (
  deliveries: DeliveryStore,
  config: Pick<IssuanceConfig, 'WEBHOOK_DELIVERY_RETENTION_DAYS'>,
): RetentionRule[] => [
  {
    name: 'webhook_deliveries',
    sweep: (limit) =>
      deliveries.deleteDeliveredBefore(olderThan({ days: config.WEBHOOK_DELIVERY_RETENTION_DAYS }), limit),
  },
];
