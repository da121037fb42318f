// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

export interface DeleteBadgeRequirementsRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
}

export interface DeleteBadgeRequirementsRequest__Output {
  'siteId': (string);
  'badgeId': (string);
}
