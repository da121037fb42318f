// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The v2 Outcome route looks actions up by name, the KickApps calls by id.
 */
export interface GetActionRequest {
  'siteId'?: (number | string | Long);
  'id'?: (number | string | Long);
  /**
   * Matched ignoring case, as names are unique ignoring case (model.md).
   */
  'name'?: (string);
  'key'?: "id"|"name";
}

/**
 * The v2 Outcome route looks actions up by name, the KickApps calls by id.
 */
export interface GetActionRequest__Output {
  'siteId': (string);
  'id'?: (string);
  /**
   * Matched ignoring case, as names are unique ignoring case (model.md).
   */
  'name'?: (string);
  'key'?: "id"|"name";
}
