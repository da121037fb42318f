// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Long } from '@grpc/proto-loader';

export interface DeleteReviewRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'applicationSlug'?: (string);
  'slug'?: (string);
}

export interface DeleteReviewRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  'applicationSlug': (string);
  'slug': (string);
}
