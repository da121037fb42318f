// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { EarnedBadge as _laurel_issuance_v1_EarnedBadge, EarnedBadge__Output as _laurel_issuance_v1_EarnedBadge__Output } from '../../../laurel/issuance/v1/EarnedBadge.js';

export interface RevokeResponse {
  /**
   * The record with revoked_at set.
   */
  'earnedBadge'?: (_laurel_issuance_v1_EarnedBadge | null);
  /**
   * False when it was already revoked (a retried call): nothing happened and
   * no second event or webhook was sent.
   */
  'revoked'?: (boolean);
}

export interface RevokeResponse__Output {
  /**
   * The record with revoked_at set.
   */
  'earnedBadge': (_laurel_issuance_v1_EarnedBadge__Output | null);
  /**
   * False when it was already revoked (a retried call): nothing happened and
   * no second event or webhook was sent.
   */
  'revoked': (boolean);
}
