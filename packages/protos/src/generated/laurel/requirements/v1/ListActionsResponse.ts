// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Action as _laurel_requirements_v1_Action, Action__Output as _laurel_requirements_v1_Action__Output } from '../../../laurel/requirements/v1/Action.js';
import type { PageInfo as _laurel_common_v1_PageInfo, PageInfo__Output as _laurel_common_v1_PageInfo__Output } from '../../../laurel/common/v1/PageInfo.js';

export interface ListActionsResponse {
  'actions'?: (_laurel_requirements_v1_Action)[];
  'pageInfo'?: (_laurel_common_v1_PageInfo | null);
}

export interface ListActionsResponse__Output {
  'actions': (_laurel_requirements_v1_Action__Output)[];
  'pageInfo': (_laurel_common_v1_PageInfo__Output | null);
}
