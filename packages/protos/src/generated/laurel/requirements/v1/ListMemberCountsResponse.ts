// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { MemberCount as _laurel_requirements_v1_MemberCount, MemberCount__Output as _laurel_requirements_v1_MemberCount__Output } from '../../../laurel/requirements/v1/MemberCount.js';

/**
 * Every (action, location) the member has a count for, ordered by action id
 * and then location. A member with no counts gets an empty list, not an
 * error: the service does not know which members exist.
 */
export interface ListMemberCountsResponse {
  'counts'?: (_laurel_requirements_v1_MemberCount)[];
}

/**
 * Every (action, location) the member has a count for, ordered by action id
 * and then location. A member with no counts gets an empty list, not an
 * error: the service does not know which members exist.
 */
export interface ListMemberCountsResponse__Output {
  'counts': (_laurel_requirements_v1_MemberCount__Output)[];
}
