// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type { Long } from '@grpc/proto-loader';

export interface DeleteClaimCodeRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'code'?: (string);
}

export interface DeleteClaimCodeRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  'code': (string);
}
