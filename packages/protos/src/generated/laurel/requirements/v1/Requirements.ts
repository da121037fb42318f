// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddRequirementRequest as _laurel_requirements_v1_AddRequirementRequest, AddRequirementRequest__Output as _laurel_requirements_v1_AddRequirementRequest__Output } from '../../../laurel/requirements/v1/AddRequirementRequest.js';
import type { AddRequirementResponse as _laurel_requirements_v1_AddRequirementResponse, AddRequirementResponse__Output as _laurel_requirements_v1_AddRequirementResponse__Output } from '../../../laurel/requirements/v1/AddRequirementResponse.js';
import type { CreateActionRequest as _laurel_requirements_v1_CreateActionRequest, CreateActionRequest__Output as _laurel_requirements_v1_CreateActionRequest__Output } from '../../../laurel/requirements/v1/CreateActionRequest.js';
import type { CreateActionResponse as _laurel_requirements_v1_CreateActionResponse, CreateActionResponse__Output as _laurel_requirements_v1_CreateActionResponse__Output } from '../../../laurel/requirements/v1/CreateActionResponse.js';
import type { DeleteActionRequest as _laurel_requirements_v1_DeleteActionRequest, DeleteActionRequest__Output as _laurel_requirements_v1_DeleteActionRequest__Output } from '../../../laurel/requirements/v1/DeleteActionRequest.js';
import type { DeleteActionResponse as _laurel_requirements_v1_DeleteActionResponse, DeleteActionResponse__Output as _laurel_requirements_v1_DeleteActionResponse__Output } from '../../../laurel/requirements/v1/DeleteActionResponse.js';
import type { DeleteBadgeRequirementsRequest as _laurel_requirements_v1_DeleteBadgeRequirementsRequest, DeleteBadgeRequirementsRequest__Output as _laurel_requirements_v1_DeleteBadgeRequirementsRequest__Output } from '../../../laurel/requirements/v1/DeleteBadgeRequirementsRequest.js';
import type { DeleteBadgeRequirementsResponse as _laurel_requirements_v1_DeleteBadgeRequirementsResponse, DeleteBadgeRequirementsResponse__Output as _laurel_requirements_v1_DeleteBadgeRequirementsResponse__Output } from '../../../laurel/requirements/v1/DeleteBadgeRequirementsResponse.js';
import type { DeleteRequirementRequest as _laurel_requirements_v1_DeleteRequirementRequest, DeleteRequirementRequest__Output as _laurel_requirements_v1_DeleteRequirementRequest__Output } from '../../../laurel/requirements/v1/DeleteRequirementRequest.js';
import type { DeleteRequirementResponse as _laurel_requirements_v1_DeleteRequirementResponse, DeleteRequirementResponse__Output as _laurel_requirements_v1_DeleteRequirementResponse__Output } from '../../../laurel/requirements/v1/DeleteRequirementResponse.js';
import type { GetActionRequest as _laurel_requirements_v1_GetActionRequest, GetActionRequest__Output as _laurel_requirements_v1_GetActionRequest__Output } from '../../../laurel/requirements/v1/GetActionRequest.js';
import type { GetActionResponse as _laurel_requirements_v1_GetActionResponse, GetActionResponse__Output as _laurel_requirements_v1_GetActionResponse__Output } from '../../../laurel/requirements/v1/GetActionResponse.js';
import type { GetMemberProgressRequest as _laurel_requirements_v1_GetMemberProgressRequest, GetMemberProgressRequest__Output as _laurel_requirements_v1_GetMemberProgressRequest__Output } from '../../../laurel/requirements/v1/GetMemberProgressRequest.js';
import type { GetMemberProgressResponse as _laurel_requirements_v1_GetMemberProgressResponse, GetMemberProgressResponse__Output as _laurel_requirements_v1_GetMemberProgressResponse__Output } from '../../../laurel/requirements/v1/GetMemberProgressResponse.js';
import type { ListActionsRequest as _laurel_requirements_v1_ListActionsRequest, ListActionsRequest__Output as _laurel_requirements_v1_ListActionsRequest__Output } from '../../../laurel/requirements/v1/ListActionsRequest.js';
import type { ListActionsResponse as _laurel_requirements_v1_ListActionsResponse, ListActionsResponse__Output as _laurel_requirements_v1_ListActionsResponse__Output } from '../../../laurel/requirements/v1/ListActionsResponse.js';
import type { ListMemberCountsRequest as _laurel_requirements_v1_ListMemberCountsRequest, ListMemberCountsRequest__Output as _laurel_requirements_v1_ListMemberCountsRequest__Output } from '../../../laurel/requirements/v1/ListMemberCountsRequest.js';
import type { ListMemberCountsResponse as _laurel_requirements_v1_ListMemberCountsResponse, ListMemberCountsResponse__Output as _laurel_requirements_v1_ListMemberCountsResponse__Output } from '../../../laurel/requirements/v1/ListMemberCountsResponse.js';
import type { ListRequirementsRequest as _laurel_requirements_v1_ListRequirementsRequest, ListRequirementsRequest__Output as _laurel_requirements_v1_ListRequirementsRequest__Output } from '../../../laurel/requirements/v1/ListRequirementsRequest.js';
import type { ListRequirementsResponse as _laurel_requirements_v1_ListRequirementsResponse, ListRequirementsResponse__Output as _laurel_requirements_v1_ListRequirementsResponse__Output } from '../../../laurel/requirements/v1/ListRequirementsResponse.js';
import type { RecordUserActionRequest as _laurel_requirements_v1_RecordUserActionRequest, RecordUserActionRequest__Output as _laurel_requirements_v1_RecordUserActionRequest__Output } from '../../../laurel/requirements/v1/RecordUserActionRequest.js';
import type { RecordUserActionResponse as _laurel_requirements_v1_RecordUserActionResponse, RecordUserActionResponse__Output as _laurel_requirements_v1_RecordUserActionResponse__Output } from '../../../laurel/requirements/v1/RecordUserActionResponse.js';
import type { ReevaluateBadgeRequest as _laurel_requirements_v1_ReevaluateBadgeRequest, ReevaluateBadgeRequest__Output as _laurel_requirements_v1_ReevaluateBadgeRequest__Output } from '../../../laurel/requirements/v1/ReevaluateBadgeRequest.js';
import type { ReevaluateBadgeResponse as _laurel_requirements_v1_ReevaluateBadgeResponse, ReevaluateBadgeResponse__Output as _laurel_requirements_v1_ReevaluateBadgeResponse__Output } from '../../../laurel/requirements/v1/ReevaluateBadgeResponse.js';
import type { UpdateActionRequest as _laurel_requirements_v1_UpdateActionRequest, UpdateActionRequest__Output as _laurel_requirements_v1_UpdateActionRequest__Output } from '../../../laurel/requirements/v1/UpdateActionRequest.js';
import type { UpdateActionResponse as _laurel_requirements_v1_UpdateActionResponse, UpdateActionResponse__Output as _laurel_requirements_v1_UpdateActionResponse__Output } from '../../../laurel/requirements/v1/UpdateActionResponse.js';
import type { UpdateRequirementRequest as _laurel_requirements_v1_UpdateRequirementRequest, UpdateRequirementRequest__Output as _laurel_requirements_v1_UpdateRequirementRequest__Output } from '../../../laurel/requirements/v1/UpdateRequirementRequest.js';
import type { UpdateRequirementResponse as _laurel_requirements_v1_UpdateRequirementResponse, UpdateRequirementResponse__Output as _laurel_requirements_v1_UpdateRequirementResponse__Output } from '../../../laurel/requirements/v1/UpdateRequirementResponse.js';

export interface RequirementsClient extends grpc.Client {
  AddRequirement(argument: _laurel_requirements_v1_AddRequirementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_AddRequirementResponse__Output>): grpc.ClientUnaryCall;
  AddRequirement(argument: _laurel_requirements_v1_AddRequirementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_AddRequirementResponse__Output>): grpc.ClientUnaryCall;
  AddRequirement(argument: _laurel_requirements_v1_AddRequirementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_AddRequirementResponse__Output>): grpc.ClientUnaryCall;
  AddRequirement(argument: _laurel_requirements_v1_AddRequirementRequest, callback: grpc.requestCallback<_laurel_requirements_v1_AddRequirementResponse__Output>): grpc.ClientUnaryCall;
  addRequirement(argument: _laurel_requirements_v1_AddRequirementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_AddRequirementResponse__Output>): grpc.ClientUnaryCall;
  addRequirement(argument: _laurel_requirements_v1_AddRequirementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_AddRequirementResponse__Output>): grpc.ClientUnaryCall;
  addRequirement(argument: _laurel_requirements_v1_AddRequirementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_AddRequirementResponse__Output>): grpc.ClientUnaryCall;
  addRequirement(argument: _laurel_requirements_v1_AddRequirementRequest, callback: grpc.requestCallback<_laurel_requirements_v1_AddRequirementResponse__Output>): grpc.ClientUnaryCall;
  
  CreateAction(argument: _laurel_requirements_v1_CreateActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_CreateActionResponse__Output>): grpc.ClientUnaryCall;
  CreateAction(argument: _laurel_requirements_v1_CreateActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_CreateActionResponse__Output>): grpc.ClientUnaryCall;
  CreateAction(argument: _laurel_requirements_v1_CreateActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_CreateActionResponse__Output>): grpc.ClientUnaryCall;
  CreateAction(argument: _laurel_requirements_v1_CreateActionRequest, callback: grpc.requestCallback<_laurel_requirements_v1_CreateActionResponse__Output>): grpc.ClientUnaryCall;
  createAction(argument: _laurel_requirements_v1_CreateActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_CreateActionResponse__Output>): grpc.ClientUnaryCall;
  createAction(argument: _laurel_requirements_v1_CreateActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_CreateActionResponse__Output>): grpc.ClientUnaryCall;
  createAction(argument: _laurel_requirements_v1_CreateActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_CreateActionResponse__Output>): grpc.ClientUnaryCall;
  createAction(argument: _laurel_requirements_v1_CreateActionRequest, callback: grpc.requestCallback<_laurel_requirements_v1_CreateActionResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteAction(argument: _laurel_requirements_v1_DeleteActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteActionResponse__Output>): grpc.ClientUnaryCall;
  DeleteAction(argument: _laurel_requirements_v1_DeleteActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteActionResponse__Output>): grpc.ClientUnaryCall;
  DeleteAction(argument: _laurel_requirements_v1_DeleteActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteActionResponse__Output>): grpc.ClientUnaryCall;
  DeleteAction(argument: _laurel_requirements_v1_DeleteActionRequest, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteActionResponse__Output>): grpc.ClientUnaryCall;
  deleteAction(argument: _laurel_requirements_v1_DeleteActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteActionResponse__Output>): grpc.ClientUnaryCall;
  deleteAction(argument: _laurel_requirements_v1_DeleteActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteActionResponse__Output>): grpc.ClientUnaryCall;
  deleteAction(argument: _laurel_requirements_v1_DeleteActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteActionResponse__Output>): grpc.ClientUnaryCall;
  deleteAction(argument: _laurel_requirements_v1_DeleteActionRequest, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteActionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Removes every requirement of a badge that is being deleted (KickApps
   * Delete Badge); members' counts stay.
   */
  DeleteBadgeRequirements(argument: _laurel_requirements_v1_DeleteBadgeRequirementsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteBadgeRequirementsResponse__Output>): grpc.ClientUnaryCall;
  DeleteBadgeRequirements(argument: _laurel_requirements_v1_DeleteBadgeRequirementsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteBadgeRequirementsResponse__Output>): grpc.ClientUnaryCall;
  DeleteBadgeRequirements(argument: _laurel_requirements_v1_DeleteBadgeRequirementsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteBadgeRequirementsResponse__Output>): grpc.ClientUnaryCall;
  DeleteBadgeRequirements(argument: _laurel_requirements_v1_DeleteBadgeRequirementsRequest, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteBadgeRequirementsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Removes every requirement of a badge that is being deleted (KickApps
   * Delete Badge); members' counts stay.
   */
  deleteBadgeRequirements(argument: _laurel_requirements_v1_DeleteBadgeRequirementsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteBadgeRequirementsResponse__Output>): grpc.ClientUnaryCall;
  deleteBadgeRequirements(argument: _laurel_requirements_v1_DeleteBadgeRequirementsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteBadgeRequirementsResponse__Output>): grpc.ClientUnaryCall;
  deleteBadgeRequirements(argument: _laurel_requirements_v1_DeleteBadgeRequirementsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteBadgeRequirementsResponse__Output>): grpc.ClientUnaryCall;
  deleteBadgeRequirements(argument: _laurel_requirements_v1_DeleteBadgeRequirementsRequest, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteBadgeRequirementsResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteRequirement(argument: _laurel_requirements_v1_DeleteRequirementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteRequirementResponse__Output>): grpc.ClientUnaryCall;
  DeleteRequirement(argument: _laurel_requirements_v1_DeleteRequirementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteRequirementResponse__Output>): grpc.ClientUnaryCall;
  DeleteRequirement(argument: _laurel_requirements_v1_DeleteRequirementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteRequirementResponse__Output>): grpc.ClientUnaryCall;
  DeleteRequirement(argument: _laurel_requirements_v1_DeleteRequirementRequest, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteRequirementResponse__Output>): grpc.ClientUnaryCall;
  deleteRequirement(argument: _laurel_requirements_v1_DeleteRequirementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteRequirementResponse__Output>): grpc.ClientUnaryCall;
  deleteRequirement(argument: _laurel_requirements_v1_DeleteRequirementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteRequirementResponse__Output>): grpc.ClientUnaryCall;
  deleteRequirement(argument: _laurel_requirements_v1_DeleteRequirementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteRequirementResponse__Output>): grpc.ClientUnaryCall;
  deleteRequirement(argument: _laurel_requirements_v1_DeleteRequirementRequest, callback: grpc.requestCallback<_laurel_requirements_v1_DeleteRequirementResponse__Output>): grpc.ClientUnaryCall;
  
  GetAction(argument: _laurel_requirements_v1_GetActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_GetActionResponse__Output>): grpc.ClientUnaryCall;
  GetAction(argument: _laurel_requirements_v1_GetActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_GetActionResponse__Output>): grpc.ClientUnaryCall;
  GetAction(argument: _laurel_requirements_v1_GetActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_GetActionResponse__Output>): grpc.ClientUnaryCall;
  GetAction(argument: _laurel_requirements_v1_GetActionRequest, callback: grpc.requestCallback<_laurel_requirements_v1_GetActionResponse__Output>): grpc.ClientUnaryCall;
  getAction(argument: _laurel_requirements_v1_GetActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_GetActionResponse__Output>): grpc.ClientUnaryCall;
  getAction(argument: _laurel_requirements_v1_GetActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_GetActionResponse__Output>): grpc.ClientUnaryCall;
  getAction(argument: _laurel_requirements_v1_GetActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_GetActionResponse__Output>): grpc.ClientUnaryCall;
  getAction(argument: _laurel_requirements_v1_GetActionRequest, callback: grpc.requestCallback<_laurel_requirements_v1_GetActionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A member's progress towards badges' published requirements.
   */
  GetMemberProgress(argument: _laurel_requirements_v1_GetMemberProgressRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_GetMemberProgressResponse__Output>): grpc.ClientUnaryCall;
  GetMemberProgress(argument: _laurel_requirements_v1_GetMemberProgressRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_GetMemberProgressResponse__Output>): grpc.ClientUnaryCall;
  GetMemberProgress(argument: _laurel_requirements_v1_GetMemberProgressRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_GetMemberProgressResponse__Output>): grpc.ClientUnaryCall;
  GetMemberProgress(argument: _laurel_requirements_v1_GetMemberProgressRequest, callback: grpc.requestCallback<_laurel_requirements_v1_GetMemberProgressResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A member's progress towards badges' published requirements.
   */
  getMemberProgress(argument: _laurel_requirements_v1_GetMemberProgressRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_GetMemberProgressResponse__Output>): grpc.ClientUnaryCall;
  getMemberProgress(argument: _laurel_requirements_v1_GetMemberProgressRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_GetMemberProgressResponse__Output>): grpc.ClientUnaryCall;
  getMemberProgress(argument: _laurel_requirements_v1_GetMemberProgressRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_GetMemberProgressResponse__Output>): grpc.ClientUnaryCall;
  getMemberProgress(argument: _laurel_requirements_v1_GetMemberProgressRequest, callback: grpc.requestCallback<_laurel_requirements_v1_GetMemberProgressResponse__Output>): grpc.ClientUnaryCall;
  
  ListActions(argument: _laurel_requirements_v1_ListActionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ListActionsResponse__Output>): grpc.ClientUnaryCall;
  ListActions(argument: _laurel_requirements_v1_ListActionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_ListActionsResponse__Output>): grpc.ClientUnaryCall;
  ListActions(argument: _laurel_requirements_v1_ListActionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ListActionsResponse__Output>): grpc.ClientUnaryCall;
  ListActions(argument: _laurel_requirements_v1_ListActionsRequest, callback: grpc.requestCallback<_laurel_requirements_v1_ListActionsResponse__Output>): grpc.ClientUnaryCall;
  listActions(argument: _laurel_requirements_v1_ListActionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ListActionsResponse__Output>): grpc.ClientUnaryCall;
  listActions(argument: _laurel_requirements_v1_ListActionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_ListActionsResponse__Output>): grpc.ClientUnaryCall;
  listActions(argument: _laurel_requirements_v1_ListActionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ListActionsResponse__Output>): grpc.ClientUnaryCall;
  listActions(argument: _laurel_requirements_v1_ListActionsRequest, callback: grpc.requestCallback<_laurel_requirements_v1_ListActionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A member's count per (action, location).
   */
  ListMemberCounts(argument: _laurel_requirements_v1_ListMemberCountsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ListMemberCountsResponse__Output>): grpc.ClientUnaryCall;
  ListMemberCounts(argument: _laurel_requirements_v1_ListMemberCountsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_ListMemberCountsResponse__Output>): grpc.ClientUnaryCall;
  ListMemberCounts(argument: _laurel_requirements_v1_ListMemberCountsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ListMemberCountsResponse__Output>): grpc.ClientUnaryCall;
  ListMemberCounts(argument: _laurel_requirements_v1_ListMemberCountsRequest, callback: grpc.requestCallback<_laurel_requirements_v1_ListMemberCountsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A member's count per (action, location).
   */
  listMemberCounts(argument: _laurel_requirements_v1_ListMemberCountsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ListMemberCountsResponse__Output>): grpc.ClientUnaryCall;
  listMemberCounts(argument: _laurel_requirements_v1_ListMemberCountsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_ListMemberCountsResponse__Output>): grpc.ClientUnaryCall;
  listMemberCounts(argument: _laurel_requirements_v1_ListMemberCountsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ListMemberCountsResponse__Output>): grpc.ClientUnaryCall;
  listMemberCounts(argument: _laurel_requirements_v1_ListMemberCountsRequest, callback: grpc.requestCallback<_laurel_requirements_v1_ListMemberCountsResponse__Output>): grpc.ClientUnaryCall;
  
  ListRequirements(argument: _laurel_requirements_v1_ListRequirementsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ListRequirementsResponse__Output>): grpc.ClientUnaryCall;
  ListRequirements(argument: _laurel_requirements_v1_ListRequirementsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_ListRequirementsResponse__Output>): grpc.ClientUnaryCall;
  ListRequirements(argument: _laurel_requirements_v1_ListRequirementsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ListRequirementsResponse__Output>): grpc.ClientUnaryCall;
  ListRequirements(argument: _laurel_requirements_v1_ListRequirementsRequest, callback: grpc.requestCallback<_laurel_requirements_v1_ListRequirementsResponse__Output>): grpc.ClientUnaryCall;
  listRequirements(argument: _laurel_requirements_v1_ListRequirementsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ListRequirementsResponse__Output>): grpc.ClientUnaryCall;
  listRequirements(argument: _laurel_requirements_v1_ListRequirementsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_ListRequirementsResponse__Output>): grpc.ClientUnaryCall;
  listRequirements(argument: _laurel_requirements_v1_ListRequirementsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ListRequirementsResponse__Output>): grpc.ClientUnaryCall;
  listRequirements(argument: _laurel_requirements_v1_ListRequirementsRequest, callback: grpc.requestCallback<_laurel_requirements_v1_ListRequirementsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * KickApps Add User Action.
   */
  RecordUserAction(argument: _laurel_requirements_v1_RecordUserActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_RecordUserActionResponse__Output>): grpc.ClientUnaryCall;
  RecordUserAction(argument: _laurel_requirements_v1_RecordUserActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_RecordUserActionResponse__Output>): grpc.ClientUnaryCall;
  RecordUserAction(argument: _laurel_requirements_v1_RecordUserActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_RecordUserActionResponse__Output>): grpc.ClientUnaryCall;
  RecordUserAction(argument: _laurel_requirements_v1_RecordUserActionRequest, callback: grpc.requestCallback<_laurel_requirements_v1_RecordUserActionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * KickApps Add User Action.
   */
  recordUserAction(argument: _laurel_requirements_v1_RecordUserActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_RecordUserActionResponse__Output>): grpc.ClientUnaryCall;
  recordUserAction(argument: _laurel_requirements_v1_RecordUserActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_RecordUserActionResponse__Output>): grpc.ClientUnaryCall;
  recordUserAction(argument: _laurel_requirements_v1_RecordUserActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_RecordUserActionResponse__Output>): grpc.ClientUnaryCall;
  recordUserAction(argument: _laurel_requirements_v1_RecordUserActionRequest, callback: grpc.requestCallback<_laurel_requirements_v1_RecordUserActionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Asks for every member to be re-evaluated for a badge that turned
   * published. The catalog emits no events, so whoever published the badge
   * (the gateway) says so here.
   */
  ReevaluateBadge(argument: _laurel_requirements_v1_ReevaluateBadgeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ReevaluateBadgeResponse__Output>): grpc.ClientUnaryCall;
  ReevaluateBadge(argument: _laurel_requirements_v1_ReevaluateBadgeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_ReevaluateBadgeResponse__Output>): grpc.ClientUnaryCall;
  ReevaluateBadge(argument: _laurel_requirements_v1_ReevaluateBadgeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ReevaluateBadgeResponse__Output>): grpc.ClientUnaryCall;
  ReevaluateBadge(argument: _laurel_requirements_v1_ReevaluateBadgeRequest, callback: grpc.requestCallback<_laurel_requirements_v1_ReevaluateBadgeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Asks for every member to be re-evaluated for a badge that turned
   * published. The catalog emits no events, so whoever published the badge
   * (the gateway) says so here.
   */
  reevaluateBadge(argument: _laurel_requirements_v1_ReevaluateBadgeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ReevaluateBadgeResponse__Output>): grpc.ClientUnaryCall;
  reevaluateBadge(argument: _laurel_requirements_v1_ReevaluateBadgeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_ReevaluateBadgeResponse__Output>): grpc.ClientUnaryCall;
  reevaluateBadge(argument: _laurel_requirements_v1_ReevaluateBadgeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_ReevaluateBadgeResponse__Output>): grpc.ClientUnaryCall;
  reevaluateBadge(argument: _laurel_requirements_v1_ReevaluateBadgeRequest, callback: grpc.requestCallback<_laurel_requirements_v1_ReevaluateBadgeResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateAction(argument: _laurel_requirements_v1_UpdateActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateActionResponse__Output>): grpc.ClientUnaryCall;
  UpdateAction(argument: _laurel_requirements_v1_UpdateActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateActionResponse__Output>): grpc.ClientUnaryCall;
  UpdateAction(argument: _laurel_requirements_v1_UpdateActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateActionResponse__Output>): grpc.ClientUnaryCall;
  UpdateAction(argument: _laurel_requirements_v1_UpdateActionRequest, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateActionResponse__Output>): grpc.ClientUnaryCall;
  updateAction(argument: _laurel_requirements_v1_UpdateActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateActionResponse__Output>): grpc.ClientUnaryCall;
  updateAction(argument: _laurel_requirements_v1_UpdateActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateActionResponse__Output>): grpc.ClientUnaryCall;
  updateAction(argument: _laurel_requirements_v1_UpdateActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateActionResponse__Output>): grpc.ClientUnaryCall;
  updateAction(argument: _laurel_requirements_v1_UpdateActionRequest, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateActionResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateRequirement(argument: _laurel_requirements_v1_UpdateRequirementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateRequirementResponse__Output>): grpc.ClientUnaryCall;
  UpdateRequirement(argument: _laurel_requirements_v1_UpdateRequirementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateRequirementResponse__Output>): grpc.ClientUnaryCall;
  UpdateRequirement(argument: _laurel_requirements_v1_UpdateRequirementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateRequirementResponse__Output>): grpc.ClientUnaryCall;
  UpdateRequirement(argument: _laurel_requirements_v1_UpdateRequirementRequest, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateRequirementResponse__Output>): grpc.ClientUnaryCall;
  updateRequirement(argument: _laurel_requirements_v1_UpdateRequirementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateRequirementResponse__Output>): grpc.ClientUnaryCall;
  updateRequirement(argument: _laurel_requirements_v1_UpdateRequirementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateRequirementResponse__Output>): grpc.ClientUnaryCall;
  updateRequirement(argument: _laurel_requirements_v1_UpdateRequirementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateRequirementResponse__Output>): grpc.ClientUnaryCall;
  updateRequirement(argument: _laurel_requirements_v1_UpdateRequirementRequest, callback: grpc.requestCallback<_laurel_requirements_v1_UpdateRequirementResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface RequirementsHandlers extends grpc.UntypedServiceImplementation {
  AddRequirement: grpc.handleUnaryCall<_laurel_requirements_v1_AddRequirementRequest__Output, _laurel_requirements_v1_AddRequirementResponse>;
  
  CreateAction: grpc.handleUnaryCall<_laurel_requirements_v1_CreateActionRequest__Output, _laurel_requirements_v1_CreateActionResponse>;
  
  DeleteAction: grpc.handleUnaryCall<_laurel_requirements_v1_DeleteActionRequest__Output, _laurel_requirements_v1_DeleteActionResponse>;
  
  /**
   * Removes every requirement of a badge that is being deleted (KickApps
   * Delete Badge); members' counts stay.
   */
  DeleteBadgeRequirements: grpc.handleUnaryCall<_laurel_requirements_v1_DeleteBadgeRequirementsRequest__Output, _laurel_requirements_v1_DeleteBadgeRequirementsResponse>;
  
  DeleteRequirement: grpc.handleUnaryCall<_laurel_requirements_v1_DeleteRequirementRequest__Output, _laurel_requirements_v1_DeleteRequirementResponse>;
  
  GetAction: grpc.handleUnaryCall<_laurel_requirements_v1_GetActionRequest__Output, _laurel_requirements_v1_GetActionResponse>;
  
  /**
   * A member's progress towards badges' published requirements.
   */
  GetMemberProgress: grpc.handleUnaryCall<_laurel_requirements_v1_GetMemberProgressRequest__Output, _laurel_requirements_v1_GetMemberProgressResponse>;
  
  ListActions: grpc.handleUnaryCall<_laurel_requirements_v1_ListActionsRequest__Output, _laurel_requirements_v1_ListActionsResponse>;
  
  /**
   * A member's count per (action, location).
   */
  ListMemberCounts: grpc.handleUnaryCall<_laurel_requirements_v1_ListMemberCountsRequest__Output, _laurel_requirements_v1_ListMemberCountsResponse>;
  
  ListRequirements: grpc.handleUnaryCall<_laurel_requirements_v1_ListRequirementsRequest__Output, _laurel_requirements_v1_ListRequirementsResponse>;
  
  /**
   * KickApps Add User Action.
   */
  RecordUserAction: grpc.handleUnaryCall<_laurel_requirements_v1_RecordUserActionRequest__Output, _laurel_requirements_v1_RecordUserActionResponse>;
  
  /**
   * Asks for every member to be re-evaluated for a badge that turned
   * published. The catalog emits no events, so whoever published the badge
   * (the gateway) says so here.
   */
  ReevaluateBadge: grpc.handleUnaryCall<_laurel_requirements_v1_ReevaluateBadgeRequest__Output, _laurel_requirements_v1_ReevaluateBadgeResponse>;
  
  UpdateAction: grpc.handleUnaryCall<_laurel_requirements_v1_UpdateActionRequest__Output, _laurel_requirements_v1_UpdateActionResponse>;
  
  UpdateRequirement: grpc.handleUnaryCall<_laurel_requirements_v1_UpdateRequirementRequest__Output, _laurel_requirements_v1_UpdateRequirementResponse>;
  
}

export interface RequirementsDefinition extends grpc.ServiceDefinition {
  AddRequirement: MethodDefinition<_laurel_requirements_v1_AddRequirementRequest, _laurel_requirements_v1_AddRequirementResponse, _laurel_requirements_v1_AddRequirementRequest__Output, _laurel_requirements_v1_AddRequirementResponse__Output>
  CreateAction: MethodDefinition<_laurel_requirements_v1_CreateActionRequest, _laurel_requirements_v1_CreateActionResponse, _laurel_requirements_v1_CreateActionRequest__Output, _laurel_requirements_v1_CreateActionResponse__Output>
  DeleteAction: MethodDefinition<_laurel_requirements_v1_DeleteActionRequest, _laurel_requirements_v1_DeleteActionResponse, _laurel_requirements_v1_DeleteActionRequest__Output, _laurel_requirements_v1_DeleteActionResponse__Output>
  DeleteBadgeRequirements: MethodDefinition<_laurel_requirements_v1_DeleteBadgeRequirementsRequest, _laurel_requirements_v1_DeleteBadgeRequirementsResponse, _laurel_requirements_v1_DeleteBadgeRequirementsRequest__Output, _laurel_requirements_v1_DeleteBadgeRequirementsResponse__Output>
  DeleteRequirement: MethodDefinition<_laurel_requirements_v1_DeleteRequirementRequest, _laurel_requirements_v1_DeleteRequirementResponse, _laurel_requirements_v1_DeleteRequirementRequest__Output, _laurel_requirements_v1_DeleteRequirementResponse__Output>
  GetAction: MethodDefinition<_laurel_requirements_v1_GetActionRequest, _laurel_requirements_v1_GetActionResponse, _laurel_requirements_v1_GetActionRequest__Output, _laurel_requirements_v1_GetActionResponse__Output>
  GetMemberProgress: MethodDefinition<_laurel_requirements_v1_GetMemberProgressRequest, _laurel_requirements_v1_GetMemberProgressResponse, _laurel_requirements_v1_GetMemberProgressRequest__Output, _laurel_requirements_v1_GetMemberProgressResponse__Output>
  ListActions: MethodDefinition<_laurel_requirements_v1_ListActionsRequest, _laurel_requirements_v1_ListActionsResponse, _laurel_requirements_v1_ListActionsRequest__Output, _laurel_requirements_v1_ListActionsResponse__Output>
  ListMemberCounts: MethodDefinition<_laurel_requirements_v1_ListMemberCountsRequest, _laurel_requirements_v1_ListMemberCountsResponse, _laurel_requirements_v1_ListMemberCountsRequest__Output, _laurel_requirements_v1_ListMemberCountsResponse__Output>
  ListRequirements: MethodDefinition<_laurel_requirements_v1_ListRequirementsRequest, _laurel_requirements_v1_ListRequirementsResponse, _laurel_requirements_v1_ListRequirementsRequest__Output, _laurel_requirements_v1_ListRequirementsResponse__Output>
  RecordUserAction: MethodDefinition<_laurel_requirements_v1_RecordUserActionRequest, _laurel_requirements_v1_RecordUserActionResponse, _laurel_requirements_v1_RecordUserActionRequest__Output, _laurel_requirements_v1_RecordUserActionResponse__Output>
  ReevaluateBadge: MethodDefinition<_laurel_requirements_v1_ReevaluateBadgeRequest, _laurel_requirements_v1_ReevaluateBadgeResponse, _laurel_requirements_v1_ReevaluateBadgeRequest__Output, _laurel_requirements_v1_ReevaluateBadgeResponse__Output>
  UpdateAction: MethodDefinition<_laurel_requirements_v1_UpdateActionRequest, _laurel_requirements_v1_UpdateActionResponse, _laurel_requirements_v1_UpdateActionRequest__Output, _laurel_requirements_v1_UpdateActionResponse__Output>
  UpdateRequirement: MethodDefinition<_laurel_requirements_v1_UpdateRequirementRequest, _laurel_requirements_v1_UpdateRequirementResponse, _laurel_requirements_v1_UpdateRequirementRequest__Output, _laurel_requirements_v1_UpdateRequirementResponse__Output>
}
