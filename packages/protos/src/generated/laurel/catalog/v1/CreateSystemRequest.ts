// Original file: /work/main/protos/laurel/catalog/v1/catalog.proto

import type { SystemFields as _laurel_catalog_v1_SystemFields, SystemFields__Output as _laurel_catalog_v1_SystemFields__Output } from '../../../laurel/catalog/v1/SystemFields.js';

export interface CreateSystemRequest {
  'fields'?: (_laurel_catalog_v1_SystemFields | null);
}

export interface CreateSystemRequest__Output {
  'fields': (_laurel_catalog_v1_SystemFields__Output | null);
}
