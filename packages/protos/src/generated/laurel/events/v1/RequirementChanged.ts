// Original file: /work/main/protos/laurel/events/v1/events.proto

import type { RequirementState as _laurel_events_v1_RequirementState, RequirementState__Output as _laurel_events_v1_RequirementState__Output } from '../../../laurel/events/v1/RequirementState.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A badge requirement was added, edited, published or deleted (or its badge
 * was published). Topic laurel.requirement-changed.v1, key = requirement id.
 */
export interface RequirementChanged {
  'eventId'?: (string);
  'occurredAt'?: (string);
  'siteId'?: (number | string | Long);
  /**
   * Absent when the requirement was created.
   */
  'before'?: (_laurel_events_v1_RequirementState | null);
  /**
   * Absent when the requirement was deleted.
   */
  'after'?: (_laurel_events_v1_RequirementState | null);
}

/**
 * A badge requirement was added, edited, published or deleted (or its badge
 * was published). Topic laurel.requirement-changed.v1, key = requirement id.
 */
export interface RequirementChanged__Output {
  'eventId': (string);
  'occurredAt': (string);
  'siteId': (string);
  /**
   * Absent when the requirement was created.
   */
  'before': (_laurel_events_v1_RequirementState__Output | null);
  /**
   * Absent when the requirement was deleted.
   */
  'after': (_laurel_events_v1_RequirementState__Output | null);
}
