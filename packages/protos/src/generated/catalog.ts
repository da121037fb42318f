import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CatalogClient as _laurel_catalog_v1_CatalogClient, CatalogDefinition as _laurel_catalog_v1_CatalogDefinition } from './laurel/catalog/v1/Catalog.js';
import type { CreateSystemRequest as _laurel_catalog_v1_CreateSystemRequest, CreateSystemRequest__Output as _laurel_catalog_v1_CreateSystemRequest__Output } from './laurel/catalog/v1/CreateSystemRequest.js';
import type { CreateSystemResponse as _laurel_catalog_v1_CreateSystemResponse, CreateSystemResponse__Output as _laurel_catalog_v1_CreateSystemResponse__Output } from './laurel/catalog/v1/CreateSystemResponse.js';
import type { DeleteSystemRequest as _laurel_catalog_v1_DeleteSystemRequest, DeleteSystemRequest__Output as _laurel_catalog_v1_DeleteSystemRequest__Output } from './laurel/catalog/v1/DeleteSystemRequest.js';
import type { DeleteSystemResponse as _laurel_catalog_v1_DeleteSystemResponse, DeleteSystemResponse__Output as _laurel_catalog_v1_DeleteSystemResponse__Output } from './laurel/catalog/v1/DeleteSystemResponse.js';
import type { GetSystemRequest as _laurel_catalog_v1_GetSystemRequest, GetSystemRequest__Output as _laurel_catalog_v1_GetSystemRequest__Output } from './laurel/catalog/v1/GetSystemRequest.js';
import type { GetSystemResponse as _laurel_catalog_v1_GetSystemResponse, GetSystemResponse__Output as _laurel_catalog_v1_GetSystemResponse__Output } from './laurel/catalog/v1/GetSystemResponse.js';
import type { IssuerSummary as _laurel_catalog_v1_IssuerSummary, IssuerSummary__Output as _laurel_catalog_v1_IssuerSummary__Output } from './laurel/catalog/v1/IssuerSummary.js';
import type { ListSystemsRequest as _laurel_catalog_v1_ListSystemsRequest, ListSystemsRequest__Output as _laurel_catalog_v1_ListSystemsRequest__Output } from './laurel/catalog/v1/ListSystemsRequest.js';
import type { ListSystemsResponse as _laurel_catalog_v1_ListSystemsResponse, ListSystemsResponse__Output as _laurel_catalog_v1_ListSystemsResponse__Output } from './laurel/catalog/v1/ListSystemsResponse.js';
import type { System as _laurel_catalog_v1_System, System__Output as _laurel_catalog_v1_System__Output } from './laurel/catalog/v1/System.js';
import type { SystemFields as _laurel_catalog_v1_SystemFields, SystemFields__Output as _laurel_catalog_v1_SystemFields__Output } from './laurel/catalog/v1/SystemFields.js';
import type { UpdateSystemRequest as _laurel_catalog_v1_UpdateSystemRequest, UpdateSystemRequest__Output as _laurel_catalog_v1_UpdateSystemRequest__Output } from './laurel/catalog/v1/UpdateSystemRequest.js';
import type { UpdateSystemResponse as _laurel_catalog_v1_UpdateSystemResponse, UpdateSystemResponse__Output as _laurel_catalog_v1_UpdateSystemResponse__Output } from './laurel/catalog/v1/UpdateSystemResponse.js';
import type { PageInfo as _laurel_common_v1_PageInfo, PageInfo__Output as _laurel_common_v1_PageInfo__Output } from './laurel/common/v1/PageInfo.js';
import type { PageRequest as _laurel_common_v1_PageRequest, PageRequest__Output as _laurel_common_v1_PageRequest__Output } from './laurel/common/v1/PageRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  laurel: {
    catalog: {
      v1: {
        Catalog: SubtypeConstructor<typeof grpc.Client, _laurel_catalog_v1_CatalogClient> & { service: _laurel_catalog_v1_CatalogDefinition }
        CreateSystemRequest: MessageTypeDefinition<_laurel_catalog_v1_CreateSystemRequest, _laurel_catalog_v1_CreateSystemRequest__Output>
        CreateSystemResponse: MessageTypeDefinition<_laurel_catalog_v1_CreateSystemResponse, _laurel_catalog_v1_CreateSystemResponse__Output>
        DeleteSystemRequest: MessageTypeDefinition<_laurel_catalog_v1_DeleteSystemRequest, _laurel_catalog_v1_DeleteSystemRequest__Output>
        DeleteSystemResponse: MessageTypeDefinition<_laurel_catalog_v1_DeleteSystemResponse, _laurel_catalog_v1_DeleteSystemResponse__Output>
        GetSystemRequest: MessageTypeDefinition<_laurel_catalog_v1_GetSystemRequest, _laurel_catalog_v1_GetSystemRequest__Output>
        GetSystemResponse: MessageTypeDefinition<_laurel_catalog_v1_GetSystemResponse, _laurel_catalog_v1_GetSystemResponse__Output>
        IssuerSummary: MessageTypeDefinition<_laurel_catalog_v1_IssuerSummary, _laurel_catalog_v1_IssuerSummary__Output>
        ListSystemsRequest: MessageTypeDefinition<_laurel_catalog_v1_ListSystemsRequest, _laurel_catalog_v1_ListSystemsRequest__Output>
        ListSystemsResponse: MessageTypeDefinition<_laurel_catalog_v1_ListSystemsResponse, _laurel_catalog_v1_ListSystemsResponse__Output>
        System: MessageTypeDefinition<_laurel_catalog_v1_System, _laurel_catalog_v1_System__Output>
        SystemFields: MessageTypeDefinition<_laurel_catalog_v1_SystemFields, _laurel_catalog_v1_SystemFields__Output>
        UpdateSystemRequest: MessageTypeDefinition<_laurel_catalog_v1_UpdateSystemRequest, _laurel_catalog_v1_UpdateSystemRequest__Output>
        UpdateSystemResponse: MessageTypeDefinition<_laurel_catalog_v1_UpdateSystemResponse, _laurel_catalog_v1_UpdateSystemResponse__Output>
      }
    }
    common: {
      v1: {
        PageInfo: MessageTypeDefinition<_laurel_common_v1_PageInfo, _laurel_common_v1_PageInfo__Output>
        PageRequest: MessageTypeDefinition<_laurel_common_v1_PageRequest, _laurel_common_v1_PageRequest__Output>
      }
    }
  }
}

