// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Application as _laurel_issuance_v1_Application, Application__Output as _laurel_issuance_v1_Application__Output } from '../../../laurel/issuance/v1/Application.js';

export interface DeleteApplicationResponse {
  /**
   * The application as it was before deletion, with its evidence.
   */
  'application'?: (_laurel_issuance_v1_Application | null);
}

export interface DeleteApplicationResponse__Output {
  /**
   * The application as it was before deletion, with its evidence.
   */
  'application': (_laurel_issuance_v1_Application__Output | null);
}
