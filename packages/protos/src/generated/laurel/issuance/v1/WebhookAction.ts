// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

/**
 * The BadgeKit webhook event a delivery carries.
 */
export const WebhookAction = {
  WEBHOOK_ACTION_UNSPECIFIED: 'WEBHOOK_ACTION_UNSPECIFIED',
  WEBHOOK_ACTION_AWARD: 'WEBHOOK_ACTION_AWARD',
  WEBHOOK_ACTION_REVOKE: 'WEBHOOK_ACTION_REVOKE',
  WEBHOOK_ACTION_REVIEW: 'WEBHOOK_ACTION_REVIEW',
} as const;

/**
 * The BadgeKit webhook event a delivery carries.
 */
export type WebhookAction =
  | 'WEBHOOK_ACTION_UNSPECIFIED'
  | 0
  | 'WEBHOOK_ACTION_AWARD'
  | 1
  | 'WEBHOOK_ACTION_REVOKE'
  | 2
  | 'WEBHOOK_ACTION_REVIEW'
  | 3

/**
 * The BadgeKit webhook event a delivery carries.
 */
export type WebhookAction__Output = typeof WebhookAction[keyof typeof WebhookAction]
