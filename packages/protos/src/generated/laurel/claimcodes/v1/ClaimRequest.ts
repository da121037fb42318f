// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Claims a code under a row lock, then asks issuance to award the badge. The
 * rules are model.md's "Earned badges" list:
 * - single-use code, first claim: claimed and awarded;
 * - single-use code, any later claim: CodeAlreadyUsed, except as described
 * for allow_same_email_repeat;
 * - multi-use code: each email's first claim awards; the same email again
 * succeeds with awarded = false and the earlier award's id.
 */
export interface ClaimRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'code'?: (string);
  /**
   * The claimant. BadgeKit's claim route lets it be absent: the code is then
   * marked claimed with no email and nothing is awarded (there is no one to
   * award to).
   */
  'email'?: (string);
  /**
   * The member behind the email, when the gateway knows one, so the earned
   * badge also records the userId; 0 when the email is not a member's.
   */
  'userId'?: (number | string | Long);
  /**
   * Set for BadgeKit's instance route (POST .../instances with claimCode):
   * when this email already claimed this single-use code, answer with that
   * award (201 there) rather than CodeAlreadyUsed (what the claim route says).
   */
  'allowSameEmailRepeat'?: (boolean);
  /**
   * Makes a retry of this call return the first answer instead of
   * CodeAlreadyUsed. Distinct from the issuance key, which the service derives
   * from the claim.
   */
  'idempotencyKey'?: (string);
  /**
   * Details for the award, passed on to Issuance.Award (BadgeKit §9.4 body
   * fields); absent means issuance's defaults.
   */
  'uid'?: (string);
  'issuedOn'?: (string);
  'expires'?: (string);
  /**
   * Copied into the award webhook only; never stored on the earned badge.
   */
  'comment'?: (string);
  /**
   * Origin of the REST request (scheme://host), for the webhook's absolute
   * assertionUrl when PUBLIC_BASE_URL is not configured.
   */
  'publicOrigin'?: (string);
  '_email'?: "email";
  '_uid'?: "uid";
  '_issuedOn'?: "issuedOn";
  '_expires'?: "expires";
  '_comment'?: "comment";
  '_publicOrigin'?: "publicOrigin";
}

/**
 * Claims a code under a row lock, then asks issuance to award the badge. The
 * rules are model.md's "Earned badges" list:
 * - single-use code, first claim: claimed and awarded;
 * - single-use code, any later claim: CodeAlreadyUsed, except as described
 * for allow_same_email_repeat;
 * - multi-use code: each email's first claim awards; the same email again
 * succeeds with awarded = false and the earlier award's id.
 */
export interface ClaimRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  'code': (string);
  /**
   * The claimant. BadgeKit's claim route lets it be absent: the code is then
   * marked claimed with no email and nothing is awarded (there is no one to
   * award to).
   */
  'email'?: (string);
  /**
   * The member behind the email, when the gateway knows one, so the earned
   * badge also records the userId; 0 when the email is not a member's.
   */
  'userId': (string);
  /**
   * Set for BadgeKit's instance route (POST .../instances with claimCode):
   * when this email already claimed this single-use code, answer with that
   * award (201 there) rather than CodeAlreadyUsed (what the claim route says).
   */
  'allowSameEmailRepeat': (boolean);
  /**
   * Makes a retry of this call return the first answer instead of
   * CodeAlreadyUsed. Distinct from the issuance key, which the service derives
   * from the claim.
   */
  'idempotencyKey': (string);
  /**
   * Details for the award, passed on to Issuance.Award (BadgeKit §9.4 body
   * fields); absent means issuance's defaults.
   */
  'uid'?: (string);
  'issuedOn'?: (string);
  'expires'?: (string);
  /**
   * Copied into the award webhook only; never stored on the earned badge.
   */
  'comment'?: (string);
  /**
   * Origin of the REST request (scheme://host), for the webhook's absolute
   * assertionUrl when PUBLIC_BASE_URL is not configured.
   */
  'publicOrigin'?: (string);
  '_email'?: "email";
  '_uid'?: "uid";
  '_issuedOn'?: "issuedOn";
  '_expires'?: "expires";
  '_comment'?: "comment";
  '_publicOrigin'?: "publicOrigin";
}
