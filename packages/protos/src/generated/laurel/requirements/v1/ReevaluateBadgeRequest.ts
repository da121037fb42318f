// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Answers once the re-evaluation is recorded durably (in the service's
 * outbox); the awards follow asynchronously. Repeating the call is harmless:
 * evaluation awards each member once.
 */
export interface ReevaluateBadgeRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
}

/**
 * Answers once the re-evaluation is recorded durably (in the service's
 * outbox); the awards follow asynchronously. Repeating the call is harmless:
 * evaluation awards each member once.
 */
export interface ReevaluateBadgeRequest__Output {
  'siteId': (string);
  'badgeId': (string);
}
