// Original file: /work/main/protos/laurel/events/v1/events.proto

import type { Recipient as _laurel_events_v1_Recipient, Recipient__Output as _laurel_events_v1_Recipient__Output } from '../../../laurel/events/v1/Recipient.js';
import type { AwardChannel as _laurel_events_v1_AwardChannel, AwardChannel__Output as _laurel_events_v1_AwardChannel__Output } from '../../../laurel/events/v1/AwardChannel.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A badge was awarded. Topic laurel.badge-awarded.v1, key = recipient.
 */
export interface BadgeAwarded {
  'eventId'?: (string);
  'occurredAt'?: (string);
  'earnedBadgeId'?: (string);
  'uid'?: (string);
  'badgeId'?: (number | string | Long);
  'recipient'?: (_laurel_events_v1_Recipient | null);
  'channel'?: (_laurel_events_v1_AwardChannel);
  'issuedOn'?: (string);
  /**
   * Empty when the award does not expire.
   */
  'expires'?: (string);
}

/**
 * A badge was awarded. Topic laurel.badge-awarded.v1, key = recipient.
 */
export interface BadgeAwarded__Output {
  'eventId': (string);
  'occurredAt': (string);
  'earnedBadgeId': (string);
  'uid': (string);
  'badgeId': (string);
  'recipient': (_laurel_events_v1_Recipient__Output | null);
  'channel': (_laurel_events_v1_AwardChannel__Output);
  'issuedOn': (string);
  /**
   * Empty when the award does not expire.
   */
  'expires': (string);
}
