// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { ReviewItemList as _laurel_issuance_v1_ReviewItemList, ReviewItemList__Output as _laurel_issuance_v1_ReviewItemList__Output } from '../../../laurel/issuance/v1/ReviewItemList.js';

/**
 * Writable fields of a review. On update an absent field is left unchanged
 * (the fix of BadgeKit's D-12), and an empty comment clears it.
 */
export interface ReviewFields {
  'author'?: (string);
  'comment'?: (string);
  'reviewItems'?: (_laurel_issuance_v1_ReviewItemList | null);
  '_author'?: "author";
  '_comment'?: "comment";
}

/**
 * Writable fields of a review. On update an absent field is left unchanged
 * (the fix of BadgeKit's D-12), and an empty comment clears it.
 */
export interface ReviewFields__Output {
  'author'?: (string);
  'comment'?: (string);
  'reviewItems': (_laurel_issuance_v1_ReviewItemList__Output | null);
  '_author'?: "author";
  '_comment'?: "comment";
}
