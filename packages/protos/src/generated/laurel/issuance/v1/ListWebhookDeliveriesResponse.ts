// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { WebhookDelivery as _laurel_issuance_v1_WebhookDelivery, WebhookDelivery__Output as _laurel_issuance_v1_WebhookDelivery__Output } from '../../../laurel/issuance/v1/WebhookDelivery.js';
import type { PageInfo as _laurel_common_v1_PageInfo, PageInfo__Output as _laurel_common_v1_PageInfo__Output } from '../../../laurel/common/v1/PageInfo.js';

export interface ListWebhookDeliveriesResponse {
  'deliveries'?: (_laurel_issuance_v1_WebhookDelivery)[];
  'pageInfo'?: (_laurel_common_v1_PageInfo | null);
}

export interface ListWebhookDeliveriesResponse__Output {
  'deliveries': (_laurel_issuance_v1_WebhookDelivery__Output)[];
  'pageInfo': (_laurel_common_v1_PageInfo__Output | null);
}
