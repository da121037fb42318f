// Original file: /work/main/protos/laurel/events/v1/events.proto

import type { Recipient as _laurel_events_v1_Recipient, Recipient__Output as _laurel_events_v1_Recipient__Output } from '../../../laurel/events/v1/Recipient.js';
import type { Long } from '@grpc/proto-loader';

/**
 * An earned badge was revoked. Topic laurel.badge-revoked.v1, key = recipient.
 */
export interface BadgeRevoked {
  'eventId'?: (string);
  'occurredAt'?: (string);
  'earnedBadgeId'?: (string);
  'uid'?: (string);
  'badgeId'?: (number | string | Long);
  'recipient'?: (_laurel_events_v1_Recipient | null);
  'reason'?: (string);
}

/**
 * An earned badge was revoked. Topic laurel.badge-revoked.v1, key = recipient.
 */
export interface BadgeRevoked__Output {
  'eventId': (string);
  'occurredAt': (string);
  'earnedBadgeId': (string);
  'uid': (string);
  'badgeId': (string);
  'recipient': (_laurel_events_v1_Recipient__Output | null);
  'reason': (string);
}
