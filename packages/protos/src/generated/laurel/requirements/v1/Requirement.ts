// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

/**
 * How often an action at a location must happen for a badge. Unique on
 * badge + action + location.
 */
export interface Requirement {
  'id'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'actionId'?: (number | string | Long);
  /**
   * Compared exactly as stored (case-sensitive, no trimming).
   */
  'location'?: (string);
  'quantity'?: (number | string | Long);
  /**
   * Only published requirements count; an unpublished one is a draft.
   */
  'published'?: (boolean);
}

/**
 * How often an action at a location must happen for a badge. Unique on
 * badge + action + location.
 */
export interface Requirement__Output {
  'id': (string);
  'badgeId': (string);
  'actionId': (string);
  /**
   * Compared exactly as stored (case-sensitive, no trimming).
   */
  'location': (string);
  'quantity': (string);
  /**
   * Only published requirements count; an unpublished one is a draft.
   */
  'published': (boolean);
}
