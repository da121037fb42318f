// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ClaimRequest as _laurel_claimcodes_v1_ClaimRequest, ClaimRequest__Output as _laurel_claimcodes_v1_ClaimRequest__Output } from '../../../laurel/claimcodes/v1/ClaimRequest.js';
import type { ClaimResponse as _laurel_claimcodes_v1_ClaimResponse, ClaimResponse__Output as _laurel_claimcodes_v1_ClaimResponse__Output } from '../../../laurel/claimcodes/v1/ClaimResponse.js';
import type { CreateClaimCodeRequest as _laurel_claimcodes_v1_CreateClaimCodeRequest, CreateClaimCodeRequest__Output as _laurel_claimcodes_v1_CreateClaimCodeRequest__Output } from '../../../laurel/claimcodes/v1/CreateClaimCodeRequest.js';
import type { CreateClaimCodeResponse as _laurel_claimcodes_v1_CreateClaimCodeResponse, CreateClaimCodeResponse__Output as _laurel_claimcodes_v1_CreateClaimCodeResponse__Output } from '../../../laurel/claimcodes/v1/CreateClaimCodeResponse.js';
import type { DeleteClaimCodeRequest as _laurel_claimcodes_v1_DeleteClaimCodeRequest, DeleteClaimCodeRequest__Output as _laurel_claimcodes_v1_DeleteClaimCodeRequest__Output } from '../../../laurel/claimcodes/v1/DeleteClaimCodeRequest.js';
import type { DeleteClaimCodeResponse as _laurel_claimcodes_v1_DeleteClaimCodeResponse, DeleteClaimCodeResponse__Output as _laurel_claimcodes_v1_DeleteClaimCodeResponse__Output } from '../../../laurel/claimcodes/v1/DeleteClaimCodeResponse.js';
import type { FindBadgeByCodeRequest as _laurel_claimcodes_v1_FindBadgeByCodeRequest, FindBadgeByCodeRequest__Output as _laurel_claimcodes_v1_FindBadgeByCodeRequest__Output } from '../../../laurel/claimcodes/v1/FindBadgeByCodeRequest.js';
import type { FindBadgeByCodeResponse as _laurel_claimcodes_v1_FindBadgeByCodeResponse, FindBadgeByCodeResponse__Output as _laurel_claimcodes_v1_FindBadgeByCodeResponse__Output } from '../../../laurel/claimcodes/v1/FindBadgeByCodeResponse.js';
import type { GenerateClaimCodesRequest as _laurel_claimcodes_v1_GenerateClaimCodesRequest, GenerateClaimCodesRequest__Output as _laurel_claimcodes_v1_GenerateClaimCodesRequest__Output } from '../../../laurel/claimcodes/v1/GenerateClaimCodesRequest.js';
import type { GenerateClaimCodesResponse as _laurel_claimcodes_v1_GenerateClaimCodesResponse, GenerateClaimCodesResponse__Output as _laurel_claimcodes_v1_GenerateClaimCodesResponse__Output } from '../../../laurel/claimcodes/v1/GenerateClaimCodesResponse.js';
import type { GetClaimCodeRequest as _laurel_claimcodes_v1_GetClaimCodeRequest, GetClaimCodeRequest__Output as _laurel_claimcodes_v1_GetClaimCodeRequest__Output } from '../../../laurel/claimcodes/v1/GetClaimCodeRequest.js';
import type { GetClaimCodeResponse as _laurel_claimcodes_v1_GetClaimCodeResponse, GetClaimCodeResponse__Output as _laurel_claimcodes_v1_GetClaimCodeResponse__Output } from '../../../laurel/claimcodes/v1/GetClaimCodeResponse.js';
import type { ListClaimCodesRequest as _laurel_claimcodes_v1_ListClaimCodesRequest, ListClaimCodesRequest__Output as _laurel_claimcodes_v1_ListClaimCodesRequest__Output } from '../../../laurel/claimcodes/v1/ListClaimCodesRequest.js';
import type { ListClaimCodesResponse as _laurel_claimcodes_v1_ListClaimCodesResponse, ListClaimCodesResponse__Output as _laurel_claimcodes_v1_ListClaimCodesResponse__Output } from '../../../laurel/claimcodes/v1/ListClaimCodesResponse.js';

export interface ClaimCodesClient extends grpc.Client {
  /**
   * Claims a code for an email and awards its badge.
   */
  Claim(argument: _laurel_claimcodes_v1_ClaimRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  Claim(argument: _laurel_claimcodes_v1_ClaimRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_claimcodes_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  Claim(argument: _laurel_claimcodes_v1_ClaimRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  Claim(argument: _laurel_claimcodes_v1_ClaimRequest, callback: grpc.requestCallback<_laurel_claimcodes_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Claims a code for an email and awards its badge.
   */
  claim(argument: _laurel_claimcodes_v1_ClaimRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  claim(argument: _laurel_claimcodes_v1_ClaimRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_claimcodes_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  claim(argument: _laurel_claimcodes_v1_ClaimRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  claim(argument: _laurel_claimcodes_v1_ClaimRequest, callback: grpc.requestCallback<_laurel_claimcodes_v1_ClaimResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A code the client chose (BadgeKit POST .../codes).
   */
  CreateClaimCode(argument: _laurel_claimcodes_v1_CreateClaimCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_CreateClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  CreateClaimCode(argument: _laurel_claimcodes_v1_CreateClaimCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_claimcodes_v1_CreateClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  CreateClaimCode(argument: _laurel_claimcodes_v1_CreateClaimCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_CreateClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  CreateClaimCode(argument: _laurel_claimcodes_v1_CreateClaimCodeRequest, callback: grpc.requestCallback<_laurel_claimcodes_v1_CreateClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A code the client chose (BadgeKit POST .../codes).
   */
  createClaimCode(argument: _laurel_claimcodes_v1_CreateClaimCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_CreateClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  createClaimCode(argument: _laurel_claimcodes_v1_CreateClaimCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_claimcodes_v1_CreateClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  createClaimCode(argument: _laurel_claimcodes_v1_CreateClaimCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_CreateClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  createClaimCode(argument: _laurel_claimcodes_v1_CreateClaimCodeRequest, callback: grpc.requestCallback<_laurel_claimcodes_v1_CreateClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteClaimCode(argument: _laurel_claimcodes_v1_DeleteClaimCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_DeleteClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  DeleteClaimCode(argument: _laurel_claimcodes_v1_DeleteClaimCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_claimcodes_v1_DeleteClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  DeleteClaimCode(argument: _laurel_claimcodes_v1_DeleteClaimCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_DeleteClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  DeleteClaimCode(argument: _laurel_claimcodes_v1_DeleteClaimCodeRequest, callback: grpc.requestCallback<_laurel_claimcodes_v1_DeleteClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  deleteClaimCode(argument: _laurel_claimcodes_v1_DeleteClaimCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_DeleteClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  deleteClaimCode(argument: _laurel_claimcodes_v1_DeleteClaimCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_claimcodes_v1_DeleteClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  deleteClaimCode(argument: _laurel_claimcodes_v1_DeleteClaimCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_DeleteClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  deleteClaimCode(argument: _laurel_claimcodes_v1_DeleteClaimCodeRequest, callback: grpc.requestCallback<_laurel_claimcodes_v1_DeleteClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * BadgeKit GET {ctx}/codes/:code: which badge in a context carries a code.
   */
  FindBadgeByCode(argument: _laurel_claimcodes_v1_FindBadgeByCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_FindBadgeByCodeResponse__Output>): grpc.ClientUnaryCall;
  FindBadgeByCode(argument: _laurel_claimcodes_v1_FindBadgeByCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_claimcodes_v1_FindBadgeByCodeResponse__Output>): grpc.ClientUnaryCall;
  FindBadgeByCode(argument: _laurel_claimcodes_v1_FindBadgeByCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_FindBadgeByCodeResponse__Output>): grpc.ClientUnaryCall;
  FindBadgeByCode(argument: _laurel_claimcodes_v1_FindBadgeByCodeRequest, callback: grpc.requestCallback<_laurel_claimcodes_v1_FindBadgeByCodeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * BadgeKit GET {ctx}/codes/:code: which badge in a context carries a code.
   */
  findBadgeByCode(argument: _laurel_claimcodes_v1_FindBadgeByCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_FindBadgeByCodeResponse__Output>): grpc.ClientUnaryCall;
  findBadgeByCode(argument: _laurel_claimcodes_v1_FindBadgeByCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_claimcodes_v1_FindBadgeByCodeResponse__Output>): grpc.ClientUnaryCall;
  findBadgeByCode(argument: _laurel_claimcodes_v1_FindBadgeByCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_FindBadgeByCodeResponse__Output>): grpc.ClientUnaryCall;
  findBadgeByCode(argument: _laurel_claimcodes_v1_FindBadgeByCodeRequest, callback: grpc.requestCallback<_laurel_claimcodes_v1_FindBadgeByCodeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * One or more codes the service draws at random (BadgeKit POST
   * .../codes/random asks for one; back-office jobs ask for many).
   */
  GenerateClaimCodes(argument: _laurel_claimcodes_v1_GenerateClaimCodesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_GenerateClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  GenerateClaimCodes(argument: _laurel_claimcodes_v1_GenerateClaimCodesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_claimcodes_v1_GenerateClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  GenerateClaimCodes(argument: _laurel_claimcodes_v1_GenerateClaimCodesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_GenerateClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  GenerateClaimCodes(argument: _laurel_claimcodes_v1_GenerateClaimCodesRequest, callback: grpc.requestCallback<_laurel_claimcodes_v1_GenerateClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * One or more codes the service draws at random (BadgeKit POST
   * .../codes/random asks for one; back-office jobs ask for many).
   */
  generateClaimCodes(argument: _laurel_claimcodes_v1_GenerateClaimCodesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_GenerateClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  generateClaimCodes(argument: _laurel_claimcodes_v1_GenerateClaimCodesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_claimcodes_v1_GenerateClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  generateClaimCodes(argument: _laurel_claimcodes_v1_GenerateClaimCodesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_GenerateClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  generateClaimCodes(argument: _laurel_claimcodes_v1_GenerateClaimCodesRequest, callback: grpc.requestCallback<_laurel_claimcodes_v1_GenerateClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  
  GetClaimCode(argument: _laurel_claimcodes_v1_GetClaimCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_GetClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  GetClaimCode(argument: _laurel_claimcodes_v1_GetClaimCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_claimcodes_v1_GetClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  GetClaimCode(argument: _laurel_claimcodes_v1_GetClaimCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_GetClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  GetClaimCode(argument: _laurel_claimcodes_v1_GetClaimCodeRequest, callback: grpc.requestCallback<_laurel_claimcodes_v1_GetClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  getClaimCode(argument: _laurel_claimcodes_v1_GetClaimCodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_GetClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  getClaimCode(argument: _laurel_claimcodes_v1_GetClaimCodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_claimcodes_v1_GetClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  getClaimCode(argument: _laurel_claimcodes_v1_GetClaimCodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_GetClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  getClaimCode(argument: _laurel_claimcodes_v1_GetClaimCodeRequest, callback: grpc.requestCallback<_laurel_claimcodes_v1_GetClaimCodeResponse__Output>): grpc.ClientUnaryCall;
  
  ListClaimCodes(argument: _laurel_claimcodes_v1_ListClaimCodesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_ListClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  ListClaimCodes(argument: _laurel_claimcodes_v1_ListClaimCodesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_claimcodes_v1_ListClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  ListClaimCodes(argument: _laurel_claimcodes_v1_ListClaimCodesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_ListClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  ListClaimCodes(argument: _laurel_claimcodes_v1_ListClaimCodesRequest, callback: grpc.requestCallback<_laurel_claimcodes_v1_ListClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  listClaimCodes(argument: _laurel_claimcodes_v1_ListClaimCodesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_ListClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  listClaimCodes(argument: _laurel_claimcodes_v1_ListClaimCodesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_claimcodes_v1_ListClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  listClaimCodes(argument: _laurel_claimcodes_v1_ListClaimCodesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_claimcodes_v1_ListClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  listClaimCodes(argument: _laurel_claimcodes_v1_ListClaimCodesRequest, callback: grpc.requestCallback<_laurel_claimcodes_v1_ListClaimCodesResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface ClaimCodesHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Claims a code for an email and awards its badge.
   */
  Claim: grpc.handleUnaryCall<_laurel_claimcodes_v1_ClaimRequest__Output, _laurel_claimcodes_v1_ClaimResponse>;
  
  /**
   * A code the client chose (BadgeKit POST .../codes).
   */
  CreateClaimCode: grpc.handleUnaryCall<_laurel_claimcodes_v1_CreateClaimCodeRequest__Output, _laurel_claimcodes_v1_CreateClaimCodeResponse>;
  
  DeleteClaimCode: grpc.handleUnaryCall<_laurel_claimcodes_v1_DeleteClaimCodeRequest__Output, _laurel_claimcodes_v1_DeleteClaimCodeResponse>;
  
  /**
   * BadgeKit GET {ctx}/codes/:code: which badge in a context carries a code.
   */
  FindBadgeByCode: grpc.handleUnaryCall<_laurel_claimcodes_v1_FindBadgeByCodeRequest__Output, _laurel_claimcodes_v1_FindBadgeByCodeResponse>;
  
  /**
   * One or more codes the service draws at random (BadgeKit POST
   * .../codes/random asks for one; back-office jobs ask for many).
   */
  GenerateClaimCodes: grpc.handleUnaryCall<_laurel_claimcodes_v1_GenerateClaimCodesRequest__Output, _laurel_claimcodes_v1_GenerateClaimCodesResponse>;
  
  GetClaimCode: grpc.handleUnaryCall<_laurel_claimcodes_v1_GetClaimCodeRequest__Output, _laurel_claimcodes_v1_GetClaimCodeResponse>;
  
  ListClaimCodes: grpc.handleUnaryCall<_laurel_claimcodes_v1_ListClaimCodesRequest__Output, _laurel_claimcodes_v1_ListClaimCodesResponse>;
  
}

export interface ClaimCodesDefinition extends grpc.ServiceDefinition {
  Claim: MethodDefinition<_laurel_claimcodes_v1_ClaimRequest, _laurel_claimcodes_v1_ClaimResponse, _laurel_claimcodes_v1_ClaimRequest__Output, _laurel_claimcodes_v1_ClaimResponse__Output>
  CreateClaimCode: MethodDefinition<_laurel_claimcodes_v1_CreateClaimCodeRequest, _laurel_claimcodes_v1_CreateClaimCodeResponse, _laurel_claimcodes_v1_CreateClaimCodeRequest__Output, _laurel_claimcodes_v1_CreateClaimCodeResponse__Output>
  DeleteClaimCode: MethodDefinition<_laurel_claimcodes_v1_DeleteClaimCodeRequest, _laurel_claimcodes_v1_DeleteClaimCodeResponse, _laurel_claimcodes_v1_DeleteClaimCodeRequest__Output, _laurel_claimcodes_v1_DeleteClaimCodeResponse__Output>
  FindBadgeByCode: MethodDefinition<_laurel_claimcodes_v1_FindBadgeByCodeRequest, _laurel_claimcodes_v1_FindBadgeByCodeResponse, _laurel_claimcodes_v1_FindBadgeByCodeRequest__Output, _laurel_claimcodes_v1_FindBadgeByCodeResponse__Output>
  GenerateClaimCodes: MethodDefinition<_laurel_claimcodes_v1_GenerateClaimCodesRequest, _laurel_claimcodes_v1_GenerateClaimCodesResponse, _laurel_claimcodes_v1_GenerateClaimCodesRequest__Output, _laurel_claimcodes_v1_GenerateClaimCodesResponse__Output>
  GetClaimCode: MethodDefinition<_laurel_claimcodes_v1_GetClaimCodeRequest, _laurel_claimcodes_v1_GetClaimCodeResponse, _laurel_claimcodes_v1_GetClaimCodeRequest__Output, _laurel_claimcodes_v1_GetClaimCodeResponse__Output>
  ListClaimCodes: MethodDefinition<_laurel_claimcodes_v1_ListClaimCodesRequest, _laurel_claimcodes_v1_ListClaimCodesResponse, _laurel_claimcodes_v1_ListClaimCodesRequest__Output, _laurel_claimcodes_v1_ListClaimCodesResponse__Output>
}
