// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { WebhookDeliveryStatus as _laurel_issuance_v1_WebhookDeliveryStatus, WebhookDeliveryStatus__Output as _laurel_issuance_v1_WebhookDeliveryStatus__Output } from '../../../laurel/issuance/v1/WebhookDeliveryStatus.js';
import type { PageRequest as _laurel_common_v1_PageRequest, PageRequest__Output as _laurel_common_v1_PageRequest__Output } from '../../../laurel/common/v1/PageRequest.js';
import type { Long } from '@grpc/proto-loader';

export interface ListWebhookDeliveriesRequest {
  'siteId'?: (number | string | Long);
  /**
   * Absent lists every status.
   */
  'status'?: (_laurel_issuance_v1_WebhookDeliveryStatus);
  /**
   * Newest first: operators look for what just happened.
   */
  'page'?: (_laurel_common_v1_PageRequest | null);
  '_status'?: "status";
}

export interface ListWebhookDeliveriesRequest__Output {
  'siteId': (string);
  /**
   * Absent lists every status.
   */
  'status'?: (_laurel_issuance_v1_WebhookDeliveryStatus__Output);
  /**
   * Newest first: operators look for what just happened.
   */
  'page': (_laurel_common_v1_PageRequest__Output | null);
  '_status'?: "status";
}
