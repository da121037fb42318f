// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Long } from '@grpc/proto-loader';

/**
 * An application is found only under its own badge.
 */
export interface GetApplicationRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'slug'?: (string);
}

/**
 * An application is found only under its own badge.
 */
export interface GetApplicationRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  'slug': (string);
}
