/**
 * The webhook delivery log over gRPC (admin-api.md `…/webhook/deliveries`).
 */
import { pageInfo, pageWindow, type UnaryHandlerGroup } from '@laurel/service-kit';
import type { issuanceV1 } from '@laurel/protos';
import type { DeliveryRow, DeliveryStatus, DeliveryStore } from '../store/deliveries.js';

const STATUS_BY_WIRE: Record<string, DeliveryStatus> = {
  WEBHOOK_DELIVERY_STATUS_PENDING: 'pending',
  WEBHOOK_DELIVERY_STATUS_DELIVERED: 'delivered',
  WEBHOOK_DELIVERY_STATUS_FAILING: 'failing',
  WEBHOOK_DELIVERY_STATUS_ABANDONED: 'abandoned',
};

function toDeliveryMessage(row: DeliveryRow): issuanceV1.WebhookDelivery {
  const open = row.status === 'pending' || row.status === 'failing';
  return {
    id: row.id,
    action: `WEBHOOK_ACTION_${row.action.toUpperCase()}` as issuanceV1.WebhookDelivery['action'],
    status: `WEBHOOK_DELIVERY_STATUS_${row.status.toUpperCase()}` as issuanceV1.WebhookDelivery['status'],
    attempts: row.attempts,
    ...(row.last_attempt_at && { lastAttemptAt: row.last_attempt_at.toISOString() }),
    ...(row.last_response_status !== null && { lastResponseStatus: row.last_response_status }),
    ...(open && { nextAttemptAt: row.next_attempt_at.toISOString() }),
    createdAt: row.created_at.toISOString(),
    earnedBadgeId: typeof row.input.earnedBadgeId === 'string' ? row.input.earnedBadgeId : '',
  };
}

export function deliveryHandlers(deliveries: DeliveryStore) {
  return {
    async ListWebhookDeliveries(request) {
      const window = pageWindow(request.page);
      const { rows, total } = await deliveries.list(
        request.siteId,
        request.status ? STATUS_BY_WIRE[request.status] : undefined,
        window,
      );
      return { deliveries: rows.map(toDeliveryMessage), pageInfo: pageInfo(request.page, total) };
    },
  } satisfies UnaryHandlerGroup<issuanceV1.IssuanceDefinition>;
}
