// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A claim code of one badge. Codes are unique per badge (case-insensitively),
 * not per site: two badges may carry the same code.
 */
export interface ClaimCode {
  'id'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'code'?: (string);
  /**
   * True from the first claim on, even for multi-use codes, where it is only
   * informational (BadgeKit §8.1).
   */
  'claimed'?: (boolean);
  /**
   * The most recent claimant, or the email preset at creation; absent when
   * neither exists (BadgeKit then omits or nulls the key).
   */
  'email'?: (string);
  /**
   * A multi-use code can be claimed by any number of emails, each once.
   */
  'multiuse'?: (boolean);
  'createdAt'?: (string);
  '_email'?: "email";
}

/**
 * A claim code of one badge. Codes are unique per badge (case-insensitively),
 * not per site: two badges may carry the same code.
 */
export interface ClaimCode__Output {
  'id': (string);
  'badgeId': (string);
  'code': (string);
  /**
   * True from the first claim on, even for multi-use codes, where it is only
   * informational (BadgeKit §8.1).
   */
  'claimed': (boolean);
  /**
   * The most recent claimant, or the email preset at creation; absent when
   * neither exists (BadgeKit then omits or nulls the key).
   */
  'email'?: (string);
  /**
   * A multi-use code can be claimed by any number of emails, each once.
   */
  'multiuse': (boolean);
  'createdAt': (string);
  '_email'?: "email";
}
