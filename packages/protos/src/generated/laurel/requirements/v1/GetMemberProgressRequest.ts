// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

export interface GetMemberProgressRequest {
  'siteId'?: (number | string | Long);
  'userId'?: (number | string | Long);
  /**
   * The badges to report on, in the caller's order (the gateway pages the
   * catalog's published badges, filtered by location, and asks for that page).
   * Empty means every badge of the site that has a published requirement.
   */
  'badgeIds'?: (number | string | Long)[];
}

export interface GetMemberProgressRequest__Output {
  'siteId': (string);
  'userId': (string);
  /**
   * The badges to report on, in the caller's order (the gateway pages the
   * catalog's published badges, filtered by location, and asks for that page).
   * Empty means every badge of the site that has a published requirement.
   */
  'badgeIds': (string)[];
}
