// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { EvidenceList as _laurel_issuance_v1_EvidenceList, EvidenceList__Output as _laurel_issuance_v1_EvidenceList__Output } from '../../../laurel/issuance/v1/EvidenceList.js';

/**
 * Writable fields of an application. On update an absent field is left
 * unchanged, and an empty string clears a nullable one (BadgeKit's null).
 */
export interface ApplicationFields {
  'learner'?: (string);
  'assignedTo'?: (string);
  'assignedExpiration'?: (string);
  /**
   * Ignored on create: applications start pending.
   */
  'processed'?: (string);
  'evidence'?: (_laurel_issuance_v1_EvidenceList | null);
  '_learner'?: "learner";
  '_assignedTo'?: "assignedTo";
  '_assignedExpiration'?: "assignedExpiration";
  '_processed'?: "processed";
}

/**
 * Writable fields of an application. On update an absent field is left
 * unchanged, and an empty string clears a nullable one (BadgeKit's null).
 */
export interface ApplicationFields__Output {
  'learner'?: (string);
  'assignedTo'?: (string);
  'assignedExpiration'?: (string);
  /**
   * Ignored on create: applications start pending.
   */
  'processed'?: (string);
  'evidence': (_laurel_issuance_v1_EvidenceList__Output | null);
  '_learner'?: "learner";
  '_assignedTo'?: "assignedTo";
  '_assignedExpiration'?: "assignedExpiration";
  '_processed'?: "processed";
}
