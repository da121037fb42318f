// Original file: /work/main/protos/laurel/catalog/v1/catalog.proto

import type { PageRequest as _laurel_common_v1_PageRequest, PageRequest__Output as _laurel_common_v1_PageRequest__Output } from '../../../laurel/common/v1/PageRequest.js';

export interface ListSystemsRequest {
  'page'?: (_laurel_common_v1_PageRequest | null);
}

export interface ListSystemsRequest__Output {
  'page': (_laurel_common_v1_PageRequest__Output | null);
}
