// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Evidence as _laurel_issuance_v1_Evidence, Evidence__Output as _laurel_issuance_v1_Evidence__Output } from '../../../laurel/issuance/v1/Evidence.js';

/**
 * Wraps a list so that an update can tell "leave unchanged" (absent) from
 * "replace with these, possibly none" (present).
 */
export interface EvidenceList {
  'items'?: (_laurel_issuance_v1_Evidence)[];
}

/**
 * Wraps a list so that an update can tell "leave unchanged" (absent) from
 * "replace with these, possibly none" (present).
 */
export interface EvidenceList__Output {
  'items': (_laurel_issuance_v1_Evidence__Output)[];
}
