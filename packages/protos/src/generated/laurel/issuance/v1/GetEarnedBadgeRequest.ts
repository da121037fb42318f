// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { BadgeHolder as _laurel_issuance_v1_BadgeHolder, BadgeHolder__Output as _laurel_issuance_v1_BadgeHolder__Output } from '../../../laurel/issuance/v1/BadgeHolder.js';
import type { Long } from '@grpc/proto-loader';

export interface GetEarnedBadgeRequest {
  /**
   * 0 only for the public assertion route, which has no site (uids are unique
   * across sites); every other caller names the site.
   */
  'siteId'?: (number | string | Long);
  /**
   * Returned whatever its state (revoked or expired): the caller decides
   * what the recipient may see (v2 -2051, public 410).
   */
  'id'?: (string);
  'uid'?: (string);
  /**
   * The oldest unrevoked award; ResourceNotFound when there is none.
   */
  'holder'?: (_laurel_issuance_v1_BadgeHolder | null);
  'key'?: "id"|"uid"|"holder";
}

export interface GetEarnedBadgeRequest__Output {
  /**
   * 0 only for the public assertion route, which has no site (uids are unique
   * across sites); every other caller names the site.
   */
  'siteId': (string);
  /**
   * Returned whatever its state (revoked or expired): the caller decides
   * what the recipient may see (v2 -2051, public 410).
   */
  'id'?: (string);
  'uid'?: (string);
  /**
   * The oldest unrevoked award; ResourceNotFound when there is none.
   */
  'holder'?: (_laurel_issuance_v1_BadgeHolder__Output | null);
  'key'?: "id"|"uid"|"holder";
}
