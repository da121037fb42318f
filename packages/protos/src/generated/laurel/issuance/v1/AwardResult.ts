// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

/**
 * What an award call did. Callers map it to their family's answer (BadgeKit
 * 201 or 409, v2 success, import error 3110, a claim's `awarded`).
 */
export const AwardResult = {
  AWARD_RESULT_UNSPECIFIED: 'AWARD_RESULT_UNSPECIFIED',
  /**
   * This call created the earned badge.
   */
  AWARD_RESULT_CREATED: 'AWARD_RESULT_CREATED',
  /**
   * An earlier call with the same idempotency key created it; returned as is.
   */
  AWARD_RESULT_REPLAYED: 'AWARD_RESULT_REPLAYED',
  /**
   * The recipient already holds this non-repeatable badge through another
   * award (or reached the badge's per-recipient limit); nothing new was
   * created and the existing award is returned.
   */
  AWARD_RESULT_ALREADY_HELD: 'AWARD_RESULT_ALREADY_HELD',
  /**
   * Only in bulk results: the item had errors and nothing was recorded.
   */
  AWARD_RESULT_REJECTED: 'AWARD_RESULT_REJECTED',
} as const;

/**
 * What an award call did. Callers map it to their family's answer (BadgeKit
 * 201 or 409, v2 success, import error 3110, a claim's `awarded`).
 */
export type AwardResult =
  | 'AWARD_RESULT_UNSPECIFIED'
  | 0
  /**
   * This call created the earned badge.
   */
  | 'AWARD_RESULT_CREATED'
  | 1
  /**
   * An earlier call with the same idempotency key created it; returned as is.
   */
  | 'AWARD_RESULT_REPLAYED'
  | 2
  /**
   * The recipient already holds this non-repeatable badge through another
   * award (or reached the badge's per-recipient limit); nothing new was
   * created and the existing award is returned.
   */
  | 'AWARD_RESULT_ALREADY_HELD'
  | 3
  /**
   * Only in bulk results: the item had errors and nothing was recorded.
   */
  | 'AWARD_RESULT_REJECTED'
  | 4

/**
 * What an award call did. Callers map it to their family's answer (BadgeKit
 * 201 or 409, v2 success, import error 3110, a claim's `awarded`).
 */
export type AwardResult__Output = typeof AwardResult[keyof typeof AwardResult]
