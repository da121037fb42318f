// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Requirement as _laurel_requirements_v1_Requirement, Requirement__Output as _laurel_requirements_v1_Requirement__Output } from '../../../laurel/requirements/v1/Requirement.js';

export interface UpdateRequirementResponse {
  'requirement'?: (_laurel_requirements_v1_Requirement | null);
  /**
   * False when the call changed nothing (and so emitted no event); KickApps
   * still answers success then.
   */
  'changed'?: (boolean);
}

export interface UpdateRequirementResponse__Output {
  'requirement': (_laurel_requirements_v1_Requirement__Output | null);
  /**
   * False when the call changed nothing (and so emitted no event); KickApps
   * still answers success then.
   */
  'changed': (boolean);
}
