// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A member's running total for one action at one location.
 */
export interface MemberCount {
  'actionId'?: (number | string | Long);
  /**
   * The action's name, so callers need no second lookup.
   */
  'actionName'?: (string);
  'location'?: (string);
  /**
   * Never negative.
   */
  'count'?: (number | string | Long);
}

/**
 * A member's running total for one action at one location.
 */
export interface MemberCount__Output {
  'actionId': (string);
  /**
   * The action's name, so callers need no second lookup.
   */
  'actionName': (string);
  'location': (string);
  /**
   * Never negative.
   */
  'count': (string);
}
