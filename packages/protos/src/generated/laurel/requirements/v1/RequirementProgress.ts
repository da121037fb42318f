// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Requirement as _laurel_requirements_v1_Requirement, Requirement__Output as _laurel_requirements_v1_Requirement__Output } from '../../../laurel/requirements/v1/Requirement.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One published requirement against the member's count.
 */
export interface RequirementProgress {
  'requirement'?: (_laurel_requirements_v1_Requirement | null);
  /**
   * The member's count for the requirement's action and location.
   */
  'userQuantity'?: (number | string | Long);
  'met'?: (boolean);
}

/**
 * One published requirement against the member's count.
 */
export interface RequirementProgress__Output {
  'requirement': (_laurel_requirements_v1_Requirement__Output | null);
  /**
   * The member's count for the requirement's action and location.
   */
  'userQuantity': (string);
  'met': (boolean);
}
