// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

export interface DeleteRequirementRequest {
  'siteId'?: (number | string | Long);
  'requirementId'?: (number | string | Long);
}

export interface DeleteRequirementRequest__Output {
  'siteId': (string);
  'requirementId': (string);
}
