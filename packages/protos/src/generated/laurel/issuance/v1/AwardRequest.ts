// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { AwardChannel as _laurel_events_v1_AwardChannel, AwardChannel__Output as _laurel_events_v1_AwardChannel__Output } from '../../../laurel/events/v1/AwardChannel.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Awards a badge. An archived badge is refused with ValidationError on field
 * `badge`; a badge of another site is ResourceNotFound. The same
 * idempotency_key with a different badge or recipient is ResourceConflict
 * (v2's -2010).
 */
export interface AwardRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  /**
   * At least one of user_id and email. user_id 0 means no member (BadgeKit
   * awards to an email that need not be one).
   */
  'userId'?: (number | string | Long);
  'email'?: (string);
  'channel'?: (_laurel_events_v1_AwardChannel);
  /**
   * Required; per channel as model.md says: direct `direct:{badgeId}:{email}`
   * (email lowercased; the badge id implies the site), claim `claim:{claimCodeId}:{email}`, requirements
   * `requirements:{badgeId}:{userId}`, assignment `assignment:{refId}`.
   */
  'idempotencyKey'?: (string);
  /**
   * Absent means now.
   */
  'issuedOn'?: (string);
  'expires'?: (string);
  'evidenceUrl'?: (string);
  /**
   * The uid a BadgeKit client chose (instance `slug`); absent means a random
   * one. Taken by another award: ResourceConflict.
   */
  'uid'?: (string);
  'claimCode'?: (string);
  /**
   * Copied into the `award` webhook only, never stored on the award.
   */
  'comment'?: (string);
  /**
   * Origin of the triggering REST request (scheme://host), for the webhook's
   * absolute assertionUrl when PUBLIC_BASE_URL is not configured. Absent for
   * awards no request caused (requirements evaluation).
   */
  'publicOrigin'?: (string);
  '_issuedOn'?: "issuedOn";
  '_expires'?: "expires";
  '_evidenceUrl'?: "evidenceUrl";
  '_uid'?: "uid";
  '_claimCode'?: "claimCode";
  '_comment'?: "comment";
  '_publicOrigin'?: "publicOrigin";
}

/**
 * Awards a badge. An archived badge is refused with ValidationError on field
 * `badge`; a badge of another site is ResourceNotFound. The same
 * idempotency_key with a different badge or recipient is ResourceConflict
 * (v2's -2010).
 */
export interface AwardRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  /**
   * At least one of user_id and email. user_id 0 means no member (BadgeKit
   * awards to an email that need not be one).
   */
  'userId': (string);
  'email': (string);
  'channel': (_laurel_events_v1_AwardChannel__Output);
  /**
   * Required; per channel as model.md says: direct `direct:{badgeId}:{email}`
   * (email lowercased; the badge id implies the site), claim `claim:{claimCodeId}:{email}`, requirements
   * `requirements:{badgeId}:{userId}`, assignment `assignment:{refId}`.
   */
  'idempotencyKey': (string);
  /**
   * Absent means now.
   */
  'issuedOn'?: (string);
  'expires'?: (string);
  'evidenceUrl'?: (string);
  /**
   * The uid a BadgeKit client chose (instance `slug`); absent means a random
   * one. Taken by another award: ResourceConflict.
   */
  'uid'?: (string);
  'claimCode'?: (string);
  /**
   * Copied into the `award` webhook only, never stored on the award.
   */
  'comment'?: (string);
  /**
   * Origin of the triggering REST request (scheme://host), for the webhook's
   * absolute assertionUrl when PUBLIC_BASE_URL is not configured. Absent for
   * awards no request caused (requirements evaluation).
   */
  'publicOrigin'?: (string);
  '_issuedOn'?: "issuedOn";
  '_expires'?: "expires";
  '_evidenceUrl'?: "evidenceUrl";
  '_uid'?: "uid";
  '_claimCode'?: "claimCode";
  '_comment'?: "comment";
  '_publicOrigin'?: "publicOrigin";
}
