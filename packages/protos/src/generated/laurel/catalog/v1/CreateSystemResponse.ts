// Original file: /work/main/protos/laurel/catalog/v1/catalog.proto

import type { System as _laurel_catalog_v1_System, System__Output as _laurel_catalog_v1_System__Output } from '../../../laurel/catalog/v1/System.js';

export interface CreateSystemResponse {
  'system'?: (_laurel_catalog_v1_System | null);
}

export interface CreateSystemResponse__Output {
  'system': (_laurel_catalog_v1_System__Output | null);
}
