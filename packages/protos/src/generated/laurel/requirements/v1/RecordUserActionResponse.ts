// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

export interface RecordUserActionResponse {
  /**
   * The KickApps userActionId: the stored record of this call.
   */
  'userActionId'?: (number | string | Long);
  /**
   * The member's count for (action, location) after this call.
   */
  'count'?: (number | string | Long);
}

export interface RecordUserActionResponse__Output {
  /**
   * The KickApps userActionId: the stored record of this call.
   */
  'userActionId': (string);
  /**
   * The member's count for (action, location) after this call.
   */
  'count': (string);
}
