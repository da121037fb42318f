// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { EarnedBadge as _laurel_issuance_v1_EarnedBadge, EarnedBadge__Output as _laurel_issuance_v1_EarnedBadge__Output } from '../../../laurel/issuance/v1/EarnedBadge.js';
import type { PageInfo as _laurel_common_v1_PageInfo, PageInfo__Output as _laurel_common_v1_PageInfo__Output } from '../../../laurel/common/v1/PageInfo.js';

export interface ListBadgeAwardsResponse {
  'earnedBadges'?: (_laurel_issuance_v1_EarnedBadge)[];
  'pageInfo'?: (_laurel_common_v1_PageInfo | null);
}

export interface ListBadgeAwardsResponse__Output {
  'earnedBadges': (_laurel_issuance_v1_EarnedBadge__Output)[];
  'pageInfo': (_laurel_common_v1_PageInfo__Output | null);
}
