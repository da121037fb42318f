/**
 * A typed client for one Laurel service. Every call has a deadline; a call that
 * fails with UNAVAILABLE (the peer is restarting, or not up yet) is retried with
 * exponential backoff until that deadline. Writes that may be retried must carry
 * an idempotency key in their request, so that a retry after a lost answer
 * cannot act twice. Failures come back as DomainError. The trace context
 * travels in the metadata by OpenTelemetry's gRPC instrumentation (telemetry.ts),
 * the request's change-version stamps by this client (request-scope.ts).
 */
import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import type { MethodDefinition } from '@grpc/proto-loader';
import { DomainError, fromGrpcError } from '../errors.js';
import type { Metrics } from '../metrics.js';
import { clientMetricsInterceptor } from './metrics-interceptor.js';
import { currentRequestScope, type RequestScope } from './request-scope.js';
import type { ClientResponseOf, MethodName, RequestOf } from './types.js';

export interface ClientOptions {
  /** Default deadline of each call, including its retries. */
  deadlineMs: number;
  /** First retry delay; doubles up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Records every call in laurel_grpc_client_seconds. */
  metrics?: Metrics;
}

export interface CallOptions {
  deadlineMs?: number;
  requestId?: string;
  /** The request this call serves, when not the gRPC call being served (which is found by itself, request-scope.ts). */
  scope?: RequestScope;
}

/**
 * What grpc-js accepts in a plain metadata value (it throws on anything else).
 * Ids are for correlation only: one that does not fit is left out rather than
 * failing the call.
 */
const PLAIN_METADATA_VALUE = /^[\x20-\x7E]{1,256}$/;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A target naming its resolver, `dns:///name:port` (in Kubernetes, a headless
 * Service: one DNS record per ready pod) or `ipv4:a:p,b:p`, gets client-side
 * round_robin, one connection per address, so that a client's long-lived
 * HTTP/2 connection does not pin all its calls to one backend pod. A plain
 * `host:port` keeps grpc's default, pick_first: one connection, all that
 * localhost or a single address needs.
 */
export function loadBalancingOptions(address: string): grpc.ChannelOptions {
  if (!/^(dns|ipv4|ipv6):/.test(address)) return {};
  return { 'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }) };
}

export class ServiceClient<D extends grpc.ServiceDefinition> {
  private readonly client: grpc.Client;

  constructor(
    private readonly definition: D,
    readonly address: string,
    private readonly options: ClientOptions,
  ) {
    this.client = new grpc.Client(address, grpc.credentials.createInsecure(), {
      'grpc.keepalive_time_ms': 30_000,
      // Answers may carry uploaded images (up to 8 MB); the server accepts 32 MB, so does the client.
      'grpc.max_receive_message_length': 32 * 1024 * 1024,
      // Reconnect quickly after a peer restarts instead of grpc's default of up to minutes.
      'grpc.initial_reconnect_backoff_ms': 100,
      'grpc.max_reconnect_backoff_ms': 1000,
      // Per-call bookkeeping nobody reads (issue 10's profile): channelz's counters and grpc's own
      // retry machinery, which buffers every message in case of a retry; call() retries itself.
      'grpc.enable_channelz': 0,
      'grpc.enable_retries': 0,
      ...loadBalancingOptions(address),
      ...(options.metrics && { interceptors: [clientMetricsInterceptor(options.metrics)] }),
    });
  }

  async call<K extends MethodName<D>>(
    method: K,
    request: RequestOf<D[K]>,
    options: CallOptions = {},
  ): Promise<ClientResponseOf<D[K]>> {
    const definition = this.definition[method] as MethodDefinition<
      RequestOf<D[K]>,
      unknown,
      unknown,
      ClientResponseOf<D[K]>
    >;
    const deadline = Date.now() + (options.deadlineMs ?? this.options.deadlineMs);
    const metadata = new grpc.Metadata();
    if (options.requestId && PLAIN_METADATA_VALUE.test(options.requestId))
      metadata.set('x-request-id', options.requestId);
    // The change-version stamps this request read, so that the callee reads none of its own (request-scope.ts).
    (options.scope ?? currentRequestScope())?.addTo(metadata);
    let backoff = this.options.initialBackoffMs ?? 50;
    for (;;) {
      try {
        return await new Promise<ClientResponseOf<D[K]>>((resolve, reject) => {
          this.client.makeUnaryRequest(
            definition.path,
            definition.requestSerialize,
            definition.responseDeserialize,
            request,
            metadata,
            { deadline },
            (err, value) =>
              err ? reject(err) : value === undefined ? reject(new Error('empty response')) : resolve(value),
          );
        });
      } catch (raw) {
        const error = fromGrpcError(raw);
        const remaining = deadline - Date.now();
        if (error.reason !== 'Unavailable' || remaining <= backoff) throw error;
        await sleep(backoff * (0.5 + Math.random() / 2));
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 1000);
      }
    }
  }

  /** Resolves when the channel is connected, or throws Unavailable at the deadline. */
  waitForReady(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.client.waitForReady(Date.now() + timeoutMs, (err) =>
        err ? reject(new DomainError('Unavailable', `${this.address}: ${err.message}`)) : resolve(),
      );
    });
  }

  /**
   * Whether the peer's standard health service answers SERVING, asked on this
   * client's own long-lived channel (readiness probes open no connections).
   */
  health(timeoutMs = 1000, service = ''): Promise<boolean> {
    return healthCheck(this.client, timeoutMs, service);
  }

  close(): void {
    this.client.close();
  }
}

/** grpc.health.v1.Health/Check on `client`'s channel; false for anything but SERVING, including no answer in time. */
async function healthCheck(client: grpc.Client, timeoutMs: number, service: string): Promise<boolean> {
  // The package types its definition loosely (an index signature); this is grpc.health.v1.Health/Check.
  const check = healthService.Check as grpc.MethodDefinition<{ service: string }, { status: string }>;
  try {
    const response = await new Promise<{ status?: unknown }>((resolve, reject) => {
      // Wait for ready: a channel still in its reconnect backoff after the peer restarted connects
      // within the timeout instead of failing at once (the calls it carries retry the same way).
      const metadata = new grpc.Metadata({ waitForReady: true });
      client.makeUnaryRequest(
        check.path,
        check.requestSerialize,
        check.responseDeserialize,
        { service },
        metadata,
        { deadline: Date.now() + timeoutMs },
        (err, value) => (err || !value ? reject(err ?? new Error('empty')) : resolve(value)),
      );
    });
    return response.status === 'SERVING';
  } catch {
    return false;
  }
}

/** Checks a service's standard gRPC health endpoint once, on a channel of its own; true when it answers SERVING. Long-lived callers use ServiceClient.health. */
export async function checkHealth(address: string, timeoutMs = 1000, service = ''): Promise<boolean> {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  try {
    return await healthCheck(client, timeoutMs, service);
  } finally {
    client.close();
  }
}
