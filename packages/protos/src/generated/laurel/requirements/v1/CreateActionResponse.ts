// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Action as _laurel_requirements_v1_Action, Action__Output as _laurel_requirements_v1_Action__Output } from '../../../laurel/requirements/v1/Action.js';

export interface CreateActionResponse {
  'action'?: (_laurel_requirements_v1_Action | null);
}

export interface CreateActionResponse__Output {
  'action': (_laurel_requirements_v1_Action__Output | null);
}
