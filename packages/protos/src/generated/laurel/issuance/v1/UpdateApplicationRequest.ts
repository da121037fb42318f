// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { ApplicationFields as _laurel_issuance_v1_ApplicationFields, ApplicationFields__Output as _laurel_issuance_v1_ApplicationFields__Output } from '../../../laurel/issuance/v1/ApplicationFields.js';
import type { Long } from '@grpc/proto-loader';

export interface UpdateApplicationRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'slug'?: (string);
  'fields'?: (_laurel_issuance_v1_ApplicationFields | null);
}

export interface UpdateApplicationRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  'slug': (string);
  'fields': (_laurel_issuance_v1_ApplicationFields__Output | null);
}
