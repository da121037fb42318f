// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The seed's Edit Badge Requirement. Absent fields are left unchanged. The
 * change and its RequirementChanged event commit together; re-evaluation
 * follows asynchronously and never revokes anything.
 */
export interface UpdateRequirementRequest {
  'siteId'?: (number | string | Long);
  'requirementId'?: (number | string | Long);
  /**
   * Moving a requirement to another badge re-evaluates both badges.
   */
  'badgeId'?: (number | string | Long);
  'actionId'?: (number | string | Long);
  'location'?: (string);
  'quantity'?: (number | string | Long);
  'published'?: (boolean);
  '_badgeId'?: "badgeId";
  '_actionId'?: "actionId";
  '_location'?: "location";
  '_quantity'?: "quantity";
  '_published'?: "published";
}

/**
 * The seed's Edit Badge Requirement. Absent fields are left unchanged. The
 * change and its RequirementChanged event commit together; re-evaluation
 * follows asynchronously and never revokes anything.
 */
export interface UpdateRequirementRequest__Output {
  'siteId': (string);
  'requirementId': (string);
  /**
   * Moving a requirement to another badge re-evaluates both badges.
   */
  'badgeId'?: (string);
  'actionId'?: (string);
  'location'?: (string);
  'quantity'?: (string);
  'published'?: (boolean);
  '_badgeId'?: "badgeId";
  '_actionId'?: "actionId";
  '_location'?: "location";
  '_quantity'?: "quantity";
  '_published'?: "published";
}
