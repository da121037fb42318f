// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

export interface UpdateActionRequest {
  'siteId'?: (number | string | Long);
  'actionId'?: (number | string | Long);
  'name'?: (string);
}

export interface UpdateActionRequest__Output {
  'siteId': (string);
  'actionId': (string);
  'name': (string);
}
