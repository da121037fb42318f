// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { BadgeProgress as _laurel_requirements_v1_BadgeProgress, BadgeProgress__Output as _laurel_requirements_v1_BadgeProgress__Output } from '../../../laurel/requirements/v1/BadgeProgress.js';

export interface GetMemberProgressResponse {
  /**
   * One entry per requested badge id, in request order.
   */
  'badges'?: (_laurel_requirements_v1_BadgeProgress)[];
}

export interface GetMemberProgressResponse__Output {
  /**
   * One entry per requested badge id, in request order.
   */
  'badges': (_laurel_requirements_v1_BadgeProgress__Output)[];
}
