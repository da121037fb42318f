// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { ReviewItem as _laurel_issuance_v1_ReviewItem, ReviewItem__Output as _laurel_issuance_v1_ReviewItem__Output } from '../../../laurel/issuance/v1/ReviewItem.js';
import type { Long } from '@grpc/proto-loader';

export interface Review {
  'id'?: (number | string | Long);
  /**
   * Generated; clients address reviews by it.
   */
  'slug'?: (string);
  /**
   * The reviewer's email.
   */
  'author'?: (string);
  /**
   * Feedback for the earner.
   */
  'comment'?: (string);
  'reviewItems'?: (_laurel_issuance_v1_ReviewItem)[];
  'createdAt'?: (string);
  '_comment'?: "comment";
}

export interface Review__Output {
  'id': (string);
  /**
   * Generated; clients address reviews by it.
   */
  'slug': (string);
  /**
   * The reviewer's email.
   */
  'author': (string);
  /**
   * Feedback for the earner.
   */
  'comment'?: (string);
  'reviewItems': (_laurel_issuance_v1_ReviewItem__Output)[];
  'createdAt': (string);
  '_comment'?: "comment";
}
