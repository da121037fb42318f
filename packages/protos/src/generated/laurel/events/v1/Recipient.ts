// Original file: /work/main/protos/laurel/events/v1/events.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Who holds an earned badge: the site plus a member id, an email, or both.
 */
export interface Recipient {
  'siteId'?: (number | string | Long);
  /**
   * 0 when the badge went to an email that is not a member.
   */
  'userId'?: (number | string | Long);
  'email'?: (string);
}

/**
 * Who holds an earned badge: the site plus a member id, an email, or both.
 */
export interface Recipient__Output {
  'siteId': (string);
  /**
   * 0 when the badge went to an email that is not a member.
   */
  'userId': (string);
  'email': (string);
}
