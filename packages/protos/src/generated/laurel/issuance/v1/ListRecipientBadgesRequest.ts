// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { EarnedBadgeOrder as _laurel_issuance_v1_EarnedBadgeOrder, EarnedBadgeOrder__Output as _laurel_issuance_v1_EarnedBadgeOrder__Output } from '../../../laurel/issuance/v1/EarnedBadgeOrder.js';
import type { PageRequest as _laurel_common_v1_PageRequest, PageRequest__Output as _laurel_common_v1_PageRequest__Output } from '../../../laurel/common/v1/PageRequest.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A member's badges are those awarded to their user_id or to their email
 * (case-insensitively); the gateway passes both when it knows the member, so
 * BadgeKit's per-email list also finds awards made to that member's userId.
 */
export interface ListRecipientBadgesRequest {
  'siteId'?: (number | string | Long);
  /**
   * At least one of user_id (non-zero) and email (non-empty).
   */
  'userId'?: (number | string | Long);
  'email'?: (string);
  /**
   * Restricts the list to these badges; empty means every badge of the site.
   * The gateway resolves BadgeKit contexts and KickApps' location filter into
   * badge ids through the catalog.
   */
  'badgeIds'?: (number | string | Long)[];
  /**
   * Revoked awards are hidden from every family's listing; admin tools only.
   */
  'includeRevoked'?: (boolean);
  /**
   * BadgeKit lists keep expired awards; KickApps, v2 and import hide them.
   */
  'includeExpired'?: (boolean);
  'order'?: (_laurel_issuance_v1_EarnedBadgeOrder);
  /**
   * Keep only the first award (in `order`) of each badge: KickApps lists a
   * badge earned several times once. Paging and totals count after this.
   */
  'onePerBadge'?: (boolean);
  /**
   * v2 lists are unpaged: leave page unset.
   */
  'page'?: (_laurel_common_v1_PageRequest | null);
}

/**
 * A member's badges are those awarded to their user_id or to their email
 * (case-insensitively); the gateway passes both when it knows the member, so
 * BadgeKit's per-email list also finds awards made to that member's userId.
 */
export interface ListRecipientBadgesRequest__Output {
  'siteId': (string);
  /**
   * At least one of user_id (non-zero) and email (non-empty).
   */
  'userId': (string);
  'email': (string);
  /**
   * Restricts the list to these badges; empty means every badge of the site.
   * The gateway resolves BadgeKit contexts and KickApps' location filter into
   * badge ids through the catalog.
   */
  'badgeIds': (string)[];
  /**
   * Revoked awards are hidden from every family's listing; admin tools only.
   */
  'includeRevoked': (boolean);
  /**
   * BadgeKit lists keep expired awards; KickApps, v2 and import hide them.
   */
  'includeExpired': (boolean);
  'order': (_laurel_issuance_v1_EarnedBadgeOrder__Output);
  /**
   * Keep only the first award (in `order`) of each badge: KickApps lists a
   * badge earned several times once. Paging and totals count after this.
   */
  'onePerBadge': (boolean);
  /**
   * v2 lists are unpaged: leave page unset.
   */
  'page': (_laurel_common_v1_PageRequest__Output | null);
}
