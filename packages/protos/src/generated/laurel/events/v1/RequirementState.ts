// Original file: /work/main/protos/laurel/events/v1/events.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The requirement as it was or is, inside RequirementChanged.
 */
export interface RequirementState {
  'requirementId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'actionId'?: (number | string | Long);
  'location'?: (string);
  'quantity'?: (number | string | Long);
  'published'?: (boolean);
}

/**
 * The requirement as it was or is, inside RequirementChanged.
 */
export interface RequirementState__Output {
  'requirementId': (string);
  'badgeId': (string);
  'actionId': (string);
  'location': (string);
  'quantity': (string);
  'published': (boolean);
}
