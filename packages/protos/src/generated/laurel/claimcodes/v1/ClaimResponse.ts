// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type { ClaimCode as _laurel_claimcodes_v1_ClaimCode, ClaimCode__Output as _laurel_claimcodes_v1_ClaimCode__Output } from '../../../laurel/claimcodes/v1/ClaimCode.js';

export interface ClaimResponse {
  /**
   * The code after the claim (claimed = true, email = this claimant).
   */
  'claimCode'?: (_laurel_claimcodes_v1_ClaimCode | null);
  /**
   * True only when this call created the earned badge; false for a repeat by
   * the same email, a retried call, or a claim without email.
   */
  'awarded'?: (boolean);
  /**
   * The earned badge the claimant holds as a result: created now, by an
   * earlier claim, or already held through another award of a non-repeatable
   * badge. Empty when no email was given.
   */
  'earnedBadgeId'?: (string);
}

export interface ClaimResponse__Output {
  /**
   * The code after the claim (claimed = true, email = this claimant).
   */
  'claimCode': (_laurel_claimcodes_v1_ClaimCode__Output | null);
  /**
   * True only when this call created the earned badge; false for a repeat by
   * the same email, a retried call, or a claim without email.
   */
  'awarded': (boolean);
  /**
   * The earned badge the claimant holds as a result: created now, by an
   * earlier claim, or already held through another award of a non-repeatable
   * badge. Empty when no email was given.
   */
  'earnedBadgeId': (string);
}
