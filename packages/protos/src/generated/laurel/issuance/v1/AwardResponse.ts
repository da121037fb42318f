// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { EarnedBadge as _laurel_issuance_v1_EarnedBadge, EarnedBadge__Output as _laurel_issuance_v1_EarnedBadge__Output } from '../../../laurel/issuance/v1/EarnedBadge.js';
import type { AwardResult as _laurel_issuance_v1_AwardResult, AwardResult__Output as _laurel_issuance_v1_AwardResult__Output } from '../../../laurel/issuance/v1/AwardResult.js';

export interface AwardResponse {
  'earnedBadge'?: (_laurel_issuance_v1_EarnedBadge | null);
  'result'?: (_laurel_issuance_v1_AwardResult);
}

export interface AwardResponse__Output {
  'earnedBadge': (_laurel_issuance_v1_EarnedBadge__Output | null);
  'result': (_laurel_issuance_v1_AwardResult__Output);
}
