// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Recipient as _laurel_events_v1_Recipient, Recipient__Output as _laurel_events_v1_Recipient__Output } from '../../../laurel/events/v1/Recipient.js';
import type { AwardChannel as _laurel_events_v1_AwardChannel, AwardChannel__Output as _laurel_events_v1_AwardChannel__Output } from '../../../laurel/events/v1/AwardChannel.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One award, whatever its channel. Revoked records are kept (with revoked_at)
 * so that their public assertion can answer 410.
 */
export interface EarnedBadge {
  /**
   * Stable opaque id (a UUID): v2 badgeID, import earnedBadgeId.
   */
  'id'?: (string);
  /**
   * The public assertion's uid and BadgeKit's instance slug: 40 lowercase hex
   * characters, or the slug a BadgeKit client chose. Unique across sites.
   */
  'uid'?: (string);
  'badgeId'?: (number | string | Long);
  'recipient'?: (_laurel_events_v1_Recipient | null);
  'channel'?: (_laurel_events_v1_AwardChannel);
  'issuedOn'?: (string);
  /**
   * Absent when the award never expires. Expired awards stay valid records;
   * which listings hide them is the caller's choice.
   */
  'expires'?: (string);
  'revokedAt'?: (string);
  'revocationReason'?: (string);
  /**
   * The claim code string the award was made with (BadgeKit instance
   * `claimCode`); kept even after the code is deleted.
   */
  'claimCode'?: (string);
  /**
   * Open Badges 2.0 assertion evidence: a URL describing the earner's work.
   */
  'evidenceUrl'?: (string);
  '_expires'?: "expires";
  '_revokedAt'?: "revokedAt";
  '_revocationReason'?: "revocationReason";
  '_claimCode'?: "claimCode";
  '_evidenceUrl'?: "evidenceUrl";
}

/**
 * One award, whatever its channel. Revoked records are kept (with revoked_at)
 * so that their public assertion can answer 410.
 */
export interface EarnedBadge__Output {
  /**
   * Stable opaque id (a UUID): v2 badgeID, import earnedBadgeId.
   */
  'id': (string);
  /**
   * The public assertion's uid and BadgeKit's instance slug: 40 lowercase hex
   * characters, or the slug a BadgeKit client chose. Unique across sites.
   */
  'uid': (string);
  'badgeId': (string);
  'recipient': (_laurel_events_v1_Recipient__Output | null);
  'channel': (_laurel_events_v1_AwardChannel__Output);
  'issuedOn': (string);
  /**
   * Absent when the award never expires. Expired awards stay valid records;
   * which listings hide them is the caller's choice.
   */
  'expires'?: (string);
  'revokedAt'?: (string);
  'revocationReason'?: (string);
  /**
   * The claim code string the award was made with (BadgeKit instance
   * `claimCode`); kept even after the code is deleted.
   */
  'claimCode'?: (string);
  /**
   * Open Badges 2.0 assertion evidence: a URL describing the earner's work.
   */
  'evidenceUrl'?: (string);
  '_expires'?: "expires";
  '_revokedAt'?: "revokedAt";
  '_revocationReason'?: "revocationReason";
  '_claimCode'?: "claimCode";
  '_evidenceUrl'?: "evidenceUrl";
}
