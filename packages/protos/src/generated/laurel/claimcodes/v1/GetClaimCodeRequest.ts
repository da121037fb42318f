// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type { Long } from '@grpc/proto-loader';

export interface GetClaimCodeRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  /**
   * Matched case-insensitively.
   */
  'code'?: (string);
}

export interface GetClaimCodeRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  /**
   * Matched case-insensitively.
   */
  'code': (string);
}
