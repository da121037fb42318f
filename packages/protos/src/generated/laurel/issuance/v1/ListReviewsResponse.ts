// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Review as _laurel_issuance_v1_Review, Review__Output as _laurel_issuance_v1_Review__Output } from '../../../laurel/issuance/v1/Review.js';
import type { PageInfo as _laurel_common_v1_PageInfo, PageInfo__Output as _laurel_common_v1_PageInfo__Output } from '../../../laurel/common/v1/PageInfo.js';

export interface ListReviewsResponse {
  'reviews'?: (_laurel_issuance_v1_Review)[];
  'pageInfo'?: (_laurel_common_v1_PageInfo | null);
}

export interface ListReviewsResponse__Output {
  'reviews': (_laurel_issuance_v1_Review__Output)[];
  'pageInfo': (_laurel_common_v1_PageInfo__Output | null);
}
