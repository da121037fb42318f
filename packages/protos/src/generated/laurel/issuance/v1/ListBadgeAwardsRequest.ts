// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { PageRequest as _laurel_common_v1_PageRequest, PageRequest__Output as _laurel_common_v1_PageRequest__Output } from '../../../laurel/common/v1/PageRequest.js';
import type { Long } from '@grpc/proto-loader';

export interface ListBadgeAwardsRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'includeRevoked'?: (boolean);
  /**
   * BadgeKit's instance list shows expired awards: it sets this.
   */
  'includeExpired'?: (boolean);
  /**
   * Creation order. A page of count 1 answers "does anyone hold this badge"
   * through page_info.total (KickApps Delete Badge, 116).
   */
  'page'?: (_laurel_common_v1_PageRequest | null);
}

export interface ListBadgeAwardsRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  'includeRevoked': (boolean);
  /**
   * BadgeKit's instance list shows expired awards: it sets this.
   */
  'includeExpired': (boolean);
  /**
   * Creation order. A page of count 1 answers "does anyone hold this badge"
   * through page_info.total (KickApps Delete Badge, 116).
   */
  'page': (_laurel_common_v1_PageRequest__Output | null);
}
