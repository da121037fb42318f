// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { PageRequest as _laurel_common_v1_PageRequest, PageRequest__Output as _laurel_common_v1_PageRequest__Output } from '../../../laurel/common/v1/PageRequest.js';
import type { Long } from '@grpc/proto-loader';

export interface ListApplicationsRequest {
  'siteId'?: (number | string | Long);
  /**
   * Filters on the copied context; absent means any.
   */
  'issuerId'?: (number | string | Long);
  'programId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  /**
   * true: processed only; false: pending only; absent: all (BadgeKit default).
   */
  'processed'?: (boolean);
  /**
   * Only this learner's applications (case-insensitive).
   */
  'learner'?: (string);
  /**
   * Ordered by badge id, then created_at (BadgeKit §11.2).
   */
  'page'?: (_laurel_common_v1_PageRequest | null);
  '_issuerId'?: "issuerId";
  '_programId'?: "programId";
  '_badgeId'?: "badgeId";
  '_processed'?: "processed";
  '_learner'?: "learner";
}

export interface ListApplicationsRequest__Output {
  'siteId': (string);
  /**
   * Filters on the copied context; absent means any.
   */
  'issuerId'?: (string);
  'programId'?: (string);
  'badgeId'?: (string);
  /**
   * true: processed only; false: pending only; absent: all (BadgeKit default).
   */
  'processed'?: (boolean);
  /**
   * Only this learner's applications (case-insensitive).
   */
  'learner'?: (string);
  /**
   * Ordered by badge id, then created_at (BadgeKit §11.2).
   */
  'page': (_laurel_common_v1_PageRequest__Output | null);
  '_issuerId'?: "issuerId";
  '_programId'?: "programId";
  '_badgeId'?: "badgeId";
  '_processed'?: "processed";
  '_learner'?: "learner";
}
