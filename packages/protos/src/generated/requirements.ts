import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { PageInfo as _laurel_common_v1_PageInfo, PageInfo__Output as _laurel_common_v1_PageInfo__Output } from './laurel/common/v1/PageInfo.js';
import type { PageRequest as _laurel_common_v1_PageRequest, PageRequest__Output as _laurel_common_v1_PageRequest__Output } from './laurel/common/v1/PageRequest.js';
import type { Action as _laurel_requirements_v1_Action, Action__Output as _laurel_requirements_v1_Action__Output } from './laurel/requirements/v1/Action.js';
import type { AddRequirementRequest as _laurel_requirements_v1_AddRequirementRequest, AddRequirementRequest__Output as _laurel_requirements_v1_AddRequirementRequest__Output } from './laurel/requirements/v1/AddRequirementRequest.js';
import type { AddRequirementResponse as _laurel_requirements_v1_AddRequirementResponse, AddRequirementResponse__Output as _laurel_requirements_v1_AddRequirementResponse__Output } from './laurel/requirements/v1/AddRequirementResponse.js';
import type { BadgeProgress as _laurel_requirements_v1_BadgeProgress, BadgeProgress__Output as _laurel_requirements_v1_BadgeProgress__Output } from './laurel/requirements/v1/BadgeProgress.js';
import type { CreateActionRequest as _laurel_requirements_v1_CreateActionRequest, CreateActionRequest__Output as _laurel_requirements_v1_CreateActionRequest__Output } from './laurel/requirements/v1/CreateActionRequest.js';
import type { CreateActionResponse as _laurel_requirements_v1_CreateActionResponse, CreateActionResponse__Output as _laurel_requirements_v1_CreateActionResponse__Output } from './laurel/requirements/v1/CreateActionResponse.js';
import type { DeleteActionRequest as _laurel_requirements_v1_DeleteActionRequest, DeleteActionRequest__Output as _laurel_requirements_v1_DeleteActionRequest__Output } from './laurel/requirements/v1/DeleteActionRequest.js';
import type { DeleteActionResponse as _laurel_requirements_v1_DeleteActionResponse, DeleteActionResponse__Output as _laurel_requirements_v1_DeleteActionResponse__Output } from './laurel/requirements/v1/DeleteActionResponse.js';
import type { DeleteBadgeRequirementsRequest as _laurel_requirements_v1_DeleteBadgeRequirementsRequest, DeleteBadgeRequirementsRequest__Output as _laurel_requirements_v1_DeleteBadgeRequirementsRequest__Output } from './laurel/requirements/v1/DeleteBadgeRequirementsRequest.js';
import type { DeleteBadgeRequirementsResponse as _laurel_requirements_v1_DeleteBadgeRequirementsResponse, DeleteBadgeRequirementsResponse__Output as _laurel_requirements_v1_DeleteBadgeRequirementsResponse__Output } from './laurel/requirements/v1/DeleteBadgeRequirementsResponse.js';
import type { DeleteRequirementRequest as _laurel_requirements_v1_DeleteRequirementRequest, DeleteRequirementRequest__Output as _laurel_requirements_v1_DeleteRequirementRequest__Output } from './laurel/requirements/v1/DeleteRequirementRequest.js';
import type { DeleteRequirementResponse as _laurel_requirements_v1_DeleteRequirementResponse, DeleteRequirementResponse__Output as _laurel_requirements_v1_DeleteRequirementResponse__Output } from './laurel/requirements/v1/DeleteRequirementResponse.js';
import type { GetActionRequest as _laurel_requirements_v1_GetActionRequest, GetActionRequest__Output as _laurel_requirements_v1_GetActionRequest__Output } from './laurel/requirements/v1/GetActionRequest.js';
import type { GetActionResponse as _laurel_requirements_v1_GetActionResponse, GetActionResponse__Output as _laurel_requirements_v1_GetActionResponse__Output } from './laurel/requirements/v1/GetActionResponse.js';
import type { GetMemberProgressRequest as _laurel_requirements_v1_GetMemberProgressRequest, GetMemberProgressRequest__Output as _laurel_requirements_v1_GetMemberProgressRequest__Output } from './laurel/requirements/v1/GetMemberProgressRequest.js';
import type { GetMemberProgressResponse as _laurel_requirements_v1_GetMemberProgressResponse, GetMemberProgressResponse__Output as _laurel_requirements_v1_GetMemberProgressResponse__Output } from './laurel/requirements/v1/GetMemberProgressResponse.js';
import type { ListActionsRequest as _laurel_requirements_v1_ListActionsRequest, ListActionsRequest__Output as _laurel_requirements_v1_ListActionsRequest__Output } from './laurel/requirements/v1/ListActionsRequest.js';
import type { ListActionsResponse as _laurel_requirements_v1_ListActionsResponse, ListActionsResponse__Output as _laurel_requirements_v1_ListActionsResponse__Output } from './laurel/requirements/v1/ListActionsResponse.js';
import type { ListMemberCountsRequest as _laurel_requirements_v1_ListMemberCountsRequest, ListMemberCountsRequest__Output as _laurel_requirements_v1_ListMemberCountsRequest__Output } from './laurel/requirements/v1/ListMemberCountsRequest.js';
import type { ListMemberCountsResponse as _laurel_requirements_v1_ListMemberCountsResponse, ListMemberCountsResponse__Output as _laurel_requirements_v1_ListMemberCountsResponse__Output } from './laurel/requirements/v1/ListMemberCountsResponse.js';
import type { ListRequirementsRequest as _laurel_requirements_v1_ListRequirementsRequest, ListRequirementsRequest__Output as _laurel_requirements_v1_ListRequirementsRequest__Output } from './laurel/requirements/v1/ListRequirementsRequest.js';
import type { ListRequirementsResponse as _laurel_requirements_v1_ListRequirementsResponse, ListRequirementsResponse__Output as _laurel_requirements_v1_ListRequirementsResponse__Output } from './laurel/requirements/v1/ListRequirementsResponse.js';
import type { MemberCount as _laurel_requirements_v1_MemberCount, MemberCount__Output as _laurel_requirements_v1_MemberCount__Output } from './laurel/requirements/v1/MemberCount.js';
import type { RecordUserActionRequest as _laurel_requirements_v1_RecordUserActionRequest, RecordUserActionRequest__Output as _laurel_requirements_v1_RecordUserActionRequest__Output } from './laurel/requirements/v1/RecordUserActionRequest.js';
import type { RecordUserActionResponse as _laurel_requirements_v1_RecordUserActionResponse, RecordUserActionResponse__Output as _laurel_requirements_v1_RecordUserActionResponse__Output } from './laurel/requirements/v1/RecordUserActionResponse.js';
import type { ReevaluateBadgeRequest as _laurel_requirements_v1_ReevaluateBadgeRequest, ReevaluateBadgeRequest__Output as _laurel_requirements_v1_ReevaluateBadgeRequest__Output } from './laurel/requirements/v1/ReevaluateBadgeRequest.js';
import type { ReevaluateBadgeResponse as _laurel_requirements_v1_ReevaluateBadgeResponse, ReevaluateBadgeResponse__Output as _laurel_requirements_v1_ReevaluateBadgeResponse__Output } from './laurel/requirements/v1/ReevaluateBadgeResponse.js';
import type { Requirement as _laurel_requirements_v1_Requirement, Requirement__Output as _laurel_requirements_v1_Requirement__Output } from './laurel/requirements/v1/Requirement.js';
import type { RequirementProgress as _laurel_requirements_v1_RequirementProgress, RequirementProgress__Output as _laurel_requirements_v1_RequirementProgress__Output } from './laurel/requirements/v1/RequirementProgress.js';
import type { RequirementsClient as _laurel_requirements_v1_RequirementsClient, RequirementsDefinition as _laurel_requirements_v1_RequirementsDefinition } from './laurel/requirements/v1/Requirements.js';
import type { UpdateActionRequest as _laurel_requirements_v1_UpdateActionRequest, UpdateActionRequest__Output as _laurel_requirements_v1_UpdateActionRequest__Output } from './laurel/requirements/v1/UpdateActionRequest.js';
import type { UpdateActionResponse as _laurel_requirements_v1_UpdateActionResponse, UpdateActionResponse__Output as _laurel_requirements_v1_UpdateActionResponse__Output } from './laurel/requirements/v1/UpdateActionResponse.js';
import type { UpdateRequirementRequest as _laurel_requirements_v1_UpdateRequirementRequest, UpdateRequirementRequest__Output as _laurel_requirements_v1_UpdateRequirementRequest__Output } from './laurel/requirements/v1/UpdateRequirementRequest.js';
import type { UpdateRequirementResponse as _laurel_requirements_v1_UpdateRequirementResponse, UpdateRequirementResponse__Output as _laurel_requirements_v1_UpdateRequirementResponse__Output } from './laurel/requirements/v1/UpdateRequirementResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  laurel: {
    common: {
      v1: {
        PageInfo: MessageTypeDefinition<_laurel_common_v1_PageInfo, _laurel_common_v1_PageInfo__Output>
        PageRequest: MessageTypeDefinition<_laurel_common_v1_PageRequest, _laurel_common_v1_PageRequest__Output>
      }
    }
    requirements: {
      v1: {
        Action: MessageTypeDefinition<_laurel_requirements_v1_Action, _laurel_requirements_v1_Action__Output>
        AddRequirementRequest: MessageTypeDefinition<_laurel_requirements_v1_AddRequirementRequest, _laurel_requirements_v1_AddRequirementRequest__Output>
        AddRequirementResponse: MessageTypeDefinition<_laurel_requirements_v1_AddRequirementResponse, _laurel_requirements_v1_AddRequirementResponse__Output>
        BadgeProgress: MessageTypeDefinition<_laurel_requirements_v1_BadgeProgress, _laurel_requirements_v1_BadgeProgress__Output>
        CreateActionRequest: MessageTypeDefinition<_laurel_requirements_v1_CreateActionRequest, _laurel_requirements_v1_CreateActionRequest__Output>
        CreateActionResponse: MessageTypeDefinition<_laurel_requirements_v1_CreateActionResponse, _laurel_requirements_v1_CreateActionResponse__Output>
        DeleteActionRequest: MessageTypeDefinition<_laurel_requirements_v1_DeleteActionRequest, _laurel_requirements_v1_DeleteActionRequest__Output>
        DeleteActionResponse: MessageTypeDefinition<_laurel_requirements_v1_DeleteActionResponse, _laurel_requirements_v1_DeleteActionResponse__Output>
        DeleteBadgeRequirementsRequest: MessageTypeDefinition<_laurel_requirements_v1_DeleteBadgeRequirementsRequest, _laurel_requirements_v1_DeleteBadgeRequirementsRequest__Output>
        DeleteBadgeRequirementsResponse: MessageTypeDefinition<_laurel_requirements_v1_DeleteBadgeRequirementsResponse, _laurel_requirements_v1_DeleteBadgeRequirementsResponse__Output>
        DeleteRequirementRequest: MessageTypeDefinition<_laurel_requirements_v1_DeleteRequirementRequest, _laurel_requirements_v1_DeleteRequirementRequest__Output>
        DeleteRequirementResponse: MessageTypeDefinition<_laurel_requirements_v1_DeleteRequirementResponse, _laurel_requirements_v1_DeleteRequirementResponse__Output>
        GetActionRequest: MessageTypeDefinition<_laurel_requirements_v1_GetActionRequest, _laurel_requirements_v1_GetActionRequest__Output>
        GetActionResponse: MessageTypeDefinition<_laurel_requirements_v1_GetActionResponse, _laurel_requirements_v1_GetActionResponse__Output>
        GetMemberProgressRequest: MessageTypeDefinition<_laurel_requirements_v1_GetMemberProgressRequest, _laurel_requirements_v1_GetMemberProgressRequest__Output>
        GetMemberProgressResponse: MessageTypeDefinition<_laurel_requirements_v1_GetMemberProgressResponse, _laurel_requirements_v1_GetMemberProgressResponse__Output>
        ListActionsRequest: MessageTypeDefinition<_laurel_requirements_v1_ListActionsRequest, _laurel_requirements_v1_ListActionsRequest__Output>
        ListActionsResponse: MessageTypeDefinition<_laurel_requirements_v1_ListActionsResponse, _laurel_requirements_v1_ListActionsResponse__Output>
        ListMemberCountsRequest: MessageTypeDefinition<_laurel_requirements_v1_ListMemberCountsRequest, _laurel_requirements_v1_ListMemberCountsRequest__Output>
        ListMemberCountsResponse: MessageTypeDefinition<_laurel_requirements_v1_ListMemberCountsResponse, _laurel_requirements_v1_ListMemberCountsResponse__Output>
        ListRequirementsRequest: MessageTypeDefinition<_laurel_requirements_v1_ListRequirementsRequest, _laurel_requirements_v1_ListRequirementsRequest__Output>
        ListRequirementsResponse: MessageTypeDefinition<_laurel_requirements_v1_ListRequirementsResponse, _laurel_requirements_v1_ListRequirementsResponse__Output>
        MemberCount: MessageTypeDefinition<_laurel_requirements_v1_MemberCount, _laurel_requirements_v1_MemberCount__Output>
        RecordUserActionRequest: MessageTypeDefinition<_laurel_requirements_v1_RecordUserActionRequest, _laurel_requirements_v1_RecordUserActionRequest__Output>
        RecordUserActionResponse: MessageTypeDefinition<_laurel_requirements_v1_RecordUserActionResponse, _laurel_requirements_v1_RecordUserActionResponse__Output>
        ReevaluateBadgeRequest: MessageTypeDefinition<_laurel_requirements_v1_ReevaluateBadgeRequest, _laurel_requirements_v1_ReevaluateBadgeRequest__Output>
        ReevaluateBadgeResponse: MessageTypeDefinition<_laurel_requirements_v1_ReevaluateBadgeResponse, _laurel_requirements_v1_ReevaluateBadgeResponse__Output>
        Requirement: MessageTypeDefinition<_laurel_requirements_v1_Requirement, _laurel_requirements_v1_Requirement__Output>
        RequirementProgress: MessageTypeDefinition<_laurel_requirements_v1_RequirementProgress, _laurel_requirements_v1_RequirementProgress__Output>
        Requirements: SubtypeConstructor<typeof grpc.Client, _laurel_requirements_v1_RequirementsClient> & { service: _laurel_requirements_v1_RequirementsDefinition }
        UpdateActionRequest: MessageTypeDefinition<_laurel_requirements_v1_UpdateActionRequest, _laurel_requirements_v1_UpdateActionRequest__Output>
        UpdateActionResponse: MessageTypeDefinition<_laurel_requirements_v1_UpdateActionResponse, _laurel_requirements_v1_UpdateActionResponse__Output>
        UpdateRequirementRequest: MessageTypeDefinition<_laurel_requirements_v1_UpdateRequirementRequest, _laurel_requirements_v1_UpdateRequirementRequest__Output>
        UpdateRequirementResponse: MessageTypeDefinition<_laurel_requirements_v1_UpdateRequirementResponse, _laurel_requirements_v1_UpdateRequirementResponse__Output>
      }
    }
  }
}

