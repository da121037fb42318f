// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

export interface AddRequirementRequest {
  'siteId'?: (number | string | Long);
  'badgeId'?: (number | string | Long);
  'actionId'?: (number | string | Long);
  'location'?: (string);
  /**
   * Absent means 1 (KickApps default); must be 1 or more.
   */
  'quantity'?: (number | string | Long);
  /**
   * Absent means false, so requirements can be prepared before they count.
   */
  'published'?: (boolean);
  /**
   * A retry with the same key returns the first answer instead of the
   * duplicate-requirement conflict (KickApps 24).
   */
  'idempotencyKey'?: (string);
  '_quantity'?: "quantity";
  '_published'?: "published";
}

export interface AddRequirementRequest__Output {
  'siteId': (string);
  'badgeId': (string);
  'actionId': (string);
  'location': (string);
  /**
   * Absent means 1 (KickApps default); must be 1 or more.
   */
  'quantity'?: (string);
  /**
   * Absent means false, so requirements can be prepared before they count.
   */
  'published'?: (boolean);
  /**
   * A retry with the same key returns the first answer instead of the
   * duplicate-requirement conflict (KickApps 24).
   */
  'idempotencyKey': (string);
  '_quantity'?: "quantity";
  '_published'?: "published";
}
