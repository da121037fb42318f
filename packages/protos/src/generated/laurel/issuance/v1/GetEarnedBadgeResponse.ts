// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { EarnedBadge as _laurel_issuance_v1_EarnedBadge, EarnedBadge__Output as _laurel_issuance_v1_EarnedBadge__Output } from '../../../laurel/issuance/v1/EarnedBadge.js';

export interface GetEarnedBadgeResponse {
  'earnedBadge'?: (_laurel_issuance_v1_EarnedBadge | null);
}

export interface GetEarnedBadgeResponse__Output {
  'earnedBadge': (_laurel_issuance_v1_EarnedBadge__Output | null);
}
