// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Review as _laurel_issuance_v1_Review, Review__Output as _laurel_issuance_v1_Review__Output } from '../../../laurel/issuance/v1/Review.js';

export interface DeleteReviewResponse {
  /**
   * The review as it was before deletion, with its items.
   */
  'review'?: (_laurel_issuance_v1_Review | null);
}

export interface DeleteReviewResponse__Output {
  /**
   * The review as it was before deletion, with its items.
   */
  'review': (_laurel_issuance_v1_Review__Output | null);
}
