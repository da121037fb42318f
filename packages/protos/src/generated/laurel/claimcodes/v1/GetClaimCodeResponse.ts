// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type { ClaimCode as _laurel_claimcodes_v1_ClaimCode, ClaimCode__Output as _laurel_claimcodes_v1_ClaimCode__Output } from '../../../laurel/claimcodes/v1/ClaimCode.js';

export interface GetClaimCodeResponse {
  'claimCode'?: (_laurel_claimcodes_v1_ClaimCode | null);
}

export interface GetClaimCodeResponse__Output {
  'claimCode': (_laurel_claimcodes_v1_ClaimCode__Output | null);
}
