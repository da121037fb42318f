// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { ReviewFields as _laurel_issuance_v1_ReviewFields, ReviewFields__Output as _laurel_issuance_v1_ReviewFields__Output } from '../../../laurel/issuance/v1/ReviewFields.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Creating or updating a review sends the site's `review` webhook, whose
 * `approved` the service computes from the badge's required criteria.
 */
export interface CreateReviewRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'applicationSlug'?: (string);
  /**
   * author is required.
   */
  'fields'?: (_laurel_issuance_v1_ReviewFields | null);
  'idempotencyKey'?: (string);
  /**
   * For absolute URLs in the webhook's badge when PUBLIC_BASE_URL is not set.
   */
  'publicOrigin'?: (string);
  '_publicOrigin'?: "publicOrigin";
}

/**
 * Creating or updating a review sends the site's `review` webhook, whose
 * `approved` the service computes from the badge's required criteria.
 */
export interface CreateReviewRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  'applicationSlug': (string);
  /**
   * author is required.
   */
  'fields': (_laurel_issuance_v1_ReviewFields__Output | null);
  'idempotencyKey': (string);
  /**
   * For absolute URLs in the webhook's badge when PUBLIC_BASE_URL is not set.
   */
  'publicOrigin'?: (string);
  '_publicOrigin'?: "publicOrigin";
}
