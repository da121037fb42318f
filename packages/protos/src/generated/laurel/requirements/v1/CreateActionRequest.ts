// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

export interface CreateActionRequest {
  'siteId'?: (number | string | Long);
  'name'?: (string);
  /**
   * A retry with the same key returns the first answer instead of a
   * ResourceConflict on the name.
   */
  'idempotencyKey'?: (string);
}

export interface CreateActionRequest__Output {
  'siteId': (string);
  'name': (string);
  /**
   * A retry with the same key returns the first answer instead of a
   * ResourceConflict on the name.
   */
  'idempotencyKey': (string);
}
