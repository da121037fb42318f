// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Something a member does that can count towards badges. A v2 outcomeCode is
 * an action's name.
 */
export interface Action {
  'id'?: (number | string | Long);
  /**
   * Unique per site, ignoring case; stored trimmed, as given otherwise.
   */
  'name'?: (string);
  'createdAt'?: (string);
}

/**
 * Something a member does that can count towards badges. A v2 outcomeCode is
 * an action's name.
 */
export interface Action__Output {
  'id': (string);
  /**
   * Unique per site, ignoring case; stored trimmed, as given otherwise.
   */
  'name': (string);
  'createdAt': (string);
}
