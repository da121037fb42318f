import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { PageInfo as _laurel_common_v1_PageInfo, PageInfo__Output as _laurel_common_v1_PageInfo__Output } from './laurel/common/v1/PageInfo.js';
import type { PageRequest as _laurel_common_v1_PageRequest, PageRequest__Output as _laurel_common_v1_PageRequest__Output } from './laurel/common/v1/PageRequest.js';
import type { BadgeAwarded as _laurel_events_v1_BadgeAwarded, BadgeAwarded__Output as _laurel_events_v1_BadgeAwarded__Output } from './laurel/events/v1/BadgeAwarded.js';
import type { BadgeRevoked as _laurel_events_v1_BadgeRevoked, BadgeRevoked__Output as _laurel_events_v1_BadgeRevoked__Output } from './laurel/events/v1/BadgeRevoked.js';
import type { OutcomeRecorded as _laurel_events_v1_OutcomeRecorded, OutcomeRecorded__Output as _laurel_events_v1_OutcomeRecorded__Output } from './laurel/events/v1/OutcomeRecorded.js';
import type { Recipient as _laurel_events_v1_Recipient, Recipient__Output as _laurel_events_v1_Recipient__Output } from './laurel/events/v1/Recipient.js';
import type { RequirementChanged as _laurel_events_v1_RequirementChanged, RequirementChanged__Output as _laurel_events_v1_RequirementChanged__Output } from './laurel/events/v1/RequirementChanged.js';
import type { RequirementState as _laurel_events_v1_RequirementState, RequirementState__Output as _laurel_events_v1_RequirementState__Output } from './laurel/events/v1/RequirementState.js';
import type { Application as _laurel_issuance_v1_Application, Application__Output as _laurel_issuance_v1_Application__Output } from './laurel/issuance/v1/Application.js';
import type { ApplicationFields as _laurel_issuance_v1_ApplicationFields, ApplicationFields__Output as _laurel_issuance_v1_ApplicationFields__Output } from './laurel/issuance/v1/ApplicationFields.js';
import type { AwardRequest as _laurel_issuance_v1_AwardRequest, AwardRequest__Output as _laurel_issuance_v1_AwardRequest__Output } from './laurel/issuance/v1/AwardRequest.js';
import type { AwardResponse as _laurel_issuance_v1_AwardResponse, AwardResponse__Output as _laurel_issuance_v1_AwardResponse__Output } from './laurel/issuance/v1/AwardResponse.js';
import type { BadgeHolder as _laurel_issuance_v1_BadgeHolder, BadgeHolder__Output as _laurel_issuance_v1_BadgeHolder__Output } from './laurel/issuance/v1/BadgeHolder.js';
import type { BulkAwardIssue as _laurel_issuance_v1_BulkAwardIssue, BulkAwardIssue__Output as _laurel_issuance_v1_BulkAwardIssue__Output } from './laurel/issuance/v1/BulkAwardIssue.js';
import type { BulkAwardItem as _laurel_issuance_v1_BulkAwardItem, BulkAwardItem__Output as _laurel_issuance_v1_BulkAwardItem__Output } from './laurel/issuance/v1/BulkAwardItem.js';
import type { BulkAwardItemResult as _laurel_issuance_v1_BulkAwardItemResult, BulkAwardItemResult__Output as _laurel_issuance_v1_BulkAwardItemResult__Output } from './laurel/issuance/v1/BulkAwardItemResult.js';
import type { BulkAwardRequest as _laurel_issuance_v1_BulkAwardRequest, BulkAwardRequest__Output as _laurel_issuance_v1_BulkAwardRequest__Output } from './laurel/issuance/v1/BulkAwardRequest.js';
import type { BulkAwardResponse as _laurel_issuance_v1_BulkAwardResponse, BulkAwardResponse__Output as _laurel_issuance_v1_BulkAwardResponse__Output } from './laurel/issuance/v1/BulkAwardResponse.js';
import type { CreateApplicationRequest as _laurel_issuance_v1_CreateApplicationRequest, CreateApplicationRequest__Output as _laurel_issuance_v1_CreateApplicationRequest__Output } from './laurel/issuance/v1/CreateApplicationRequest.js';
import type { CreateApplicationResponse as _laurel_issuance_v1_CreateApplicationResponse, CreateApplicationResponse__Output as _laurel_issuance_v1_CreateApplicationResponse__Output } from './laurel/issuance/v1/CreateApplicationResponse.js';
import type { CreateReviewRequest as _laurel_issuance_v1_CreateReviewRequest, CreateReviewRequest__Output as _laurel_issuance_v1_CreateReviewRequest__Output } from './laurel/issuance/v1/CreateReviewRequest.js';
import type { CreateReviewResponse as _laurel_issuance_v1_CreateReviewResponse, CreateReviewResponse__Output as _laurel_issuance_v1_CreateReviewResponse__Output } from './laurel/issuance/v1/CreateReviewResponse.js';
import type { DeleteApplicationRequest as _laurel_issuance_v1_DeleteApplicationRequest, DeleteApplicationRequest__Output as _laurel_issuance_v1_DeleteApplicationRequest__Output } from './laurel/issuance/v1/DeleteApplicationRequest.js';
import type { DeleteApplicationResponse as _laurel_issuance_v1_DeleteApplicationResponse, DeleteApplicationResponse__Output as _laurel_issuance_v1_DeleteApplicationResponse__Output } from './laurel/issuance/v1/DeleteApplicationResponse.js';
import type { DeleteReviewRequest as _laurel_issuance_v1_DeleteReviewRequest, DeleteReviewRequest__Output as _laurel_issuance_v1_DeleteReviewRequest__Output } from './laurel/issuance/v1/DeleteReviewRequest.js';
import type { DeleteReviewResponse as _laurel_issuance_v1_DeleteReviewResponse, DeleteReviewResponse__Output as _laurel_issuance_v1_DeleteReviewResponse__Output } from './laurel/issuance/v1/DeleteReviewResponse.js';
import type { EarnedBadge as _laurel_issuance_v1_EarnedBadge, EarnedBadge__Output as _laurel_issuance_v1_EarnedBadge__Output } from './laurel/issuance/v1/EarnedBadge.js';
import type { Evidence as _laurel_issuance_v1_Evidence, Evidence__Output as _laurel_issuance_v1_Evidence__Output } from './laurel/issuance/v1/Evidence.js';
import type { EvidenceList as _laurel_issuance_v1_EvidenceList, EvidenceList__Output as _laurel_issuance_v1_EvidenceList__Output } from './laurel/issuance/v1/EvidenceList.js';
import type { GetApplicationRequest as _laurel_issuance_v1_GetApplicationRequest, GetApplicationRequest__Output as _laurel_issuance_v1_GetApplicationRequest__Output } from './laurel/issuance/v1/GetApplicationRequest.js';
import type { GetApplicationResponse as _laurel_issuance_v1_GetApplicationResponse, GetApplicationResponse__Output as _laurel_issuance_v1_GetApplicationResponse__Output } from './laurel/issuance/v1/GetApplicationResponse.js';
import type { GetEarnedBadgeRequest as _laurel_issuance_v1_GetEarnedBadgeRequest, GetEarnedBadgeRequest__Output as _laurel_issuance_v1_GetEarnedBadgeRequest__Output } from './laurel/issuance/v1/GetEarnedBadgeRequest.js';
import type { GetEarnedBadgeResponse as _laurel_issuance_v1_GetEarnedBadgeResponse, GetEarnedBadgeResponse__Output as _laurel_issuance_v1_GetEarnedBadgeResponse__Output } from './laurel/issuance/v1/GetEarnedBadgeResponse.js';
import type { GetReviewRequest as _laurel_issuance_v1_GetReviewRequest, GetReviewRequest__Output as _laurel_issuance_v1_GetReviewRequest__Output } from './laurel/issuance/v1/GetReviewRequest.js';
import type { GetReviewResponse as _laurel_issuance_v1_GetReviewResponse, GetReviewResponse__Output as _laurel_issuance_v1_GetReviewResponse__Output } from './laurel/issuance/v1/GetReviewResponse.js';
import type { IssuanceClient as _laurel_issuance_v1_IssuanceClient, IssuanceDefinition as _laurel_issuance_v1_IssuanceDefinition } from './laurel/issuance/v1/Issuance.js';
import type { ListApplicationsRequest as _laurel_issuance_v1_ListApplicationsRequest, ListApplicationsRequest__Output as _laurel_issuance_v1_ListApplicationsRequest__Output } from './laurel/issuance/v1/ListApplicationsRequest.js';
import type { ListApplicationsResponse as _laurel_issuance_v1_ListApplicationsResponse, ListApplicationsResponse__Output as _laurel_issuance_v1_ListApplicationsResponse__Output } from './laurel/issuance/v1/ListApplicationsResponse.js';
import type { ListBadgeAwardsRequest as _laurel_issuance_v1_ListBadgeAwardsRequest, ListBadgeAwardsRequest__Output as _laurel_issuance_v1_ListBadgeAwardsRequest__Output } from './laurel/issuance/v1/ListBadgeAwardsRequest.js';
import type { ListBadgeAwardsResponse as _laurel_issuance_v1_ListBadgeAwardsResponse, ListBadgeAwardsResponse__Output as _laurel_issuance_v1_ListBadgeAwardsResponse__Output } from './laurel/issuance/v1/ListBadgeAwardsResponse.js';
import type { ListRecipientBadgesRequest as _laurel_issuance_v1_ListRecipientBadgesRequest, ListRecipientBadgesRequest__Output as _laurel_issuance_v1_ListRecipientBadgesRequest__Output } from './laurel/issuance/v1/ListRecipientBadgesRequest.js';
import type { ListRecipientBadgesResponse as _laurel_issuance_v1_ListRecipientBadgesResponse, ListRecipientBadgesResponse__Output as _laurel_issuance_v1_ListRecipientBadgesResponse__Output } from './laurel/issuance/v1/ListRecipientBadgesResponse.js';
import type { ListReviewsRequest as _laurel_issuance_v1_ListReviewsRequest, ListReviewsRequest__Output as _laurel_issuance_v1_ListReviewsRequest__Output } from './laurel/issuance/v1/ListReviewsRequest.js';
import type { ListReviewsResponse as _laurel_issuance_v1_ListReviewsResponse, ListReviewsResponse__Output as _laurel_issuance_v1_ListReviewsResponse__Output } from './laurel/issuance/v1/ListReviewsResponse.js';
import type { ListWebhookDeliveriesRequest as _laurel_issuance_v1_ListWebhookDeliveriesRequest, ListWebhookDeliveriesRequest__Output as _laurel_issuance_v1_ListWebhookDeliveriesRequest__Output } from './laurel/issuance/v1/ListWebhookDeliveriesRequest.js';
import type { ListWebhookDeliveriesResponse as _laurel_issuance_v1_ListWebhookDeliveriesResponse, ListWebhookDeliveriesResponse__Output as _laurel_issuance_v1_ListWebhookDeliveriesResponse__Output } from './laurel/issuance/v1/ListWebhookDeliveriesResponse.js';
import type { Review as _laurel_issuance_v1_Review, Review__Output as _laurel_issuance_v1_Review__Output } from './laurel/issuance/v1/Review.js';
import type { ReviewFields as _laurel_issuance_v1_ReviewFields, ReviewFields__Output as _laurel_issuance_v1_ReviewFields__Output } from './laurel/issuance/v1/ReviewFields.js';
import type { ReviewItem as _laurel_issuance_v1_ReviewItem, ReviewItem__Output as _laurel_issuance_v1_ReviewItem__Output } from './laurel/issuance/v1/ReviewItem.js';
import type { ReviewItemList as _laurel_issuance_v1_ReviewItemList, ReviewItemList__Output as _laurel_issuance_v1_ReviewItemList__Output } from './laurel/issuance/v1/ReviewItemList.js';
import type { RevokeRequest as _laurel_issuance_v1_RevokeRequest, RevokeRequest__Output as _laurel_issuance_v1_RevokeRequest__Output } from './laurel/issuance/v1/RevokeRequest.js';
import type { RevokeResponse as _laurel_issuance_v1_RevokeResponse, RevokeResponse__Output as _laurel_issuance_v1_RevokeResponse__Output } from './laurel/issuance/v1/RevokeResponse.js';
import type { UpdateApplicationRequest as _laurel_issuance_v1_UpdateApplicationRequest, UpdateApplicationRequest__Output as _laurel_issuance_v1_UpdateApplicationRequest__Output } from './laurel/issuance/v1/UpdateApplicationRequest.js';
import type { UpdateApplicationResponse as _laurel_issuance_v1_UpdateApplicationResponse, UpdateApplicationResponse__Output as _laurel_issuance_v1_UpdateApplicationResponse__Output } from './laurel/issuance/v1/UpdateApplicationResponse.js';
import type { UpdateReviewRequest as _laurel_issuance_v1_UpdateReviewRequest, UpdateReviewRequest__Output as _laurel_issuance_v1_UpdateReviewRequest__Output } from './laurel/issuance/v1/UpdateReviewRequest.js';
import type { UpdateReviewResponse as _laurel_issuance_v1_UpdateReviewResponse, UpdateReviewResponse__Output as _laurel_issuance_v1_UpdateReviewResponse__Output } from './laurel/issuance/v1/UpdateReviewResponse.js';
import type { WebhookDelivery as _laurel_issuance_v1_WebhookDelivery, WebhookDelivery__Output as _laurel_issuance_v1_WebhookDelivery__Output } from './laurel/issuance/v1/WebhookDelivery.js';

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
    events: {
      v1: {
        AwardChannel: EnumTypeDefinition
        BadgeAwarded: MessageTypeDefinition<_laurel_events_v1_BadgeAwarded, _laurel_events_v1_BadgeAwarded__Output>
        BadgeRevoked: MessageTypeDefinition<_laurel_events_v1_BadgeRevoked, _laurel_events_v1_BadgeRevoked__Output>
        OutcomeRecorded: MessageTypeDefinition<_laurel_events_v1_OutcomeRecorded, _laurel_events_v1_OutcomeRecorded__Output>
        Recipient: MessageTypeDefinition<_laurel_events_v1_Recipient, _laurel_events_v1_Recipient__Output>
        RequirementChanged: MessageTypeDefinition<_laurel_events_v1_RequirementChanged, _laurel_events_v1_RequirementChanged__Output>
        RequirementState: MessageTypeDefinition<_laurel_events_v1_RequirementState, _laurel_events_v1_RequirementState__Output>
      }
    }
    issuance: {
      v1: {
        Application: MessageTypeDefinition<_laurel_issuance_v1_Application, _laurel_issuance_v1_Application__Output>
        ApplicationFields: MessageTypeDefinition<_laurel_issuance_v1_ApplicationFields, _laurel_issuance_v1_ApplicationFields__Output>
        AwardRequest: MessageTypeDefinition<_laurel_issuance_v1_AwardRequest, _laurel_issuance_v1_AwardRequest__Output>
        AwardResponse: MessageTypeDefinition<_laurel_issuance_v1_AwardResponse, _laurel_issuance_v1_AwardResponse__Output>
        AwardResult: EnumTypeDefinition
        BadgeHolder: MessageTypeDefinition<_laurel_issuance_v1_BadgeHolder, _laurel_issuance_v1_BadgeHolder__Output>
        BulkAwardIssue: MessageTypeDefinition<_laurel_issuance_v1_BulkAwardIssue, _laurel_issuance_v1_BulkAwardIssue__Output>
        BulkAwardIssueCode: EnumTypeDefinition
        BulkAwardItem: MessageTypeDefinition<_laurel_issuance_v1_BulkAwardItem, _laurel_issuance_v1_BulkAwardItem__Output>
        BulkAwardItemResult: MessageTypeDefinition<_laurel_issuance_v1_BulkAwardItemResult, _laurel_issuance_v1_BulkAwardItemResult__Output>
        BulkAwardRequest: MessageTypeDefinition<_laurel_issuance_v1_BulkAwardRequest, _laurel_issuance_v1_BulkAwardRequest__Output>
        BulkAwardResponse: MessageTypeDefinition<_laurel_issuance_v1_BulkAwardResponse, _laurel_issuance_v1_BulkAwardResponse__Output>
        CreateApplicationRequest: MessageTypeDefinition<_laurel_issuance_v1_CreateApplicationRequest, _laurel_issuance_v1_CreateApplicationRequest__Output>
        CreateApplicationResponse: MessageTypeDefinition<_laurel_issuance_v1_CreateApplicationResponse, _laurel_issuance_v1_CreateApplicationResponse__Output>
        CreateReviewRequest: MessageTypeDefinition<_laurel_issuance_v1_CreateReviewRequest, _laurel_issuance_v1_CreateReviewRequest__Output>
        CreateReviewResponse: MessageTypeDefinition<_laurel_issuance_v1_CreateReviewResponse, _laurel_issuance_v1_CreateReviewResponse__Output>
        DeleteApplicationRequest: MessageTypeDefinition<_laurel_issuance_v1_DeleteApplicationRequest, _laurel_issuance_v1_DeleteApplicationRequest__Output>
        DeleteApplicationResponse: MessageTypeDefinition<_laurel_issuance_v1_DeleteApplicationResponse, _laurel_issuance_v1_DeleteApplicationResponse__Output>
        DeleteReviewRequest: MessageTypeDefinition<_laurel_issuance_v1_DeleteReviewRequest, _laurel_issuance_v1_DeleteReviewRequest__Output>
        DeleteReviewResponse: MessageTypeDefinition<_laurel_issuance_v1_DeleteReviewResponse, _laurel_issuance_v1_DeleteReviewResponse__Output>
        EarnedBadge: MessageTypeDefinition<_laurel_issuance_v1_EarnedBadge, _laurel_issuance_v1_EarnedBadge__Output>
        EarnedBadgeOrder: EnumTypeDefinition
        Evidence: MessageTypeDefinition<_laurel_issuance_v1_Evidence, _laurel_issuance_v1_Evidence__Output>
        EvidenceList: MessageTypeDefinition<_laurel_issuance_v1_EvidenceList, _laurel_issuance_v1_EvidenceList__Output>
        EvidenceMediaType: EnumTypeDefinition
        GetApplicationRequest: MessageTypeDefinition<_laurel_issuance_v1_GetApplicationRequest, _laurel_issuance_v1_GetApplicationRequest__Output>
        GetApplicationResponse: MessageTypeDefinition<_laurel_issuance_v1_GetApplicationResponse, _laurel_issuance_v1_GetApplicationResponse__Output>
        GetEarnedBadgeRequest: MessageTypeDefinition<_laurel_issuance_v1_GetEarnedBadgeRequest, _laurel_issuance_v1_GetEarnedBadgeRequest__Output>
        GetEarnedBadgeResponse: MessageTypeDefinition<_laurel_issuance_v1_GetEarnedBadgeResponse, _laurel_issuance_v1_GetEarnedBadgeResponse__Output>
        GetReviewRequest: MessageTypeDefinition<_laurel_issuance_v1_GetReviewRequest, _laurel_issuance_v1_GetReviewRequest__Output>
        GetReviewResponse: MessageTypeDefinition<_laurel_issuance_v1_GetReviewResponse, _laurel_issuance_v1_GetReviewResponse__Output>
        Issuance: SubtypeConstructor<typeof grpc.Client, _laurel_issuance_v1_IssuanceClient> & { service: _laurel_issuance_v1_IssuanceDefinition }
        ListApplicationsRequest: MessageTypeDefinition<_laurel_issuance_v1_ListApplicationsRequest, _laurel_issuance_v1_ListApplicationsRequest__Output>
        ListApplicationsResponse: MessageTypeDefinition<_laurel_issuance_v1_ListApplicationsResponse, _laurel_issuance_v1_ListApplicationsResponse__Output>
        ListBadgeAwardsRequest: MessageTypeDefinition<_laurel_issuance_v1_ListBadgeAwardsRequest, _laurel_issuance_v1_ListBadgeAwardsRequest__Output>
        ListBadgeAwardsResponse: MessageTypeDefinition<_laurel_issuance_v1_ListBadgeAwardsResponse, _laurel_issuance_v1_ListBadgeAwardsResponse__Output>
        ListRecipientBadgesRequest: MessageTypeDefinition<_laurel_issuance_v1_ListRecipientBadgesRequest, _laurel_issuance_v1_ListRecipientBadgesRequest__Output>
        ListRecipientBadgesResponse: MessageTypeDefinition<_laurel_issuance_v1_ListRecipientBadgesResponse, _laurel_issuance_v1_ListRecipientBadgesResponse__Output>
        ListReviewsRequest: MessageTypeDefinition<_laurel_issuance_v1_ListReviewsRequest, _laurel_issuance_v1_ListReviewsRequest__Output>
        ListReviewsResponse: MessageTypeDefinition<_laurel_issuance_v1_ListReviewsResponse, _laurel_issuance_v1_ListReviewsResponse__Output>
        ListWebhookDeliveriesRequest: MessageTypeDefinition<_laurel_issuance_v1_ListWebhookDeliveriesRequest, _laurel_issuance_v1_ListWebhookDeliveriesRequest__Output>
        ListWebhookDeliveriesResponse: MessageTypeDefinition<_laurel_issuance_v1_ListWebhookDeliveriesResponse, _laurel_issuance_v1_ListWebhookDeliveriesResponse__Output>
        Review: MessageTypeDefinition<_laurel_issuance_v1_Review, _laurel_issuance_v1_Review__Output>
        ReviewFields: MessageTypeDefinition<_laurel_issuance_v1_ReviewFields, _laurel_issuance_v1_ReviewFields__Output>
        ReviewItem: MessageTypeDefinition<_laurel_issuance_v1_ReviewItem, _laurel_issuance_v1_ReviewItem__Output>
        ReviewItemList: MessageTypeDefinition<_laurel_issuance_v1_ReviewItemList, _laurel_issuance_v1_ReviewItemList__Output>
        RevokeRequest: MessageTypeDefinition<_laurel_issuance_v1_RevokeRequest, _laurel_issuance_v1_RevokeRequest__Output>
        RevokeResponse: MessageTypeDefinition<_laurel_issuance_v1_RevokeResponse, _laurel_issuance_v1_RevokeResponse__Output>
        UpdateApplicationRequest: MessageTypeDefinition<_laurel_issuance_v1_UpdateApplicationRequest, _laurel_issuance_v1_UpdateApplicationRequest__Output>
        UpdateApplicationResponse: MessageTypeDefinition<_laurel_issuance_v1_UpdateApplicationResponse, _laurel_issuance_v1_UpdateApplicationResponse__Output>
        UpdateReviewRequest: MessageTypeDefinition<_laurel_issuance_v1_UpdateReviewRequest, _laurel_issuance_v1_UpdateReviewRequest__Output>
        UpdateReviewResponse: MessageTypeDefinition<_laurel_issuance_v1_UpdateReviewResponse, _laurel_issuance_v1_UpdateReviewResponse__Output>
        WebhookAction: EnumTypeDefinition
        WebhookDelivery: MessageTypeDefinition<_laurel_issuance_v1_WebhookDelivery, _laurel_issuance_v1_WebhookDelivery__Output>
        WebhookDeliveryStatus: EnumTypeDefinition
      }
    }
  }
}

