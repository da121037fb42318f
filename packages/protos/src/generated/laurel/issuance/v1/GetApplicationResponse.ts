// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Application as _laurel_issuance_v1_Application, Application__Output as _laurel_issuance_v1_Application__Output } from '../../../laurel/issuance/v1/Application.js';

export interface GetApplicationResponse {
  'application'?: (_laurel_issuance_v1_Application | null);
}

export interface GetApplicationResponse__Output {
  'application': (_laurel_issuance_v1_Application__Output | null);
}
