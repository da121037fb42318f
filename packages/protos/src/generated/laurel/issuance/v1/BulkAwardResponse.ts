// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { BulkAwardItemResult as _laurel_issuance_v1_BulkAwardItemResult, BulkAwardItemResult__Output as _laurel_issuance_v1_BulkAwardItemResult__Output } from '../../../laurel/issuance/v1/BulkAwardItemResult.js';

export interface BulkAwardResponse {
  /**
   * One per request item, in request order.
   */
  'results'?: (_laurel_issuance_v1_BulkAwardItemResult)[];
}

export interface BulkAwardResponse__Output {
  /**
   * One per request item, in request order.
   */
  'results': (_laurel_issuance_v1_BulkAwardItemResult__Output)[];
}
