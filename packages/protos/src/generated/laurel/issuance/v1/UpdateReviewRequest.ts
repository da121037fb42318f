// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { ReviewFields as _laurel_issuance_v1_ReviewFields, ReviewFields__Output as _laurel_issuance_v1_ReviewFields__Output } from '../../../laurel/issuance/v1/ReviewFields.js';
import type { Long } from '@grpc/proto-loader';

export interface UpdateReviewRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'applicationSlug'?: (string);
  'slug'?: (string);
  'fields'?: (_laurel_issuance_v1_ReviewFields | null);
  'publicOrigin'?: (string);
  '_publicOrigin'?: "publicOrigin";
}

export interface UpdateReviewRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  'applicationSlug': (string);
  'slug': (string);
  'fields': (_laurel_issuance_v1_ReviewFields__Output | null);
  'publicOrigin'?: (string);
  '_publicOrigin'?: "publicOrigin";
}
