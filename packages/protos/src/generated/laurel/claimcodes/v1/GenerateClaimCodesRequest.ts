// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type { ClaimCodeFlags as _laurel_claimcodes_v1_ClaimCodeFlags, ClaimCodeFlags__Output as _laurel_claimcodes_v1_ClaimCodeFlags__Output } from '../../../laurel/claimcodes/v1/ClaimCodeFlags.js';
import type { Long } from '@grpc/proto-loader';

export interface GenerateClaimCodesRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  /**
   * How many codes to draw; 0 is read as 1. The service refuses more than its
   * configured maximum with ValidationError. Code length and alphabet are a
   * service setting (16 lowercase hex characters by default, model.md).
   */
  'count'?: (number);
  /**
   * Applied to every generated code.
   */
  'flags'?: (_laurel_claimcodes_v1_ClaimCodeFlags | null);
  /**
   * Without it a retried call would draw a second set of codes.
   */
  'idempotencyKey'?: (string);
}

export interface GenerateClaimCodesRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  /**
   * How many codes to draw; 0 is read as 1. The service refuses more than its
   * configured maximum with ValidationError. Code length and alphabet are a
   * service setting (16 lowercase hex characters by default, model.md).
   */
  'count': (number);
  /**
   * Applied to every generated code.
   */
  'flags': (_laurel_claimcodes_v1_ClaimCodeFlags__Output | null);
  /**
   * Without it a retried call would draw a second set of codes.
   */
  'idempotencyKey': (string);
}
