// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Long } from '@grpc/proto-loader';

export interface BulkAwardItem {
  'badgeId'?: (number | string | Long);
  'userId'?: (number | string | Long);
  'email'?: (string);
  /**
   * Required; the import uses `import:{batchKey}:{position}` (model.md),
   * BadgeKit's bulk route the direct key of each email.
   */
  'idempotencyKey'?: (string);
  'issuedOn'?: (string);
  'expires'?: (string);
  '_issuedOn'?: "issuedOn";
  '_expires'?: "expires";
}

export interface BulkAwardItem__Output {
  'badgeId': (string);
  'userId': (string);
  'email': (string);
  /**
   * Required; the import uses `import:{batchKey}:{position}` (model.md),
   * BadgeKit's bulk route the direct key of each email.
   */
  'idempotencyKey': (string);
  'issuedOn'?: (string);
  'expires'?: (string);
  '_issuedOn'?: "issuedOn";
  '_expires'?: "expires";
}
