// Original file: /work/main/protos/laurel/catalog/v1/catalog.proto

import type { System as _laurel_catalog_v1_System, System__Output as _laurel_catalog_v1_System__Output } from '../../../laurel/catalog/v1/System.js';
import type { PageInfo as _laurel_common_v1_PageInfo, PageInfo__Output as _laurel_common_v1_PageInfo__Output } from '../../../laurel/common/v1/PageInfo.js';

export interface ListSystemsResponse {
  'systems'?: (_laurel_catalog_v1_System)[];
  'pageInfo'?: (_laurel_common_v1_PageInfo | null);
}

export interface ListSystemsResponse__Output {
  'systems': (_laurel_catalog_v1_System__Output)[];
  'pageInfo': (_laurel_common_v1_PageInfo__Output | null);
}
