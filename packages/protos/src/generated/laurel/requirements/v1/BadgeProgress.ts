// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { RequirementProgress as _laurel_requirements_v1_RequirementProgress, RequirementProgress__Output as _laurel_requirements_v1_RequirementProgress__Output } from '../../../laurel/requirements/v1/RequirementProgress.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Progress only: whether the member holds the badge is issuance's to say, so
 * the gateway merges KickApps' earned/earnedAt from Issuance.
 */
export interface BadgeProgress {
  'badgeId'?: (number | string | Long);
  /**
   * Published requirements only, ordered by requirement id; empty for a badge
   * without any.
   */
  'requirements'?: (_laurel_requirements_v1_RequirementProgress)[];
  /**
   * Every listed requirement is met and there is at least one; a badge
   * without published requirements is never qualified.
   */
  'qualified'?: (boolean);
}

/**
 * Progress only: whether the member holds the badge is issuance's to say, so
 * the gateway merges KickApps' earned/earnedAt from Issuance.
 */
export interface BadgeProgress__Output {
  'badgeId': (string);
  /**
   * Published requirements only, ordered by requirement id; empty for a badge
   * without any.
   */
  'requirements': (_laurel_requirements_v1_RequirementProgress__Output)[];
  /**
   * Every listed requirement is met and there is at least one; a badge
   * without published requirements is never qualified.
   */
  'qualified': (boolean);
}
