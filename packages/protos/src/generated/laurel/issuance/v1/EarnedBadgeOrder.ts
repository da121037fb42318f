// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

/**
 * Orders of listing that the families need.
 */
export const EarnedBadgeOrder = {
  /**
   * Read as CREATED.
   */
  EARNED_BADGE_ORDER_UNSPECIFIED: 'EARNED_BADGE_ORDER_UNSPECIFIED',
  /**
   * Creation order (BadgeKit's id ascending).
   */
  EARNED_BADGE_ORDER_CREATED: 'EARNED_BADGE_ORDER_CREATED',
  /**
   * issued_on descending, ties by id (KickApps, v2).
   */
  EARNED_BADGE_ORDER_NEWEST_FIRST: 'EARNED_BADGE_ORDER_NEWEST_FIRST',
} as const;

/**
 * Orders of listing that the families need.
 */
export type EarnedBadgeOrder =
  /**
   * Read as CREATED.
   */
  | 'EARNED_BADGE_ORDER_UNSPECIFIED'
  | 0
  /**
   * Creation order (BadgeKit's id ascending).
   */
  | 'EARNED_BADGE_ORDER_CREATED'
  | 1
  /**
   * issued_on descending, ties by id (KickApps, v2).
   */
  | 'EARNED_BADGE_ORDER_NEWEST_FIRST'
  | 2

/**
 * Orders of listing that the families need.
 */
export type EarnedBadgeOrder__Output = typeof EarnedBadgeOrder[keyof typeof EarnedBadgeOrder]
