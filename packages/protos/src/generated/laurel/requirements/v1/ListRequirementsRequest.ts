// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { PageRequest as _laurel_common_v1_PageRequest, PageRequest__Output as _laurel_common_v1_PageRequest__Output } from '../../../laurel/common/v1/PageRequest.js';
import type { Long } from '@grpc/proto-loader';

export interface ListRequirementsRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  /**
   * Absent lists drafts and published requirements alike.
   */
  'published'?: (boolean);
  /**
   * Ordered by id. KickApps lists are unpaged: leave page unset.
   */
  'page'?: (_laurel_common_v1_PageRequest | null);
  '_published'?: "published";
}

export interface ListRequirementsRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  /**
   * Absent lists drafts and published requirements alike.
   */
  'published'?: (boolean);
  /**
   * Ordered by id. KickApps lists are unpaged: leave page unset.
   */
  'page': (_laurel_common_v1_PageRequest__Output | null);
  '_published'?: "published";
}
