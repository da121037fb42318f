// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type { ClaimCode as _laurel_claimcodes_v1_ClaimCode, ClaimCode__Output as _laurel_claimcodes_v1_ClaimCode__Output } from '../../../laurel/claimcodes/v1/ClaimCode.js';
import type { Long } from '@grpc/proto-loader';

/**
 * When several badges in scope carry the code, the one with the lowest badge
 * id wins (BadgeKit §8.8).
 */
export interface FindBadgeByCodeResponse {
  'badgeId'?: (number | string | Long);
  'claimCode'?: (_laurel_claimcodes_v1_ClaimCode | null);
  /**
   * Claimed and single-use, so it can no longer be claimed; BadgeKit reports
   * it as the integer `claimed` (always false for multi-use codes).
   */
  'usedUp'?: (boolean);
}

/**
 * When several badges in scope carry the code, the one with the lowest badge
 * id wins (BadgeKit §8.8).
 */
export interface FindBadgeByCodeResponse__Output {
  'badgeId': (string);
  'claimCode': (_laurel_claimcodes_v1_ClaimCode__Output | null);
  /**
   * Claimed and single-use, so it can no longer be claimed; BadgeKit reports
   * it as the integer `claimed` (always false for multi-use codes).
   */
  'usedUp': (boolean);
}
