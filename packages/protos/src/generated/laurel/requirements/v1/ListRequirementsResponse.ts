// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Requirement as _laurel_requirements_v1_Requirement, Requirement__Output as _laurel_requirements_v1_Requirement__Output } from '../../../laurel/requirements/v1/Requirement.js';
import type { PageInfo as _laurel_common_v1_PageInfo, PageInfo__Output as _laurel_common_v1_PageInfo__Output } from '../../../laurel/common/v1/PageInfo.js';

export interface ListRequirementsResponse {
  'requirements'?: (_laurel_requirements_v1_Requirement)[];
  'pageInfo'?: (_laurel_common_v1_PageInfo | null);
}

export interface ListRequirementsResponse__Output {
  'requirements': (_laurel_requirements_v1_Requirement__Output)[];
  'pageInfo': (_laurel_common_v1_PageInfo__Output | null);
}
