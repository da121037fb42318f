import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ClaimCode as _laurel_claimcodes_v1_ClaimCode, ClaimCode__Output as _laurel_claimcodes_v1_ClaimCode__Output } from './laurel/claimcodes/v1/ClaimCode.js';
import type { ClaimCodeFlags as _laurel_claimcodes_v1_ClaimCodeFlags, ClaimCodeFlags__Output as _laurel_claimcodes_v1_ClaimCodeFlags__Output } from './laurel/claimcodes/v1/ClaimCodeFlags.js';
import type { ClaimCodesClient as _laurel_claimcodes_v1_ClaimCodesClient, ClaimCodesDefinition as _laurel_claimcodes_v1_ClaimCodesDefinition } from './laurel/claimcodes/v1/ClaimCodes.js';
import type { ClaimRequest as _laurel_claimcodes_v1_ClaimRequest, ClaimRequest__Output as _laurel_claimcodes_v1_ClaimRequest__Output } from './laurel/claimcodes/v1/ClaimRequest.js';
import type { ClaimResponse as _laurel_claimcodes_v1_ClaimResponse, ClaimResponse__Output as _laurel_claimcodes_v1_ClaimResponse__Output } from './laurel/claimcodes/v1/ClaimResponse.js';
import type { CreateClaimCodeRequest as _laurel_claimcodes_v1_CreateClaimCodeRequest, CreateClaimCodeRequest__Output as _laurel_claimcodes_v1_CreateClaimCodeRequest__Output } from './laurel/claimcodes/v1/CreateClaimCodeRequest.js';
import type { CreateClaimCodeResponse as _laurel_claimcodes_v1_CreateClaimCodeResponse, CreateClaimCodeResponse__Output as _laurel_claimcodes_v1_CreateClaimCodeResponse__Output } from './laurel/claimcodes/v1/CreateClaimCodeResponse.js';
import type { DeleteClaimCodeRequest as _laurel_claimcodes_v1_DeleteClaimCodeRequest, DeleteClaimCodeRequest__Output as _laurel_claimcodes_v1_DeleteClaimCodeRequest__Output } from './laurel/claimcodes/v1/DeleteClaimCodeRequest.js';
import type { DeleteClaimCodeResponse as _laurel_claimcodes_v1_DeleteClaimCodeResponse, DeleteClaimCodeResponse__Output as _laurel_claimcodes_v1_DeleteClaimCodeResponse__Output } from './laurel/claimcodes/v1/DeleteClaimCodeResponse.js';
import type { FindBadgeByCodeRequest as _laurel_claimcodes_v1_FindBadgeByCodeRequest, FindBadgeByCodeRequest__Output as _laurel_claimcodes_v1_FindBadgeByCodeRequest__Output } from './laurel/claimcodes/v1/FindBadgeByCodeRequest.js';
import type { FindBadgeByCodeResponse as _laurel_claimcodes_v1_FindBadgeByCodeResponse, FindBadgeByCodeResponse__Output as _laurel_claimcodes_v1_FindBadgeByCodeResponse__Output } from './laurel/claimcodes/v1/FindBadgeByCodeResponse.js';
import type { GenerateClaimCodesRequest as _laurel_claimcodes_v1_GenerateClaimCodesRequest, GenerateClaimCodesRequest__Output as _laurel_claimcodes_v1_GenerateClaimCodesRequest__Output } from './laurel/claimcodes/v1/GenerateClaimCodesRequest.js';
import type { GenerateClaimCodesResponse as _laurel_claimcodes_v1_GenerateClaimCodesResponse, GenerateClaimCodesResponse__Output as _laurel_claimcodes_v1_GenerateClaimCodesResponse__Output } from './laurel/claimcodes/v1/GenerateClaimCodesResponse.js';
import type { GetClaimCodeRequest as _laurel_claimcodes_v1_GetClaimCodeRequest, GetClaimCodeRequest__Output as _laurel_claimcodes_v1_GetClaimCodeRequest__Output } from './laurel/claimcodes/v1/GetClaimCodeRequest.js';
import type { GetClaimCodeResponse as _laurel_claimcodes_v1_GetClaimCodeResponse, GetClaimCodeResponse__Output as _laurel_claimcodes_v1_GetClaimCodeResponse__Output } from './laurel/claimcodes/v1/GetClaimCodeResponse.js';
import type { ListClaimCodesRequest as _laurel_claimcodes_v1_ListClaimCodesRequest, ListClaimCodesRequest__Output as _laurel_claimcodes_v1_ListClaimCodesRequest__Output } from './laurel/claimcodes/v1/ListClaimCodesRequest.js';
import type { ListClaimCodesResponse as _laurel_claimcodes_v1_ListClaimCodesResponse, ListClaimCodesResponse__Output as _laurel_claimcodes_v1_ListClaimCodesResponse__Output } from './laurel/claimcodes/v1/ListClaimCodesResponse.js';
import type { PageInfo as _laurel_common_v1_PageInfo, PageInfo__Output as _laurel_common_v1_PageInfo__Output } from './laurel/common/v1/PageInfo.js';
import type { PageRequest as _laurel_common_v1_PageRequest, PageRequest__Output as _laurel_common_v1_PageRequest__Output } from './laurel/common/v1/PageRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  laurel: {
    claimcodes: {
      v1: {
        ClaimCode: MessageTypeDefinition<_laurel_claimcodes_v1_ClaimCode, _laurel_claimcodes_v1_ClaimCode__Output>
        ClaimCodeFlags: MessageTypeDefinition<_laurel_claimcodes_v1_ClaimCodeFlags, _laurel_claimcodes_v1_ClaimCodeFlags__Output>
        ClaimCodes: SubtypeConstructor<typeof grpc.Client, _laurel_claimcodes_v1_ClaimCodesClient> & { service: _laurel_claimcodes_v1_ClaimCodesDefinition }
        ClaimRequest: MessageTypeDefinition<_laurel_claimcodes_v1_ClaimRequest, _laurel_claimcodes_v1_ClaimRequest__Output>
        ClaimResponse: MessageTypeDefinition<_laurel_claimcodes_v1_ClaimResponse, _laurel_claimcodes_v1_ClaimResponse__Output>
        CreateClaimCodeRequest: MessageTypeDefinition<_laurel_claimcodes_v1_CreateClaimCodeRequest, _laurel_claimcodes_v1_CreateClaimCodeRequest__Output>
        CreateClaimCodeResponse: MessageTypeDefinition<_laurel_claimcodes_v1_CreateClaimCodeResponse, _laurel_claimcodes_v1_CreateClaimCodeResponse__Output>
        DeleteClaimCodeRequest: MessageTypeDefinition<_laurel_claimcodes_v1_DeleteClaimCodeRequest, _laurel_claimcodes_v1_DeleteClaimCodeRequest__Output>
        DeleteClaimCodeResponse: MessageTypeDefinition<_laurel_claimcodes_v1_DeleteClaimCodeResponse, _laurel_claimcodes_v1_DeleteClaimCodeResponse__Output>
        FindBadgeByCodeRequest: MessageTypeDefinition<_laurel_claimcodes_v1_FindBadgeByCodeRequest, _laurel_claimcodes_v1_FindBadgeByCodeRequest__Output>
        FindBadgeByCodeResponse: MessageTypeDefinition<_laurel_claimcodes_v1_FindBadgeByCodeResponse, _laurel_claimcodes_v1_FindBadgeByCodeResponse__Output>
        GenerateClaimCodesRequest: MessageTypeDefinition<_laurel_claimcodes_v1_GenerateClaimCodesRequest, _laurel_claimcodes_v1_GenerateClaimCodesRequest__Output>
        GenerateClaimCodesResponse: MessageTypeDefinition<_laurel_claimcodes_v1_GenerateClaimCodesResponse, _laurel_claimcodes_v1_GenerateClaimCodesResponse__Output>
        GetClaimCodeRequest: MessageTypeDefinition<_laurel_claimcodes_v1_GetClaimCodeRequest, _laurel_claimcodes_v1_GetClaimCodeRequest__Output>
        GetClaimCodeResponse: MessageTypeDefinition<_laurel_claimcodes_v1_GetClaimCodeResponse, _laurel_claimcodes_v1_GetClaimCodeResponse__Output>
        ListClaimCodesRequest: MessageTypeDefinition<_laurel_claimcodes_v1_ListClaimCodesRequest, _laurel_claimcodes_v1_ListClaimCodesRequest__Output>
        ListClaimCodesResponse: MessageTypeDefinition<_laurel_claimcodes_v1_ListClaimCodesResponse, _laurel_claimcodes_v1_ListClaimCodesResponse__Output>
      }
    }
    common: {
      v1: {
        PageInfo: MessageTypeDefinition<_laurel_common_v1_PageInfo, _laurel_common_v1_PageInfo__Output>
        PageRequest: MessageTypeDefinition<_laurel_common_v1_PageRequest, _laurel_common_v1_PageRequest__Output>
      }
    }
  }
}

