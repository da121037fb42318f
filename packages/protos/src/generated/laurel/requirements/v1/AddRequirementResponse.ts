// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Requirement as _laurel_requirements_v1_Requirement, Requirement__Output as _laurel_requirements_v1_Requirement__Output } from '../../../laurel/requirements/v1/Requirement.js';

export interface AddRequirementResponse {
  'requirement'?: (_laurel_requirements_v1_Requirement | null);
}

export interface AddRequirementResponse__Output {
  'requirement': (_laurel_requirements_v1_Requirement__Output | null);
}
