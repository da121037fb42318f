// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Evidence as _laurel_issuance_v1_Evidence, Evidence__Output as _laurel_issuance_v1_Evidence__Output } from '../../../laurel/issuance/v1/Evidence.js';
import type { Long } from '@grpc/proto-loader';

/**
 * An earner's request for a badge. The badge's context (issuer, program) is
 * copied at submission, and list filters use the copies (BadgeKit §11.1).
 */
export interface Application {
  'id'?: (number | string | Long);
  /**
   * Generated; clients address applications by it.
   */
  'slug'?: (string);
  'badgeId'?: (number | string | Long);
  'issuerId'?: (number | string | Long);
  'programId'?: (number | string | Long);
  /**
   * The earner's email.
   */
  'learner'?: (string);
  'createdAt'?: (string);
  /**
   * The reviewer's email.
   */
  'assignedTo'?: (string);
  'assignedExpiration'?: (string);
  /**
   * When the issuer finished handling it; absent while pending.
   */
  'processed'?: (string);
  'evidence'?: (_laurel_issuance_v1_Evidence)[];
  '_issuerId'?: "issuerId";
  '_programId'?: "programId";
  '_assignedTo'?: "assignedTo";
  '_assignedExpiration'?: "assignedExpiration";
  '_processed'?: "processed";
}

/**
 * An earner's request for a badge. The badge's context (issuer, program) is
 * copied at submission, and list filters use the copies (BadgeKit §11.1).
 */
export interface Application__Output {
  'id': (string);
  /**
   * Generated; clients address applications by it.
   */
  'slug': (string);
  'badgeId': (string);
  'issuerId'?: (string);
  'programId'?: (string);
  /**
   * The earner's email.
   */
  'learner': (string);
  'createdAt': (string);
  /**
   * The reviewer's email.
   */
  'assignedTo'?: (string);
  'assignedExpiration'?: (string);
  /**
   * When the issuer finished handling it; absent while pending.
   */
  'processed'?: (string);
  'evidence': (_laurel_issuance_v1_Evidence__Output)[];
  '_issuerId'?: "issuerId";
  '_programId'?: "programId";
  '_assignedTo'?: "assignedTo";
  '_assignedExpiration'?: "assignedExpiration";
  '_processed'?: "processed";
}
