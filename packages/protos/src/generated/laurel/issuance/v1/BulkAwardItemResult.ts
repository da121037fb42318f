// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { EarnedBadge as _laurel_issuance_v1_EarnedBadge, EarnedBadge__Output as _laurel_issuance_v1_EarnedBadge__Output } from '../../../laurel/issuance/v1/EarnedBadge.js';
import type { AwardResult as _laurel_issuance_v1_AwardResult, AwardResult__Output as _laurel_issuance_v1_AwardResult__Output } from '../../../laurel/issuance/v1/AwardResult.js';
import type { BulkAwardIssue as _laurel_issuance_v1_BulkAwardIssue, BulkAwardIssue__Output as _laurel_issuance_v1_BulkAwardIssue__Output } from '../../../laurel/issuance/v1/BulkAwardIssue.js';

export interface BulkAwardItemResult {
  /**
   * Absent when result is REJECTED.
   */
  'earnedBadge'?: (_laurel_issuance_v1_EarnedBadge | null);
  'result'?: (_laurel_issuance_v1_AwardResult);
  /**
   * Non-empty exactly when result is REJECTED.
   */
  'errors'?: (_laurel_issuance_v1_BulkAwardIssue)[];
  'warnings'?: (_laurel_issuance_v1_BulkAwardIssue)[];
}

export interface BulkAwardItemResult__Output {
  /**
   * Absent when result is REJECTED.
   */
  'earnedBadge': (_laurel_issuance_v1_EarnedBadge__Output | null);
  'result': (_laurel_issuance_v1_AwardResult__Output);
  /**
   * Non-empty exactly when result is REJECTED.
   */
  'errors': (_laurel_issuance_v1_BulkAwardIssue__Output)[];
  'warnings': (_laurel_issuance_v1_BulkAwardIssue__Output)[];
}
