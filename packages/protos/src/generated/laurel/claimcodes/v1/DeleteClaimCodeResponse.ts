// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type { ClaimCode as _laurel_claimcodes_v1_ClaimCode, ClaimCode__Output as _laurel_claimcodes_v1_ClaimCode__Output } from '../../../laurel/claimcodes/v1/ClaimCode.js';

/**
 * Awards already made through the code keep it; only the code goes.
 */
export interface DeleteClaimCodeResponse {
  /**
   * The code as it was before deletion.
   */
  'claimCode'?: (_laurel_claimcodes_v1_ClaimCode | null);
}

/**
 * Awards already made through the code keep it; only the code goes.
 */
export interface DeleteClaimCodeResponse__Output {
  /**
   * The code as it was before deletion.
   */
  'claimCode': (_laurel_claimcodes_v1_ClaimCode__Output | null);
}
