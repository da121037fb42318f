// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

export interface ListMemberCountsRequest {
  'siteId'?: (number | string | Long);
  'userId'?: (number | string | Long);
}

export interface ListMemberCountsRequest__Output {
  'siteId': (string);
  'userId': (string);
}
