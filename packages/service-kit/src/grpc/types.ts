import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { CallOptions } from './client.js';

/** What a client sends for method M (the permissive generated type). */
export type RequestOf<M> =
  M extends MethodDefinition<infer Req, infer _Res, infer _ReqOut, infer _ResOut> ? Req : never;
/** What a server receives for method M (the filled-in generated type). */
export type ServerRequestOf<M> =
  M extends MethodDefinition<infer _Req, infer _Res, infer ReqOut, infer _ResOut> ? ReqOut : never;
/** What a server answers for method M. */
export type ResponseOf<M> =
  M extends MethodDefinition<infer _Req, infer Res, infer _ReqOut, infer _ResOut> ? Res : never;
/** What a client receives for method M. */
export type ClientResponseOf<M> =
  M extends MethodDefinition<infer _Req, infer _Res, infer _ReqOut, infer ResOut> ? ResOut : never;

export interface CallContext {
  metadata: grpc.Metadata;
  /** The caller's request id, when it sent one (`x-request-id`). */
  requestId: string | undefined;
}

/** The RPC names of a generated service definition, without grpc's string index signature. */
export type MethodName<D> = keyof { [K in keyof D as string extends K ? never : K]: D[K] } & string;

/** The handler of RPC K: proto in, proto out. */
export type UnaryHandler<D, K extends keyof D> = (
  request: ServerRequestOf<D[K]>,
  context: CallContext,
) => Promise<ResponseOf<D[K]>>;

/**
 * A service's handlers: one async function for every RPC of its definition,
 * so an RPC without a handler does not compile (instead of answering
 * UNIMPLEMENTED at run time).
 */
export type UnaryHandlers<D extends grpc.ServiceDefinition> = {
  [K in MethodName<D>]: UnaryHandler<D, K>;
};

/**
 * Some of a service's handlers, as one rpc/ module defines them: the module
 * returns its object literal `satisfies UnaryHandlerGroup<D>` (so its exact
 * keys are kept), and the service joins its groups into UnaryHandlers.
 */
export type UnaryHandlerGroup<D extends grpc.ServiceDefinition> = Partial<UnaryHandlers<D>>;

/** What callers of a service need of its client, whether it asks every time (ServiceClient) or reads through (ReadThroughClient). */
export interface UnaryClient<D> {
  readonly address: string;
  call<K extends MethodName<D>>(
    method: K,
    request: RequestOf<D[K]>,
    options?: CallOptions,
  ): Promise<ClientResponseOf<D[K]>>;
  waitForReady(timeoutMs: number): Promise<void>;
  /** Whether the peer answers SERVING, asked on the client's own channel. */
  health(timeoutMs?: number): Promise<boolean>;
  close(): void;
}
