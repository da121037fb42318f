// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { PageRequest as _laurel_common_v1_PageRequest, PageRequest__Output as _laurel_common_v1_PageRequest__Output } from '../../../laurel/common/v1/PageRequest.js';
import type { Long } from '@grpc/proto-loader';

export interface ListReviewsRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'applicationSlug'?: (string);
  /**
   * Ordered by id ascending.
   */
  'page'?: (_laurel_common_v1_PageRequest | null);
}

export interface ListReviewsRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  'applicationSlug': (string);
  /**
   * Ordered by id ascending.
   */
  'page': (_laurel_common_v1_PageRequest__Output | null);
}
