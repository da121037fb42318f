/**
 * Registers only the RPCs a test calls; the others answer UNIMPLEMENTED.
 * A service registers every RPC (UnaryHandlers); a test of the transport
 * needs one or two.
 */
import type * as grpc from '@grpc/grpc-js';
import { registerService, type ServiceRegistration } from '../src/grpc/server.js';
import type { UnaryHandlerGroup, UnaryHandlers } from '../src/grpc/types.js';

export function registerPart<D extends grpc.ServiceDefinition>(
  name: string,
  definition: D,
  handlers: UnaryHandlerGroup<D>,
): ServiceRegistration {
  return registerService(name, definition, handlers as UnaryHandlers<D>);
}
