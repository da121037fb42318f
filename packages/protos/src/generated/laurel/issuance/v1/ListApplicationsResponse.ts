// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Application as _laurel_issuance_v1_Application, Application__Output as _laurel_issuance_v1_Application__Output } from '../../../laurel/issuance/v1/Application.js';
import type { PageInfo as _laurel_common_v1_PageInfo, PageInfo__Output as _laurel_common_v1_PageInfo__Output } from '../../../laurel/common/v1/PageInfo.js';

export interface ListApplicationsResponse {
  'applications'?: (_laurel_issuance_v1_Application)[];
  'pageInfo'?: (_laurel_common_v1_PageInfo | null);
}

export interface ListApplicationsResponse__Output {
  'applications': (_laurel_issuance_v1_Application__Output)[];
  'pageInfo': (_laurel_common_v1_PageInfo__Output | null);
}
