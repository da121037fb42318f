// Original file: /work/main/protos/laurel/events/v1/events.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A member reached an outcome (v2 Outcome) or performed an action that counts
 * toward badge requirements. Topic laurel.outcome-recorded.v1, key = member id.
 */
export interface OutcomeRecorded {
  'eventId'?: (string);
  'occurredAt'?: (string);
  /**
   * The site (BadgeKit system id) the member belongs to.
   */
  'siteId'?: (number | string | Long);
  /**
   * The member's userId.
   */
  'memberId'?: (number | string | Long);
  /**
   * Name of the action (the v2 outcomeCode), matched case-insensitively.
   */
  'action'?: (string);
  /**
   * Location the action counts at; empty means the site's outcome location.
   */
  'location'?: (string);
  /**
   * How many times the action counts; 0 is read as 1.
   */
  'quantity'?: (number | string | Long);
  /**
   * The client's reference (v2 refId), kept for tracing; not an idempotency key.
   */
  'refId'?: (string);
}

/**
 * A member reached an outcome (v2 Outcome) or performed an action that counts
 * toward badge requirements. Topic laurel.outcome-recorded.v1, key = member id.
 */
export interface OutcomeRecorded__Output {
  'eventId': (string);
  'occurredAt': (string);
  /**
   * The site (BadgeKit system id) the member belongs to.
   */
  'siteId': (string);
  /**
   * The member's userId.
   */
  'memberId': (string);
  /**
   * Name of the action (the v2 outcomeCode), matched case-insensitively.
   */
  'action': (string);
  /**
   * Location the action counts at; empty means the site's outcome location.
   */
  'location': (string);
  /**
   * How many times the action counts; 0 is read as 1.
   */
  'quantity': (string);
  /**
   * The client's reference (v2 refId), kept for tracing; not an idempotency key.
   */
  'refId': (string);
}
