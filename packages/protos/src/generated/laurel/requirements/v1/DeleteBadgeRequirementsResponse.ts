// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Requirement as _laurel_requirements_v1_Requirement, Requirement__Output as _laurel_requirements_v1_Requirement__Output } from '../../../laurel/requirements/v1/Requirement.js';

export interface DeleteBadgeRequirementsResponse {
  /**
   * The requirements as they were; empty when the badge had none.
   */
  'requirements'?: (_laurel_requirements_v1_Requirement)[];
}

export interface DeleteBadgeRequirementsResponse__Output {
  /**
   * The requirements as they were; empty when the badge had none.
   */
  'requirements': (_laurel_requirements_v1_Requirement__Output)[];
}
