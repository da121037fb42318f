// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { EvidenceMediaType as _laurel_issuance_v1_EvidenceMediaType, EvidenceMediaType__Output as _laurel_issuance_v1_EvidenceMediaType__Output } from '../../../laurel/issuance/v1/EvidenceMediaType.js';

/**
 * One item of an application's evidence; every field may be null in BadgeKit.
 */
export interface Evidence {
  'url'?: (string);
  'mediaType'?: (_laurel_issuance_v1_EvidenceMediaType);
  'reflection'?: (string);
  '_url'?: "url";
  '_reflection'?: "reflection";
}

/**
 * One item of an application's evidence; every field may be null in BadgeKit.
 */
export interface Evidence__Output {
  'url'?: (string);
  'mediaType': (_laurel_issuance_v1_EvidenceMediaType__Output);
  'reflection'?: (string);
  '_url'?: "url";
  '_reflection'?: "reflection";
}
