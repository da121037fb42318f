// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AwardRequest as _laurel_issuance_v1_AwardRequest, AwardRequest__Output as _laurel_issuance_v1_AwardRequest__Output } from '../../../laurel/issuance/v1/AwardRequest.js';
import type { AwardResponse as _laurel_issuance_v1_AwardResponse, AwardResponse__Output as _laurel_issuance_v1_AwardResponse__Output } from '../../../laurel/issuance/v1/AwardResponse.js';
import type { BulkAwardRequest as _laurel_issuance_v1_BulkAwardRequest, BulkAwardRequest__Output as _laurel_issuance_v1_BulkAwardRequest__Output } from '../../../laurel/issuance/v1/BulkAwardRequest.js';
import type { BulkAwardResponse as _laurel_issuance_v1_BulkAwardResponse, BulkAwardResponse__Output as _laurel_issuance_v1_BulkAwardResponse__Output } from '../../../laurel/issuance/v1/BulkAwardResponse.js';
import type { CreateApplicationRequest as _laurel_issuance_v1_CreateApplicationRequest, CreateApplicationRequest__Output as _laurel_issuance_v1_CreateApplicationRequest__Output } from '../../../laurel/issuance/v1/CreateApplicationRequest.js';
import type { CreateApplicationResponse as _laurel_issuance_v1_CreateApplicationResponse, CreateApplicationResponse__Output as _laurel_issuance_v1_CreateApplicationResponse__Output } from '../../../laurel/issuance/v1/CreateApplicationResponse.js';
import type { CreateReviewRequest as _laurel_issuance_v1_CreateReviewRequest, CreateReviewRequest__Output as _laurel_issuance_v1_CreateReviewRequest__Output } from '../../../laurel/issuance/v1/CreateReviewRequest.js';
import type { CreateReviewResponse as _laurel_issuance_v1_CreateReviewResponse, CreateReviewResponse__Output as _laurel_issuance_v1_CreateReviewResponse__Output } from '../../../laurel/issuance/v1/CreateReviewResponse.js';
import type { DeleteApplicationRequest as _laurel_issuance_v1_DeleteApplicationRequest, DeleteApplicationRequest__Output as _laurel_issuance_v1_DeleteApplicationRequest__Output } from '../../../laurel/issuance/v1/DeleteApplicationRequest.js';
import type { DeleteApplicationResponse as _laurel_issuance_v1_DeleteApplicationResponse, DeleteApplicationResponse__Output as _laurel_issuance_v1_DeleteApplicationResponse__Output } from '../../../laurel/issuance/v1/DeleteApplicationResponse.js';
import type { DeleteReviewRequest as _laurel_issuance_v1_DeleteReviewRequest, DeleteReviewRequest__Output as _laurel_issuance_v1_DeleteReviewRequest__Output } from '../../../laurel/issuance/v1/DeleteReviewRequest.js';
import type { DeleteReviewResponse as _laurel_issuance_v1_DeleteReviewResponse, DeleteReviewResponse__Output as _laurel_issuance_v1_DeleteReviewResponse__Output } from '../../../laurel/issuance/v1/DeleteReviewResponse.js';
import type { GetApplicationRequest as _laurel_issuance_v1_GetApplicationRequest, GetApplicationRequest__Output as _laurel_issuance_v1_GetApplicationRequest__Output } from '../../../laurel/issuance/v1/GetApplicationRequest.js';
import type { GetApplicationResponse as _laurel_issuance_v1_GetApplicationResponse, GetApplicationResponse__Output as _laurel_issuance_v1_GetApplicationResponse__Output } from '../../../laurel/issuance/v1/GetApplicationResponse.js';
import type { GetEarnedBadgeRequest as _laurel_issuance_v1_GetEarnedBadgeRequest, GetEarnedBadgeRequest__Output as _laurel_issuance_v1_GetEarnedBadgeRequest__Output } from '../../../laurel/issuance/v1/GetEarnedBadgeRequest.js';
import type { GetEarnedBadgeResponse as _laurel_issuance_v1_GetEarnedBadgeResponse, GetEarnedBadgeResponse__Output as _laurel_issuance_v1_GetEarnedBadgeResponse__Output } from '../../../laurel/issuance/v1/GetEarnedBadgeResponse.js';
import type { GetReviewRequest as _laurel_issuance_v1_GetReviewRequest, GetReviewRequest__Output as _laurel_issuance_v1_GetReviewRequest__Output } from '../../../laurel/issuance/v1/GetReviewRequest.js';
import type { GetReviewResponse as _laurel_issuance_v1_GetReviewResponse, GetReviewResponse__Output as _laurel_issuance_v1_GetReviewResponse__Output } from '../../../laurel/issuance/v1/GetReviewResponse.js';
import type { ListApplicationsRequest as _laurel_issuance_v1_ListApplicationsRequest, ListApplicationsRequest__Output as _laurel_issuance_v1_ListApplicationsRequest__Output } from '../../../laurel/issuance/v1/ListApplicationsRequest.js';
import type { ListApplicationsResponse as _laurel_issuance_v1_ListApplicationsResponse, ListApplicationsResponse__Output as _laurel_issuance_v1_ListApplicationsResponse__Output } from '../../../laurel/issuance/v1/ListApplicationsResponse.js';
import type { ListBadgeAwardsRequest as _laurel_issuance_v1_ListBadgeAwardsRequest, ListBadgeAwardsRequest__Output as _laurel_issuance_v1_ListBadgeAwardsRequest__Output } from '../../../laurel/issuance/v1/ListBadgeAwardsRequest.js';
import type { ListBadgeAwardsResponse as _laurel_issuance_v1_ListBadgeAwardsResponse, ListBadgeAwardsResponse__Output as _laurel_issuance_v1_ListBadgeAwardsResponse__Output } from '../../../laurel/issuance/v1/ListBadgeAwardsResponse.js';
import type { ListRecipientBadgesRequest as _laurel_issuance_v1_ListRecipientBadgesRequest, ListRecipientBadgesRequest__Output as _laurel_issuance_v1_ListRecipientBadgesRequest__Output } from '../../../laurel/issuance/v1/ListRecipientBadgesRequest.js';
import type { ListRecipientBadgesResponse as _laurel_issuance_v1_ListRecipientBadgesResponse, ListRecipientBadgesResponse__Output as _laurel_issuance_v1_ListRecipientBadgesResponse__Output } from '../../../laurel/issuance/v1/ListRecipientBadgesResponse.js';
import type { ListReviewsRequest as _laurel_issuance_v1_ListReviewsRequest, ListReviewsRequest__Output as _laurel_issuance_v1_ListReviewsRequest__Output } from '../../../laurel/issuance/v1/ListReviewsRequest.js';
import type { ListReviewsResponse as _laurel_issuance_v1_ListReviewsResponse, ListReviewsResponse__Output as _laurel_issuance_v1_ListReviewsResponse__Output } from '../../../laurel/issuance/v1/ListReviewsResponse.js';
import type { ListWebhookDeliveriesRequest as _laurel_issuance_v1_ListWebhookDeliveriesRequest, ListWebhookDeliveriesRequest__Output as _laurel_issuance_v1_ListWebhookDeliveriesRequest__Output } from '../../../laurel/issuance/v1/ListWebhookDeliveriesRequest.js';
import type { ListWebhookDeliveriesResponse as _laurel_issuance_v1_ListWebhookDeliveriesResponse, ListWebhookDeliveriesResponse__Output as _laurel_issuance_v1_ListWebhookDeliveriesResponse__Output } from '../../../laurel/issuance/v1/ListWebhookDeliveriesResponse.js';
import type { RevokeRequest as _laurel_issuance_v1_RevokeRequest, RevokeRequest__Output as _laurel_issuance_v1_RevokeRequest__Output } from '../../../laurel/issuance/v1/RevokeRequest.js';
import type { RevokeResponse as _laurel_issuance_v1_RevokeResponse, RevokeResponse__Output as _laurel_issuance_v1_RevokeResponse__Output } from '../../../laurel/issuance/v1/RevokeResponse.js';
import type { UpdateApplicationRequest as _laurel_issuance_v1_UpdateApplicationRequest, UpdateApplicationRequest__Output as _laurel_issuance_v1_UpdateApplicationRequest__Output } from '../../../laurel/issuance/v1/UpdateApplicationRequest.js';
import type { UpdateApplicationResponse as _laurel_issuance_v1_UpdateApplicationResponse, UpdateApplicationResponse__Output as _laurel_issuance_v1_UpdateApplicationResponse__Output } from '../../../laurel/issuance/v1/UpdateApplicationResponse.js';
import type { UpdateReviewRequest as _laurel_issuance_v1_UpdateReviewRequest, UpdateReviewRequest__Output as _laurel_issuance_v1_UpdateReviewRequest__Output } from '../../../laurel/issuance/v1/UpdateReviewRequest.js';
import type { UpdateReviewResponse as _laurel_issuance_v1_UpdateReviewResponse, UpdateReviewResponse__Output as _laurel_issuance_v1_UpdateReviewResponse__Output } from '../../../laurel/issuance/v1/UpdateReviewResponse.js';

export interface IssuanceClient extends grpc.Client {
  Award(argument: _laurel_issuance_v1_AwardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  Award(argument: _laurel_issuance_v1_AwardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  Award(argument: _laurel_issuance_v1_AwardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  Award(argument: _laurel_issuance_v1_AwardRequest, callback: grpc.requestCallback<_laurel_issuance_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  award(argument: _laurel_issuance_v1_AwardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  award(argument: _laurel_issuance_v1_AwardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  award(argument: _laurel_issuance_v1_AwardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  award(argument: _laurel_issuance_v1_AwardRequest, callback: grpc.requestCallback<_laurel_issuance_v1_AwardResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Many awards in one transaction: the customer import and BadgeKit's bulk
   * instance route.
   */
  BulkAward(argument: _laurel_issuance_v1_BulkAwardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_BulkAwardResponse__Output>): grpc.ClientUnaryCall;
  BulkAward(argument: _laurel_issuance_v1_BulkAwardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_BulkAwardResponse__Output>): grpc.ClientUnaryCall;
  BulkAward(argument: _laurel_issuance_v1_BulkAwardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_BulkAwardResponse__Output>): grpc.ClientUnaryCall;
  BulkAward(argument: _laurel_issuance_v1_BulkAwardRequest, callback: grpc.requestCallback<_laurel_issuance_v1_BulkAwardResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Many awards in one transaction: the customer import and BadgeKit's bulk
   * instance route.
   */
  bulkAward(argument: _laurel_issuance_v1_BulkAwardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_BulkAwardResponse__Output>): grpc.ClientUnaryCall;
  bulkAward(argument: _laurel_issuance_v1_BulkAwardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_BulkAwardResponse__Output>): grpc.ClientUnaryCall;
  bulkAward(argument: _laurel_issuance_v1_BulkAwardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_BulkAwardResponse__Output>): grpc.ClientUnaryCall;
  bulkAward(argument: _laurel_issuance_v1_BulkAwardRequest, callback: grpc.requestCallback<_laurel_issuance_v1_BulkAwardResponse__Output>): grpc.ClientUnaryCall;
  
  CreateApplication(argument: _laurel_issuance_v1_CreateApplicationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_CreateApplicationResponse__Output>): grpc.ClientUnaryCall;
  CreateApplication(argument: _laurel_issuance_v1_CreateApplicationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_CreateApplicationResponse__Output>): grpc.ClientUnaryCall;
  CreateApplication(argument: _laurel_issuance_v1_CreateApplicationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_CreateApplicationResponse__Output>): grpc.ClientUnaryCall;
  CreateApplication(argument: _laurel_issuance_v1_CreateApplicationRequest, callback: grpc.requestCallback<_laurel_issuance_v1_CreateApplicationResponse__Output>): grpc.ClientUnaryCall;
  createApplication(argument: _laurel_issuance_v1_CreateApplicationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_CreateApplicationResponse__Output>): grpc.ClientUnaryCall;
  createApplication(argument: _laurel_issuance_v1_CreateApplicationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_CreateApplicationResponse__Output>): grpc.ClientUnaryCall;
  createApplication(argument: _laurel_issuance_v1_CreateApplicationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_CreateApplicationResponse__Output>): grpc.ClientUnaryCall;
  createApplication(argument: _laurel_issuance_v1_CreateApplicationRequest, callback: grpc.requestCallback<_laurel_issuance_v1_CreateApplicationResponse__Output>): grpc.ClientUnaryCall;
  
  CreateReview(argument: _laurel_issuance_v1_CreateReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_CreateReviewResponse__Output>): grpc.ClientUnaryCall;
  CreateReview(argument: _laurel_issuance_v1_CreateReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_CreateReviewResponse__Output>): grpc.ClientUnaryCall;
  CreateReview(argument: _laurel_issuance_v1_CreateReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_CreateReviewResponse__Output>): grpc.ClientUnaryCall;
  CreateReview(argument: _laurel_issuance_v1_CreateReviewRequest, callback: grpc.requestCallback<_laurel_issuance_v1_CreateReviewResponse__Output>): grpc.ClientUnaryCall;
  createReview(argument: _laurel_issuance_v1_CreateReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_CreateReviewResponse__Output>): grpc.ClientUnaryCall;
  createReview(argument: _laurel_issuance_v1_CreateReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_CreateReviewResponse__Output>): grpc.ClientUnaryCall;
  createReview(argument: _laurel_issuance_v1_CreateReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_CreateReviewResponse__Output>): grpc.ClientUnaryCall;
  createReview(argument: _laurel_issuance_v1_CreateReviewRequest, callback: grpc.requestCallback<_laurel_issuance_v1_CreateReviewResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteApplication(argument: _laurel_issuance_v1_DeleteApplicationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteApplicationResponse__Output>): grpc.ClientUnaryCall;
  DeleteApplication(argument: _laurel_issuance_v1_DeleteApplicationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteApplicationResponse__Output>): grpc.ClientUnaryCall;
  DeleteApplication(argument: _laurel_issuance_v1_DeleteApplicationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteApplicationResponse__Output>): grpc.ClientUnaryCall;
  DeleteApplication(argument: _laurel_issuance_v1_DeleteApplicationRequest, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteApplicationResponse__Output>): grpc.ClientUnaryCall;
  deleteApplication(argument: _laurel_issuance_v1_DeleteApplicationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteApplicationResponse__Output>): grpc.ClientUnaryCall;
  deleteApplication(argument: _laurel_issuance_v1_DeleteApplicationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteApplicationResponse__Output>): grpc.ClientUnaryCall;
  deleteApplication(argument: _laurel_issuance_v1_DeleteApplicationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteApplicationResponse__Output>): grpc.ClientUnaryCall;
  deleteApplication(argument: _laurel_issuance_v1_DeleteApplicationRequest, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteApplicationResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteReview(argument: _laurel_issuance_v1_DeleteReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteReviewResponse__Output>): grpc.ClientUnaryCall;
  DeleteReview(argument: _laurel_issuance_v1_DeleteReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteReviewResponse__Output>): grpc.ClientUnaryCall;
  DeleteReview(argument: _laurel_issuance_v1_DeleteReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteReviewResponse__Output>): grpc.ClientUnaryCall;
  DeleteReview(argument: _laurel_issuance_v1_DeleteReviewRequest, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteReviewResponse__Output>): grpc.ClientUnaryCall;
  deleteReview(argument: _laurel_issuance_v1_DeleteReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteReviewResponse__Output>): grpc.ClientUnaryCall;
  deleteReview(argument: _laurel_issuance_v1_DeleteReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteReviewResponse__Output>): grpc.ClientUnaryCall;
  deleteReview(argument: _laurel_issuance_v1_DeleteReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteReviewResponse__Output>): grpc.ClientUnaryCall;
  deleteReview(argument: _laurel_issuance_v1_DeleteReviewRequest, callback: grpc.requestCallback<_laurel_issuance_v1_DeleteReviewResponse__Output>): grpc.ClientUnaryCall;
  
  GetApplication(argument: _laurel_issuance_v1_GetApplicationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_GetApplicationResponse__Output>): grpc.ClientUnaryCall;
  GetApplication(argument: _laurel_issuance_v1_GetApplicationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_GetApplicationResponse__Output>): grpc.ClientUnaryCall;
  GetApplication(argument: _laurel_issuance_v1_GetApplicationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_GetApplicationResponse__Output>): grpc.ClientUnaryCall;
  GetApplication(argument: _laurel_issuance_v1_GetApplicationRequest, callback: grpc.requestCallback<_laurel_issuance_v1_GetApplicationResponse__Output>): grpc.ClientUnaryCall;
  getApplication(argument: _laurel_issuance_v1_GetApplicationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_GetApplicationResponse__Output>): grpc.ClientUnaryCall;
  getApplication(argument: _laurel_issuance_v1_GetApplicationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_GetApplicationResponse__Output>): grpc.ClientUnaryCall;
  getApplication(argument: _laurel_issuance_v1_GetApplicationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_GetApplicationResponse__Output>): grpc.ClientUnaryCall;
  getApplication(argument: _laurel_issuance_v1_GetApplicationRequest, callback: grpc.requestCallback<_laurel_issuance_v1_GetApplicationResponse__Output>): grpc.ClientUnaryCall;
  
  GetEarnedBadge(argument: _laurel_issuance_v1_GetEarnedBadgeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_GetEarnedBadgeResponse__Output>): grpc.ClientUnaryCall;
  GetEarnedBadge(argument: _laurel_issuance_v1_GetEarnedBadgeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_GetEarnedBadgeResponse__Output>): grpc.ClientUnaryCall;
  GetEarnedBadge(argument: _laurel_issuance_v1_GetEarnedBadgeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_GetEarnedBadgeResponse__Output>): grpc.ClientUnaryCall;
  GetEarnedBadge(argument: _laurel_issuance_v1_GetEarnedBadgeRequest, callback: grpc.requestCallback<_laurel_issuance_v1_GetEarnedBadgeResponse__Output>): grpc.ClientUnaryCall;
  getEarnedBadge(argument: _laurel_issuance_v1_GetEarnedBadgeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_GetEarnedBadgeResponse__Output>): grpc.ClientUnaryCall;
  getEarnedBadge(argument: _laurel_issuance_v1_GetEarnedBadgeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_GetEarnedBadgeResponse__Output>): grpc.ClientUnaryCall;
  getEarnedBadge(argument: _laurel_issuance_v1_GetEarnedBadgeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_GetEarnedBadgeResponse__Output>): grpc.ClientUnaryCall;
  getEarnedBadge(argument: _laurel_issuance_v1_GetEarnedBadgeRequest, callback: grpc.requestCallback<_laurel_issuance_v1_GetEarnedBadgeResponse__Output>): grpc.ClientUnaryCall;
  
  GetReview(argument: _laurel_issuance_v1_GetReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_GetReviewResponse__Output>): grpc.ClientUnaryCall;
  GetReview(argument: _laurel_issuance_v1_GetReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_GetReviewResponse__Output>): grpc.ClientUnaryCall;
  GetReview(argument: _laurel_issuance_v1_GetReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_GetReviewResponse__Output>): grpc.ClientUnaryCall;
  GetReview(argument: _laurel_issuance_v1_GetReviewRequest, callback: grpc.requestCallback<_laurel_issuance_v1_GetReviewResponse__Output>): grpc.ClientUnaryCall;
  getReview(argument: _laurel_issuance_v1_GetReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_GetReviewResponse__Output>): grpc.ClientUnaryCall;
  getReview(argument: _laurel_issuance_v1_GetReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_GetReviewResponse__Output>): grpc.ClientUnaryCall;
  getReview(argument: _laurel_issuance_v1_GetReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_GetReviewResponse__Output>): grpc.ClientUnaryCall;
  getReview(argument: _laurel_issuance_v1_GetReviewRequest, callback: grpc.requestCallback<_laurel_issuance_v1_GetReviewResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * BadgeKit applications (badgekit-api.md §11).
   */
  ListApplications(argument: _laurel_issuance_v1_ListApplicationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListApplicationsResponse__Output>): grpc.ClientUnaryCall;
  ListApplications(argument: _laurel_issuance_v1_ListApplicationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_ListApplicationsResponse__Output>): grpc.ClientUnaryCall;
  ListApplications(argument: _laurel_issuance_v1_ListApplicationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListApplicationsResponse__Output>): grpc.ClientUnaryCall;
  ListApplications(argument: _laurel_issuance_v1_ListApplicationsRequest, callback: grpc.requestCallback<_laurel_issuance_v1_ListApplicationsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * BadgeKit applications (badgekit-api.md §11).
   */
  listApplications(argument: _laurel_issuance_v1_ListApplicationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListApplicationsResponse__Output>): grpc.ClientUnaryCall;
  listApplications(argument: _laurel_issuance_v1_ListApplicationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_ListApplicationsResponse__Output>): grpc.ClientUnaryCall;
  listApplications(argument: _laurel_issuance_v1_ListApplicationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListApplicationsResponse__Output>): grpc.ClientUnaryCall;
  listApplications(argument: _laurel_issuance_v1_ListApplicationsRequest, callback: grpc.requestCallback<_laurel_issuance_v1_ListApplicationsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The awards of one badge (BadgeKit GET .../badges/:badgeSlug/instances).
   */
  ListBadgeAwards(argument: _laurel_issuance_v1_ListBadgeAwardsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListBadgeAwardsResponse__Output>): grpc.ClientUnaryCall;
  ListBadgeAwards(argument: _laurel_issuance_v1_ListBadgeAwardsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_ListBadgeAwardsResponse__Output>): grpc.ClientUnaryCall;
  ListBadgeAwards(argument: _laurel_issuance_v1_ListBadgeAwardsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListBadgeAwardsResponse__Output>): grpc.ClientUnaryCall;
  ListBadgeAwards(argument: _laurel_issuance_v1_ListBadgeAwardsRequest, callback: grpc.requestCallback<_laurel_issuance_v1_ListBadgeAwardsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The awards of one badge (BadgeKit GET .../badges/:badgeSlug/instances).
   */
  listBadgeAwards(argument: _laurel_issuance_v1_ListBadgeAwardsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListBadgeAwardsResponse__Output>): grpc.ClientUnaryCall;
  listBadgeAwards(argument: _laurel_issuance_v1_ListBadgeAwardsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_ListBadgeAwardsResponse__Output>): grpc.ClientUnaryCall;
  listBadgeAwards(argument: _laurel_issuance_v1_ListBadgeAwardsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListBadgeAwardsResponse__Output>): grpc.ClientUnaryCall;
  listBadgeAwards(argument: _laurel_issuance_v1_ListBadgeAwardsRequest, callback: grpc.requestCallback<_laurel_issuance_v1_ListBadgeAwardsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A recipient's earned badges, for every family's "my badges" listing.
   */
  ListRecipientBadges(argument: _laurel_issuance_v1_ListRecipientBadgesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListRecipientBadgesResponse__Output>): grpc.ClientUnaryCall;
  ListRecipientBadges(argument: _laurel_issuance_v1_ListRecipientBadgesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_ListRecipientBadgesResponse__Output>): grpc.ClientUnaryCall;
  ListRecipientBadges(argument: _laurel_issuance_v1_ListRecipientBadgesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListRecipientBadgesResponse__Output>): grpc.ClientUnaryCall;
  ListRecipientBadges(argument: _laurel_issuance_v1_ListRecipientBadgesRequest, callback: grpc.requestCallback<_laurel_issuance_v1_ListRecipientBadgesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A recipient's earned badges, for every family's "my badges" listing.
   */
  listRecipientBadges(argument: _laurel_issuance_v1_ListRecipientBadgesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListRecipientBadgesResponse__Output>): grpc.ClientUnaryCall;
  listRecipientBadges(argument: _laurel_issuance_v1_ListRecipientBadgesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_ListRecipientBadgesResponse__Output>): grpc.ClientUnaryCall;
  listRecipientBadges(argument: _laurel_issuance_v1_ListRecipientBadgesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListRecipientBadgesResponse__Output>): grpc.ClientUnaryCall;
  listRecipientBadges(argument: _laurel_issuance_v1_ListRecipientBadgesRequest, callback: grpc.requestCallback<_laurel_issuance_v1_ListRecipientBadgesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * BadgeKit reviews of an application (badgekit-api.md §12).
   */
  ListReviews(argument: _laurel_issuance_v1_ListReviewsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  ListReviews(argument: _laurel_issuance_v1_ListReviewsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  ListReviews(argument: _laurel_issuance_v1_ListReviewsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  ListReviews(argument: _laurel_issuance_v1_ListReviewsRequest, callback: grpc.requestCallback<_laurel_issuance_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * BadgeKit reviews of an application (badgekit-api.md §12).
   */
  listReviews(argument: _laurel_issuance_v1_ListReviewsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  listReviews(argument: _laurel_issuance_v1_ListReviewsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  listReviews(argument: _laurel_issuance_v1_ListReviewsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  listReviews(argument: _laurel_issuance_v1_ListReviewsRequest, callback: grpc.requestCallback<_laurel_issuance_v1_ListReviewsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The site's webhook delivery log (admin-api.md).
   */
  ListWebhookDeliveries(argument: _laurel_issuance_v1_ListWebhookDeliveriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListWebhookDeliveriesResponse__Output>): grpc.ClientUnaryCall;
  ListWebhookDeliveries(argument: _laurel_issuance_v1_ListWebhookDeliveriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_ListWebhookDeliveriesResponse__Output>): grpc.ClientUnaryCall;
  ListWebhookDeliveries(argument: _laurel_issuance_v1_ListWebhookDeliveriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListWebhookDeliveriesResponse__Output>): grpc.ClientUnaryCall;
  ListWebhookDeliveries(argument: _laurel_issuance_v1_ListWebhookDeliveriesRequest, callback: grpc.requestCallback<_laurel_issuance_v1_ListWebhookDeliveriesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The site's webhook delivery log (admin-api.md).
   */
  listWebhookDeliveries(argument: _laurel_issuance_v1_ListWebhookDeliveriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListWebhookDeliveriesResponse__Output>): grpc.ClientUnaryCall;
  listWebhookDeliveries(argument: _laurel_issuance_v1_ListWebhookDeliveriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_ListWebhookDeliveriesResponse__Output>): grpc.ClientUnaryCall;
  listWebhookDeliveries(argument: _laurel_issuance_v1_ListWebhookDeliveriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_ListWebhookDeliveriesResponse__Output>): grpc.ClientUnaryCall;
  listWebhookDeliveries(argument: _laurel_issuance_v1_ListWebhookDeliveriesRequest, callback: grpc.requestCallback<_laurel_issuance_v1_ListWebhookDeliveriesResponse__Output>): grpc.ClientUnaryCall;
  
  Revoke(argument: _laurel_issuance_v1_RevokeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_RevokeResponse__Output>): grpc.ClientUnaryCall;
  Revoke(argument: _laurel_issuance_v1_RevokeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_RevokeResponse__Output>): grpc.ClientUnaryCall;
  Revoke(argument: _laurel_issuance_v1_RevokeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_RevokeResponse__Output>): grpc.ClientUnaryCall;
  Revoke(argument: _laurel_issuance_v1_RevokeRequest, callback: grpc.requestCallback<_laurel_issuance_v1_RevokeResponse__Output>): grpc.ClientUnaryCall;
  revoke(argument: _laurel_issuance_v1_RevokeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_RevokeResponse__Output>): grpc.ClientUnaryCall;
  revoke(argument: _laurel_issuance_v1_RevokeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_RevokeResponse__Output>): grpc.ClientUnaryCall;
  revoke(argument: _laurel_issuance_v1_RevokeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_RevokeResponse__Output>): grpc.ClientUnaryCall;
  revoke(argument: _laurel_issuance_v1_RevokeRequest, callback: grpc.requestCallback<_laurel_issuance_v1_RevokeResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateApplication(argument: _laurel_issuance_v1_UpdateApplicationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateApplicationResponse__Output>): grpc.ClientUnaryCall;
  UpdateApplication(argument: _laurel_issuance_v1_UpdateApplicationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateApplicationResponse__Output>): grpc.ClientUnaryCall;
  UpdateApplication(argument: _laurel_issuance_v1_UpdateApplicationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateApplicationResponse__Output>): grpc.ClientUnaryCall;
  UpdateApplication(argument: _laurel_issuance_v1_UpdateApplicationRequest, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateApplicationResponse__Output>): grpc.ClientUnaryCall;
  updateApplication(argument: _laurel_issuance_v1_UpdateApplicationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateApplicationResponse__Output>): grpc.ClientUnaryCall;
  updateApplication(argument: _laurel_issuance_v1_UpdateApplicationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateApplicationResponse__Output>): grpc.ClientUnaryCall;
  updateApplication(argument: _laurel_issuance_v1_UpdateApplicationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateApplicationResponse__Output>): grpc.ClientUnaryCall;
  updateApplication(argument: _laurel_issuance_v1_UpdateApplicationRequest, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateApplicationResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateReview(argument: _laurel_issuance_v1_UpdateReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateReviewResponse__Output>): grpc.ClientUnaryCall;
  UpdateReview(argument: _laurel_issuance_v1_UpdateReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateReviewResponse__Output>): grpc.ClientUnaryCall;
  UpdateReview(argument: _laurel_issuance_v1_UpdateReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateReviewResponse__Output>): grpc.ClientUnaryCall;
  UpdateReview(argument: _laurel_issuance_v1_UpdateReviewRequest, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateReviewResponse__Output>): grpc.ClientUnaryCall;
  updateReview(argument: _laurel_issuance_v1_UpdateReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateReviewResponse__Output>): grpc.ClientUnaryCall;
  updateReview(argument: _laurel_issuance_v1_UpdateReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateReviewResponse__Output>): grpc.ClientUnaryCall;
  updateReview(argument: _laurel_issuance_v1_UpdateReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateReviewResponse__Output>): grpc.ClientUnaryCall;
  updateReview(argument: _laurel_issuance_v1_UpdateReviewRequest, callback: grpc.requestCallback<_laurel_issuance_v1_UpdateReviewResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface IssuanceHandlers extends grpc.UntypedServiceImplementation {
  Award: grpc.handleUnaryCall<_laurel_issuance_v1_AwardRequest__Output, _laurel_issuance_v1_AwardResponse>;
  
  /**
   * Many awards in one transaction: the customer import and BadgeKit's bulk
   * instance route.
   */
  BulkAward: grpc.handleUnaryCall<_laurel_issuance_v1_BulkAwardRequest__Output, _laurel_issuance_v1_BulkAwardResponse>;
  
  CreateApplication: grpc.handleUnaryCall<_laurel_issuance_v1_CreateApplicationRequest__Output, _laurel_issuance_v1_CreateApplicationResponse>;
  
  CreateReview: grpc.handleUnaryCall<_laurel_issuance_v1_CreateReviewRequest__Output, _laurel_issuance_v1_CreateReviewResponse>;
  
  DeleteApplication: grpc.handleUnaryCall<_laurel_issuance_v1_DeleteApplicationRequest__Output, _laurel_issuance_v1_DeleteApplicationResponse>;
  
  DeleteReview: grpc.handleUnaryCall<_laurel_issuance_v1_DeleteReviewRequest__Output, _laurel_issuance_v1_DeleteReviewResponse>;
  
  GetApplication: grpc.handleUnaryCall<_laurel_issuance_v1_GetApplicationRequest__Output, _laurel_issuance_v1_GetApplicationResponse>;
  
  GetEarnedBadge: grpc.handleUnaryCall<_laurel_issuance_v1_GetEarnedBadgeRequest__Output, _laurel_issuance_v1_GetEarnedBadgeResponse>;
  
  GetReview: grpc.handleUnaryCall<_laurel_issuance_v1_GetReviewRequest__Output, _laurel_issuance_v1_GetReviewResponse>;
  
  /**
   * BadgeKit applications (badgekit-api.md §11).
   */
  ListApplications: grpc.handleUnaryCall<_laurel_issuance_v1_ListApplicationsRequest__Output, _laurel_issuance_v1_ListApplicationsResponse>;
  
  /**
   * The awards of one badge (BadgeKit GET .../badges/:badgeSlug/instances).
   */
  ListBadgeAwards: grpc.handleUnaryCall<_laurel_issuance_v1_ListBadgeAwardsRequest__Output, _laurel_issuance_v1_ListBadgeAwardsResponse>;
  
  /**
   * A recipient's earned badges, for every family's "my badges" listing.
   */
  ListRecipientBadges: grpc.handleUnaryCall<_laurel_issuance_v1_ListRecipientBadgesRequest__Output, _laurel_issuance_v1_ListRecipientBadgesResponse>;
  
  /**
   * BadgeKit reviews of an application (badgekit-api.md §12).
   */
  ListReviews: grpc.handleUnaryCall<_laurel_issuance_v1_ListReviewsRequest__Output, _laurel_issuance_v1_ListReviewsResponse>;
  
  /**
   * The site's webhook delivery log (admin-api.md).
   */
  ListWebhookDeliveries: grpc.handleUnaryCall<_laurel_issuance_v1_ListWebhookDeliveriesRequest__Output, _laurel_issuance_v1_ListWebhookDeliveriesResponse>;
  
  Revoke: grpc.handleUnaryCall<_laurel_issuance_v1_RevokeRequest__Output, _laurel_issuance_v1_RevokeResponse>;
  
  UpdateApplication: grpc.handleUnaryCall<_laurel_issuance_v1_UpdateApplicationRequest__Output, _laurel_issuance_v1_UpdateApplicationResponse>;
  
  UpdateReview: grpc.handleUnaryCall<_laurel_issuance_v1_UpdateReviewRequest__Output, _laurel_issuance_v1_UpdateReviewResponse>;
  
}

export interface IssuanceDefinition extends grpc.ServiceDefinition {
  Award: MethodDefinition<_laurel_issuance_v1_AwardRequest, _laurel_issuance_v1_AwardResponse, _laurel_issuance_v1_AwardRequest__Output, _laurel_issuance_v1_AwardResponse__Output>
  BulkAward: MethodDefinition<_laurel_issuance_v1_BulkAwardRequest, _laurel_issuance_v1_BulkAwardResponse, _laurel_issuance_v1_BulkAwardRequest__Output, _laurel_issuance_v1_BulkAwardResponse__Output>
  CreateApplication: MethodDefinition<_laurel_issuance_v1_CreateApplicationRequest, _laurel_issuance_v1_CreateApplicationResponse, _laurel_issuance_v1_CreateApplicationRequest__Output, _laurel_issuance_v1_CreateApplicationResponse__Output>
  CreateReview: MethodDefinition<_laurel_issuance_v1_CreateReviewRequest, _laurel_issuance_v1_CreateReviewResponse, _laurel_issuance_v1_CreateReviewRequest__Output, _laurel_issuance_v1_CreateReviewResponse__Output>
  DeleteApplication: MethodDefinition<_laurel_issuance_v1_DeleteApplicationRequest, _laurel_issuance_v1_DeleteApplicationResponse, _laurel_issuance_v1_DeleteApplicationRequest__Output, _laurel_issuance_v1_DeleteApplicationResponse__Output>
  DeleteReview: MethodDefinition<_laurel_issuance_v1_DeleteReviewRequest, _laurel_issuance_v1_DeleteReviewResponse, _laurel_issuance_v1_DeleteReviewRequest__Output, _laurel_issuance_v1_DeleteReviewResponse__Output>
  GetApplication: MethodDefinition<_laurel_issuance_v1_GetApplicationRequest, _laurel_issuance_v1_GetApplicationResponse, _laurel_issuance_v1_GetApplicationRequest__Output, _laurel_issuance_v1_GetApplicationResponse__Output>
  GetEarnedBadge: MethodDefinition<_laurel_issuance_v1_GetEarnedBadgeRequest, _laurel_issuance_v1_GetEarnedBadgeResponse, _laurel_issuance_v1_GetEarnedBadgeRequest__Output, _laurel_issuance_v1_GetEarnedBadgeResponse__Output>
  GetReview: MethodDefinition<_laurel_issuance_v1_GetReviewRequest, _laurel_issuance_v1_GetReviewResponse, _laurel_issuance_v1_GetReviewRequest__Output, _laurel_issuance_v1_GetReviewResponse__Output>
  ListApplications: MethodDefinition<_laurel_issuance_v1_ListApplicationsRequest, _laurel_issuance_v1_ListApplicationsResponse, _laurel_issuance_v1_ListApplicationsRequest__Output, _laurel_issuance_v1_ListApplicationsResponse__Output>
  ListBadgeAwards: MethodDefinition<_laurel_issuance_v1_ListBadgeAwardsRequest, _laurel_issuance_v1_ListBadgeAwardsResponse, _laurel_issuance_v1_ListBadgeAwardsRequest__Output, _laurel_issuance_v1_ListBadgeAwardsResponse__Output>
  ListRecipientBadges: MethodDefinition<_laurel_issuance_v1_ListRecipientBadgesRequest, _laurel_issuance_v1_ListRecipientBadgesResponse, _laurel_issuance_v1_ListRecipientBadgesRequest__Output, _laurel_issuance_v1_ListRecipientBadgesResponse__Output>
  ListReviews: MethodDefinition<_laurel_issuance_v1_ListReviewsRequest, _laurel_issuance_v1_ListReviewsResponse, _laurel_issuance_v1_ListReviewsRequest__Output, _laurel_issuance_v1_ListReviewsResponse__Output>
  ListWebhookDeliveries: MethodDefinition<_laurel_issuance_v1_ListWebhookDeliveriesRequest, _laurel_issuance_v1_ListWebhookDeliveriesResponse, _laurel_issuance_v1_ListWebhookDeliveriesRequest__Output, _laurel_issuance_v1_ListWebhookDeliveriesResponse__Output>
  Revoke: MethodDefinition<_laurel_issuance_v1_RevokeRequest, _laurel_issuance_v1_RevokeResponse, _laurel_issuance_v1_RevokeRequest__Output, _laurel_issuance_v1_RevokeResponse__Output>
  UpdateApplication: MethodDefinition<_laurel_issuance_v1_UpdateApplicationRequest, _laurel_issuance_v1_UpdateApplicationResponse, _laurel_issuance_v1_UpdateApplicationRequest__Output, _laurel_issuance_v1_UpdateApplicationResponse__Output>
  UpdateReview: MethodDefinition<_laurel_issuance_v1_UpdateReviewRequest, _laurel_issuance_v1_UpdateReviewResponse, _laurel_issuance_v1_UpdateReviewRequest__Output, _laurel_issuance_v1_UpdateReviewResponse__Output>
}
