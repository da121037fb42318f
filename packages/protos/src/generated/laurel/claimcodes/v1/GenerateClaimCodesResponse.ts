// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type { ClaimCode as _laurel_claimcodes_v1_ClaimCode, ClaimCode__Output as _laurel_claimcodes_v1_ClaimCode__Output } from '../../../laurel/claimcodes/v1/ClaimCode.js';

export interface GenerateClaimCodesResponse {
  /**
   * In the order they were generated.
   */
  'claimCodes'?: (_laurel_claimcodes_v1_ClaimCode)[];
}

export interface GenerateClaimCodesResponse__Output {
  /**
   * In the order they were generated.
   */
  'claimCodes': (_laurel_claimcodes_v1_ClaimCode__Output)[];
}
