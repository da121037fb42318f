// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type { ClaimCodeFlags as _laurel_claimcodes_v1_ClaimCodeFlags, ClaimCodeFlags__Output as _laurel_claimcodes_v1_ClaimCodeFlags__Output } from '../../../laurel/claimcodes/v1/ClaimCodeFlags.js';
import type { Long } from '@grpc/proto-loader';

export interface CreateClaimCodeRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'code'?: (string);
  'flags'?: (_laurel_claimcodes_v1_ClaimCodeFlags | null);
  /**
   * A retry with the same key returns the first answer instead of the
   * ResourceConflict a second insert of the same code would give.
   */
  'idempotencyKey'?: (string);
}

export interface CreateClaimCodeRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  'code': (string);
  'flags': (_laurel_claimcodes_v1_ClaimCodeFlags__Output | null);
  /**
   * A retry with the same key returns the first answer instead of the
   * ResourceConflict a second insert of the same code would give.
   */
  'idempotencyKey': (string);
}
