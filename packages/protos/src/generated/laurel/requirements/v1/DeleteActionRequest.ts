// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Refused with ResourceConflict, details naming the requirements, while a
 * requirement uses the action (KickApps 117). Members' counts for the action are deleted with it.
 */
export interface DeleteActionRequest {
  'siteId'?: (number | string | Long);
  'actionId'?: (number | string | Long);
}

/**
 * Refused with ResourceConflict, details naming the requirements, while a
 * requirement uses the action (KickApps 117). Members' counts for the action are deleted with it.
 */
export interface DeleteActionRequest__Output {
  'siteId': (string);
  'actionId': (string);
}
