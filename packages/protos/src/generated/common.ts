import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { PageInfo as _laurel_common_v1_PageInfo, PageInfo__Output as _laurel_common_v1_PageInfo__Output } from './laurel/common/v1/PageInfo.js';
import type { PageRequest as _laurel_common_v1_PageRequest, PageRequest__Output as _laurel_common_v1_PageRequest__Output } from './laurel/common/v1/PageRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  laurel: {
    common: {
      v1: {
        PageInfo: MessageTypeDefinition<_laurel_common_v1_PageInfo, _laurel_common_v1_PageInfo__Output>
        PageRequest: MessageTypeDefinition<_laurel_common_v1_PageRequest, _laurel_common_v1_PageRequest__Output>
      }
    }
  }
}

