// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { ReviewItem as _laurel_issuance_v1_ReviewItem, ReviewItem__Output as _laurel_issuance_v1_ReviewItem__Output } from '../../../laurel/issuance/v1/ReviewItem.js';

/**
 * Distinguishes "leave unchanged" (absent) from "replace" (present) on update.
 */
export interface ReviewItemList {
  'items'?: (_laurel_issuance_v1_ReviewItem)[];
}

/**
 * Distinguishes "leave unchanged" (absent) from "replace" (present) on update.
 */
export interface ReviewItemList__Output {
  'items': (_laurel_issuance_v1_ReviewItem__Output)[];
}
