// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

/**
 * Why a bulk item was refused (in errors) or recorded with a caveat (in
 * warnings). The gateway maps each to its family's code; checks that need
 * members (customer not found) happen in the gateway before the call.
 */
export const BulkAwardIssueCode = {
  BULK_AWARD_ISSUE_CODE_UNSPECIFIED: 'BULK_AWARD_ISSUE_CODE_UNSPECIFIED',
  /**
   * Error: no such badge in the site (import 1054).
   */
  BULK_AWARD_ISSUE_CODE_BADGE_NOT_FOUND: 'BULK_AWARD_ISSUE_CODE_BADGE_NOT_FOUND',
  /**
   * Error: the badge is archived and cannot be earned (import 3109).
   */
  BULK_AWARD_ISSUE_CODE_BADGE_ARCHIVED: 'BULK_AWARD_ISSUE_CODE_BADGE_ARCHIVED',
  /**
   * Error: a field value the service cannot accept (named in `field`).
   */
  BULK_AWARD_ISSUE_CODE_INVALID_VALUE: 'BULK_AWARD_ISSUE_CODE_INVALID_VALUE',
  /**
   * Warning: the badge is not published; recorded anyway (import 3203).
   */
  BULK_AWARD_ISSUE_CODE_BADGE_NOT_PUBLISHED: 'BULK_AWARD_ISSUE_CODE_BADGE_NOT_PUBLISHED',
  /**
   * Warning: expires is already past; recorded as expired (import 3201).
   */
  BULK_AWARD_ISSUE_CODE_EXPIRES_IN_PAST: 'BULK_AWARD_ISSUE_CODE_EXPIRES_IN_PAST',
  /**
   * Warning: issued_on lies outside the badge's validity window (import 3204).
   */
  BULK_AWARD_ISSUE_CODE_OUTSIDE_VALIDITY_WINDOW: 'BULK_AWARD_ISSUE_CODE_OUTSIDE_VALIDITY_WINDOW',
} as const;

/**
 * Why a bulk item was refused (in errors) or recorded with a caveat (in
 * warnings). The gateway maps each to its family's code; checks that need
 * members (customer not found) happen in the gateway before the call.
 */
export type BulkAwardIssueCode =
  | 'BULK_AWARD_ISSUE_CODE_UNSPECIFIED'
  | 0
  /**
   * Error: no such badge in the site (import 1054).
   */
  | 'BULK_AWARD_ISSUE_CODE_BADGE_NOT_FOUND'
  | 1
  /**
   * Error: the badge is archived and cannot be earned (import 3109).
   */
  | 'BULK_AWARD_ISSUE_CODE_BADGE_ARCHIVED'
  | 2
  /**
   * Error: a field value the service cannot accept (named in `field`).
   */
  | 'BULK_AWARD_ISSUE_CODE_INVALID_VALUE'
  | 3
  /**
   * Warning: the badge is not published; recorded anyway (import 3203).
   */
  | 'BULK_AWARD_ISSUE_CODE_BADGE_NOT_PUBLISHED'
  | 4
  /**
   * Warning: expires is already past; recorded as expired (import 3201).
   */
  | 'BULK_AWARD_ISSUE_CODE_EXPIRES_IN_PAST'
  | 5
  /**
   * Warning: issued_on lies outside the badge's validity window (import 3204).
   */
  | 'BULK_AWARD_ISSUE_CODE_OUTSIDE_VALIDITY_WINDOW'
  | 6

/**
 * Why a bulk item was refused (in errors) or recorded with a caveat (in
 * warnings). The gateway maps each to its family's code; checks that need
 * members (customer not found) happen in the gateway before the call.
 */
export type BulkAwardIssueCode__Output = typeof BulkAwardIssueCode[keyof typeof BulkAwardIssueCode]
