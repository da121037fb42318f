// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { ApplicationFields as _laurel_issuance_v1_ApplicationFields, ApplicationFields__Output as _laurel_issuance_v1_ApplicationFields__Output } from '../../../laurel/issuance/v1/ApplicationFields.js';
import type { Long } from '@grpc/proto-loader';

export interface CreateApplicationRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  /**
   * The badge's context as the gateway resolved it, copied onto the
   * application.
   */
  'issuerId'?: (number | string | Long);
  'programId'?: (number | string | Long);
  /**
   * learner is required.
   */
  'fields'?: (_laurel_issuance_v1_ApplicationFields | null);
  /**
   * A retry with the same key returns the first application instead of a
   * second one.
   */
  'idempotencyKey'?: (string);
  '_issuerId'?: "issuerId";
  '_programId'?: "programId";
}

export interface CreateApplicationRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  /**
   * The badge's context as the gateway resolved it, copied onto the
   * application.
   */
  'issuerId'?: (string);
  'programId'?: (string);
  /**
   * learner is required.
   */
  'fields': (_laurel_issuance_v1_ApplicationFields__Output | null);
  /**
   * A retry with the same key returns the first application instead of a
   * second one.
   */
  'idempotencyKey': (string);
  '_issuerId'?: "issuerId";
  '_programId'?: "programId";
}
