// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { BulkAwardIssueCode as _laurel_issuance_v1_BulkAwardIssueCode, BulkAwardIssueCode__Output as _laurel_issuance_v1_BulkAwardIssueCode__Output } from '../../../laurel/issuance/v1/BulkAwardIssueCode.js';

export interface BulkAwardIssue {
  'code'?: (_laurel_issuance_v1_BulkAwardIssueCode);
  /**
   * The request field at fault (badge_id, issued_on, expires), when one is.
   */
  'field'?: (string);
  /**
   * A sentence for humans; callers may replace it with their own.
   */
  'message'?: (string);
}

export interface BulkAwardIssue__Output {
  'code': (_laurel_issuance_v1_BulkAwardIssueCode__Output);
  /**
   * The request field at fault (badge_id, issued_on, expires), when one is.
   */
  'field': (string);
  /**
   * A sentence for humans; callers may replace it with their own.
   */
  'message': (string);
}
