// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type { PageRequest as _laurel_common_v1_PageRequest, PageRequest__Output as _laurel_common_v1_PageRequest__Output } from '../../../laurel/common/v1/PageRequest.js';
import type { Long } from '@grpc/proto-loader';

export interface ListClaimCodesRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  /**
   * Ordered by id ascending (creation order).
   */
  'page'?: (_laurel_common_v1_PageRequest | null);
}

export interface ListClaimCodesRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  /**
   * Ordered by id ascending (creation order).
   */
  'page': (_laurel_common_v1_PageRequest__Output | null);
}
