// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type { ClaimCode as _laurel_claimcodes_v1_ClaimCode, ClaimCode__Output as _laurel_claimcodes_v1_ClaimCode__Output } from '../../../laurel/claimcodes/v1/ClaimCode.js';
import type { PageInfo as _laurel_common_v1_PageInfo, PageInfo__Output as _laurel_common_v1_PageInfo__Output } from '../../../laurel/common/v1/PageInfo.js';

export interface ListClaimCodesResponse {
  'claimCodes'?: (_laurel_claimcodes_v1_ClaimCode)[];
  'pageInfo'?: (_laurel_common_v1_PageInfo | null);
}

export interface ListClaimCodesResponse__Output {
  'claimCodes': (_laurel_claimcodes_v1_ClaimCode__Output)[];
  'pageInfo': (_laurel_common_v1_PageInfo__Output | null);
}
