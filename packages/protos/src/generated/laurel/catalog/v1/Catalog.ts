// Original file: /work/main/protos/laurel/catalog/v1/catalog.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateSystemRequest as _laurel_catalog_v1_CreateSystemRequest, CreateSystemRequest__Output as _laurel_catalog_v1_CreateSystemRequest__Output } from '../../../laurel/catalog/v1/CreateSystemRequest.js';
import type { CreateSystemResponse as _laurel_catalog_v1_CreateSystemResponse, CreateSystemResponse__Output as _laurel_catalog_v1_CreateSystemResponse__Output } from '../../../laurel/catalog/v1/CreateSystemResponse.js';
import type { DeleteSystemRequest as _laurel_catalog_v1_DeleteSystemRequest, DeleteSystemRequest__Output as _laurel_catalog_v1_DeleteSystemRequest__Output } from '../../../laurel/catalog/v1/DeleteSystemRequest.js';
import type { DeleteSystemResponse as _laurel_catalog_v1_DeleteSystemResponse, DeleteSystemResponse__Output as _laurel_catalog_v1_DeleteSystemResponse__Output } from '../../../laurel/catalog/v1/DeleteSystemResponse.js';
import type { GetSystemRequest as _laurel_catalog_v1_GetSystemRequest, GetSystemRequest__Output as _laurel_catalog_v1_GetSystemRequest__Output } from '../../../laurel/catalog/v1/GetSystemRequest.js';
import type { GetSystemResponse as _laurel_catalog_v1_GetSystemResponse, GetSystemResponse__Output as _laurel_catalog_v1_GetSystemResponse__Output } from '../../../laurel/catalog/v1/GetSystemResponse.js';
import type { ListSystemsRequest as _laurel_catalog_v1_ListSystemsRequest, ListSystemsRequest__Output as _laurel_catalog_v1_ListSystemsRequest__Output } from '../../../laurel/catalog/v1/ListSystemsRequest.js';
import type { ListSystemsResponse as _laurel_catalog_v1_ListSystemsResponse, ListSystemsResponse__Output as _laurel_catalog_v1_ListSystemsResponse__Output } from '../../../laurel/catalog/v1/ListSystemsResponse.js';
import type { UpdateSystemRequest as _laurel_catalog_v1_UpdateSystemRequest, UpdateSystemRequest__Output as _laurel_catalog_v1_UpdateSystemRequest__Output } from '../../../laurel/catalog/v1/UpdateSystemRequest.js';
import type { UpdateSystemResponse as _laurel_catalog_v1_UpdateSystemResponse, UpdateSystemResponse__Output as _laurel_catalog_v1_UpdateSystemResponse__Output } from '../../../laurel/catalog/v1/UpdateSystemResponse.js';

export interface CatalogClient extends grpc.Client {
  CreateSystem(argument: _laurel_catalog_v1_CreateSystemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_CreateSystemResponse__Output>): grpc.ClientUnaryCall;
  CreateSystem(argument: _laurel_catalog_v1_CreateSystemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_catalog_v1_CreateSystemResponse__Output>): grpc.ClientUnaryCall;
  CreateSystem(argument: _laurel_catalog_v1_CreateSystemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_CreateSystemResponse__Output>): grpc.ClientUnaryCall;
  CreateSystem(argument: _laurel_catalog_v1_CreateSystemRequest, callback: grpc.requestCallback<_laurel_catalog_v1_CreateSystemResponse__Output>): grpc.ClientUnaryCall;
  createSystem(argument: _laurel_catalog_v1_CreateSystemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_CreateSystemResponse__Output>): grpc.ClientUnaryCall;
  createSystem(argument: _laurel_catalog_v1_CreateSystemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_catalog_v1_CreateSystemResponse__Output>): grpc.ClientUnaryCall;
  createSystem(argument: _laurel_catalog_v1_CreateSystemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_CreateSystemResponse__Output>): grpc.ClientUnaryCall;
  createSystem(argument: _laurel_catalog_v1_CreateSystemRequest, callback: grpc.requestCallback<_laurel_catalog_v1_CreateSystemResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteSystem(argument: _laurel_catalog_v1_DeleteSystemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_DeleteSystemResponse__Output>): grpc.ClientUnaryCall;
  DeleteSystem(argument: _laurel_catalog_v1_DeleteSystemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_catalog_v1_DeleteSystemResponse__Output>): grpc.ClientUnaryCall;
  DeleteSystem(argument: _laurel_catalog_v1_DeleteSystemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_DeleteSystemResponse__Output>): grpc.ClientUnaryCall;
  DeleteSystem(argument: _laurel_catalog_v1_DeleteSystemRequest, callback: grpc.requestCallback<_laurel_catalog_v1_DeleteSystemResponse__Output>): grpc.ClientUnaryCall;
  deleteSystem(argument: _laurel_catalog_v1_DeleteSystemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_DeleteSystemResponse__Output>): grpc.ClientUnaryCall;
  deleteSystem(argument: _laurel_catalog_v1_DeleteSystemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_catalog_v1_DeleteSystemResponse__Output>): grpc.ClientUnaryCall;
  deleteSystem(argument: _laurel_catalog_v1_DeleteSystemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_DeleteSystemResponse__Output>): grpc.ClientUnaryCall;
  deleteSystem(argument: _laurel_catalog_v1_DeleteSystemRequest, callback: grpc.requestCallback<_laurel_catalog_v1_DeleteSystemResponse__Output>): grpc.ClientUnaryCall;
  
  GetSystem(argument: _laurel_catalog_v1_GetSystemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_GetSystemResponse__Output>): grpc.ClientUnaryCall;
  GetSystem(argument: _laurel_catalog_v1_GetSystemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_catalog_v1_GetSystemResponse__Output>): grpc.ClientUnaryCall;
  GetSystem(argument: _laurel_catalog_v1_GetSystemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_GetSystemResponse__Output>): grpc.ClientUnaryCall;
  GetSystem(argument: _laurel_catalog_v1_GetSystemRequest, callback: grpc.requestCallback<_laurel_catalog_v1_GetSystemResponse__Output>): grpc.ClientUnaryCall;
  getSystem(argument: _laurel_catalog_v1_GetSystemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_GetSystemResponse__Output>): grpc.ClientUnaryCall;
  getSystem(argument: _laurel_catalog_v1_GetSystemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_catalog_v1_GetSystemResponse__Output>): grpc.ClientUnaryCall;
  getSystem(argument: _laurel_catalog_v1_GetSystemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_GetSystemResponse__Output>): grpc.ClientUnaryCall;
  getSystem(argument: _laurel_catalog_v1_GetSystemRequest, callback: grpc.requestCallback<_laurel_catalog_v1_GetSystemResponse__Output>): grpc.ClientUnaryCall;
  
  ListSystems(argument: _laurel_catalog_v1_ListSystemsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_ListSystemsResponse__Output>): grpc.ClientUnaryCall;
  ListSystems(argument: _laurel_catalog_v1_ListSystemsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_catalog_v1_ListSystemsResponse__Output>): grpc.ClientUnaryCall;
  ListSystems(argument: _laurel_catalog_v1_ListSystemsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_ListSystemsResponse__Output>): grpc.ClientUnaryCall;
  ListSystems(argument: _laurel_catalog_v1_ListSystemsRequest, callback: grpc.requestCallback<_laurel_catalog_v1_ListSystemsResponse__Output>): grpc.ClientUnaryCall;
  listSystems(argument: _laurel_catalog_v1_ListSystemsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_ListSystemsResponse__Output>): grpc.ClientUnaryCall;
  listSystems(argument: _laurel_catalog_v1_ListSystemsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_catalog_v1_ListSystemsResponse__Output>): grpc.ClientUnaryCall;
  listSystems(argument: _laurel_catalog_v1_ListSystemsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_ListSystemsResponse__Output>): grpc.ClientUnaryCall;
  listSystems(argument: _laurel_catalog_v1_ListSystemsRequest, callback: grpc.requestCallback<_laurel_catalog_v1_ListSystemsResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateSystem(argument: _laurel_catalog_v1_UpdateSystemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_UpdateSystemResponse__Output>): grpc.ClientUnaryCall;
  UpdateSystem(argument: _laurel_catalog_v1_UpdateSystemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_catalog_v1_UpdateSystemResponse__Output>): grpc.ClientUnaryCall;
  UpdateSystem(argument: _laurel_catalog_v1_UpdateSystemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_UpdateSystemResponse__Output>): grpc.ClientUnaryCall;
  UpdateSystem(argument: _laurel_catalog_v1_UpdateSystemRequest, callback: grpc.requestCallback<_laurel_catalog_v1_UpdateSystemResponse__Output>): grpc.ClientUnaryCall;
  updateSystem(argument: _laurel_catalog_v1_UpdateSystemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_UpdateSystemResponse__Output>): grpc.ClientUnaryCall;
  updateSystem(argument: _laurel_catalog_v1_UpdateSystemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_laurel_catalog_v1_UpdateSystemResponse__Output>): grpc.ClientUnaryCall;
  updateSystem(argument: _laurel_catalog_v1_UpdateSystemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_laurel_catalog_v1_UpdateSystemResponse__Output>): grpc.ClientUnaryCall;
  updateSystem(argument: _laurel_catalog_v1_UpdateSystemRequest, callback: grpc.requestCallback<_laurel_catalog_v1_UpdateSystemResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface CatalogHandlers extends grpc.UntypedServiceImplementation {
  CreateSystem: grpc.handleUnaryCall<_laurel_catalog_v1_CreateSystemRequest__Output, _laurel_catalog_v1_CreateSystemResponse>;
  
  DeleteSystem: grpc.handleUnaryCall<_laurel_catalog_v1_DeleteSystemRequest__Output, _laurel_catalog_v1_DeleteSystemResponse>;
  
  GetSystem: grpc.handleUnaryCall<_laurel_catalog_v1_GetSystemRequest__Output, _laurel_catalog_v1_GetSystemResponse>;
  
  ListSystems: grpc.handleUnaryCall<_laurel_catalog_v1_ListSystemsRequest__Output, _laurel_catalog_v1_ListSystemsResponse>;
  
  UpdateSystem: grpc.handleUnaryCall<_laurel_catalog_v1_UpdateSystemRequest__Output, _laurel_catalog_v1_UpdateSystemResponse>;
  
}

export interface CatalogDefinition extends grpc.ServiceDefinition {
  CreateSystem: MethodDefinition<_laurel_catalog_v1_CreateSystemRequest, _laurel_catalog_v1_CreateSystemResponse, _laurel_catalog_v1_CreateSystemRequest__Output, _laurel_catalog_v1_CreateSystemResponse__Output>
  DeleteSystem: MethodDefinition<_laurel_catalog_v1_DeleteSystemRequest, _laurel_catalog_v1_DeleteSystemResponse, _laurel_catalog_v1_DeleteSystemRequest__Output, _laurel_catalog_v1_DeleteSystemResponse__Output>
  GetSystem: MethodDefinition<_laurel_catalog_v1_GetSystemRequest, _laurel_catalog_v1_GetSystemResponse, _laurel_catalog_v1_GetSystemRequest__Output, _laurel_catalog_v1_GetSystemResponse__Output>
  ListSystems: MethodDefinition<_laurel_catalog_v1_ListSystemsRequest, _laurel_catalog_v1_ListSystemsResponse, _laurel_catalog_v1_ListSystemsRequest__Output, _laurel_catalog_v1_ListSystemsResponse__Output>
  UpdateSystem: MethodDefinition<_laurel_catalog_v1_UpdateSystemRequest, _laurel_catalog_v1_UpdateSystemResponse, _laurel_catalog_v1_UpdateSystemRequest__Output, _laurel_catalog_v1_UpdateSystemResponse__Output>
}
