// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { PageRequest as _laurel_common_v1_PageRequest, PageRequest__Output as _laurel_common_v1_PageRequest__Output } from '../../../laurel/common/v1/PageRequest.js';
import type { Long } from '@grpc/proto-loader';

export interface ListActionsRequest {
  'siteId'?: (number | string | Long);
  /**
   * Ordered by id. KickApps lists are unpaged: leave page unset.
   */
  'page'?: (_laurel_common_v1_PageRequest | null);
}

export interface ListActionsRequest__Output {
  'siteId': (string);
  /**
   * Ordered by id. KickApps lists are unpaged: leave page unset.
   */
  'page': (_laurel_common_v1_PageRequest__Output | null);
}
