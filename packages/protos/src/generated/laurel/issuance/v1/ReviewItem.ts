// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A reviewer's verdict on one badge criterion.
 */
export interface ReviewItem {
  /**
   * A criterion id of the application's badge (catalog).
   */
  'criterionId'?: (number | string | Long);
  'satisfied'?: (boolean);
  'comment'?: (string);
  '_comment'?: "comment";
}

/**
 * A reviewer's verdict on one badge criterion.
 */
export interface ReviewItem__Output {
  /**
   * A criterion id of the application's badge (catalog).
   */
  'criterionId': (string);
  'satisfied': (boolean);
  'comment'?: (string);
  '_comment'?: "comment";
}
