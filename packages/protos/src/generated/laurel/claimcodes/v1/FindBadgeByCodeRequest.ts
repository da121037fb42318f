// Original file: /work/main/protos/laurel/claimcodes/v1/claimcodes.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Which badges the lookup looks at: the site alone means every badge of the
 * site at any depth; with issuer_id only that issuer's badges; with program_id
 * only that program's (BadgeKit's {S}, {I}, {P}). The service resolves the
 * scope to badges through the catalog.
 */
export interface FindBadgeByCodeRequest {
  'siteId'?: (number | string | Long);
  'issuerId'?: (number | string | Long);
  'programId'?: (number | string | Long);
  /**
   * Matched case-insensitively.
   */
  'code'?: (string);
  '_issuerId'?: "issuerId";
  '_programId'?: "programId";
}

/**
 * Which badges the lookup looks at: the site alone means every badge of the
 * site at any depth; with issuer_id only that issuer's badges; with program_id
 * only that program's (BadgeKit's {S}, {I}, {P}). The service resolves the
 * scope to badges through the catalog.
 */
export interface FindBadgeByCodeRequest__Output {
  'siteId': (string);
  'issuerId'?: (string);
  'programId'?: (string);
  /**
   * Matched case-insensitively.
   */
  'code': (string);
  '_issuerId'?: "issuerId";
  '_programId'?: "programId";
}
