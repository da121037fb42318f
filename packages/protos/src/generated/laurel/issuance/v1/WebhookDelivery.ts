// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { WebhookAction as _laurel_issuance_v1_WebhookAction, WebhookAction__Output as _laurel_issuance_v1_WebhookAction__Output } from '../../../laurel/issuance/v1/WebhookAction.js';
import type { WebhookDeliveryStatus as _laurel_issuance_v1_WebhookDeliveryStatus, WebhookDeliveryStatus__Output as _laurel_issuance_v1_WebhookDeliveryStatus__Output } from '../../../laurel/issuance/v1/WebhookDeliveryStatus.js';

export interface WebhookDelivery {
  'id'?: (string);
  'action'?: (_laurel_issuance_v1_WebhookAction);
  'status'?: (_laurel_issuance_v1_WebhookDeliveryStatus);
  'attempts'?: (number);
  'lastAttemptAt'?: (string);
  /**
   * The receiver's HTTP status; absent when it never answered (connection
   * error, timeout) or no attempt was made yet.
   */
  'lastResponseStatus'?: (number);
  /**
   * Absent once delivered or given up.
   */
  'nextAttemptAt'?: (string);
  'createdAt'?: (string);
  /**
   * The earned badge an award or revoke delivery is about; empty for review.
   */
  'earnedBadgeId'?: (string);
  '_lastAttemptAt'?: "lastAttemptAt";
  '_lastResponseStatus'?: "lastResponseStatus";
  '_nextAttemptAt'?: "nextAttemptAt";
}

export interface WebhookDelivery__Output {
  'id': (string);
  'action': (_laurel_issuance_v1_WebhookAction__Output);
  'status': (_laurel_issuance_v1_WebhookDeliveryStatus__Output);
  'attempts': (number);
  'lastAttemptAt'?: (string);
  /**
   * The receiver's HTTP status; absent when it never answered (connection
   * error, timeout) or no attempt was made yet.
   */
  'lastResponseStatus'?: (number);
  /**
   * Absent once delivered or given up.
   */
  'nextAttemptAt'?: (string);
  'createdAt': (string);
  /**
   * The earned badge an award or revoke delivery is about; empty for review.
   */
  'earnedBadgeId': (string);
  '_lastAttemptAt'?: "lastAttemptAt";
  '_lastResponseStatus'?: "lastResponseStatus";
  '_nextAttemptAt'?: "nextAttemptAt";
}
