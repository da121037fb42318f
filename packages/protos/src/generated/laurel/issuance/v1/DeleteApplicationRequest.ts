// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Long } from '@grpc/proto-loader';

export interface DeleteApplicationRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'slug'?: (string);
}

export interface DeleteApplicationRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  'slug': (string);
}
