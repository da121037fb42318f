// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Revocation keeps the record, hides it from every listing and makes its
 * public assertion answer 410.
 */
export interface RevokeRequest {
  'siteId'?: (number | string | Long);
  'id'?: (string);
  'uid'?: (string);
  /**
   * Shown as revocationReason by the public assertion; may be empty.
   */
  'reason'?: (string);
  'key'?: "id"|"uid";
}

/**
 * Revocation keeps the record, hides it from every listing and makes its
 * public assertion answer 410.
 */
export interface RevokeRequest__Output {
  'siteId': (string);
  'id'?: (string);
  'uid'?: (string);
  /**
   * Shown as revocationReason by the public assertion; may be empty.
   */
  'reason': (string);
  'key'?: "id"|"uid";
}
