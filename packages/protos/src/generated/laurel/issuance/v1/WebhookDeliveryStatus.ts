// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

export const WebhookDeliveryStatus = {
  WEBHOOK_DELIVERY_STATUS_UNSPECIFIED: 'WEBHOOK_DELIVERY_STATUS_UNSPECIFIED',
  /**
   * Not yet attempted, or waiting for its turn behind earlier deliveries to
   * the same recipient.
   */
  WEBHOOK_DELIVERY_STATUS_PENDING: 'WEBHOOK_DELIVERY_STATUS_PENDING',
  WEBHOOK_DELIVERY_STATUS_DELIVERED: 'WEBHOOK_DELIVERY_STATUS_DELIVERED',
  /**
   * At least one attempt failed; retried with backoff until it succeeds or
   * the retry period (at least 24 hours) ends.
   */
  WEBHOOK_DELIVERY_STATUS_FAILING: 'WEBHOOK_DELIVERY_STATUS_FAILING',
} as const;

export type WebhookDeliveryStatus =
  | 'WEBHOOK_DELIVERY_STATUS_UNSPECIFIED'
  | 0
  /**
   * Not yet attempted, or waiting for its turn behind earlier deliveries to
   * the same recipient.
   */
  | 'WEBHOOK_DELIVERY_STATUS_PENDING'
  | 1
  | 'WEBHOOK_DELIVERY_STATUS_DELIVERED'
  | 2
  /**
   * At least one attempt failed; retried with backoff until it succeeds or
   * the retry period (at least 24 hours) ends.
   */
  | 'WEBHOOK_DELIVERY_STATUS_FAILING'
  | 3

export type WebhookDeliveryStatus__Output = typeof WebhookDeliveryStatus[keyof typeof WebhookDeliveryStatus]
