/**
 * A gRPC server with what every Laurel service needs: the standard health
 * service, server reflection, per-call logging and error mapping, metrics, and
 * a graceful drain on shutdown.
 */
import * as grpc from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import type { PackageDefinition } from '@grpc/proto-loader';
import type { Logger } from '../logger.js';
import { databaseInputError, postgresCode } from '../db/input-errors.js';
import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import {
  DomainError,
  ERROR_REASONS,
  isDomainError,
  PLAIN_INTERNAL_STATUS,
  toGrpcError,
  toItemFailure,
  type ItemFailure,
} from '../errors.js';
import type { Metrics } from '../metrics.js';
import { statusName } from './metrics-interceptor.js';
import { RequestScope, runInRequestScope } from './request-scope.js';
import type { CallContext, UnaryHandlers } from './types.js';

type ErasedHandler = (request: unknown, context: CallContext) => Promise<unknown>;

export interface ServiceRegistration {
  /** Fully qualified name, e.g. laurel.catalog.v1.Catalog; also the health service name. */
  name: string;
  definition: grpc.ServiceDefinition;
  handlers: Record<string, ErasedHandler | undefined>;
}

/**
 * Pairs a service definition with its handlers, checking them against each
 * other at compile time; the server then only needs the erased form.
 */
export function registerService<D extends grpc.ServiceDefinition>(
  name: string,
  definition: D,
  handlers: UnaryHandlers<D>,
): ServiceRegistration {
  return { name, definition, handlers: handlers as unknown as ServiceRegistration['handlers'] };
}

export interface GrpcServerOptions {
  logger: Logger;
  metrics?: Metrics;
  packageDefinition: PackageDefinition;
  host: string;
  port: number;
  drainMs: number;
}

export interface RunningGrpcServer {
  /** The bound port (useful when the configured port was 0). */
  port: number;
  health: HealthImplementation;
  shutdown(): Promise<void>;
}

function firstString(metadata: grpc.Metadata, key: string): string | undefined {
  const [value] = metadata.get(key);
  return typeof value === 'string' ? value : undefined;
}

/** A thrown value as the error it is answered with. Queries convert these already (db/database.ts); this catches a pg client used directly. */
function asAnswered(raw: unknown): unknown {
  return databaseInputError(raw) ?? raw;
}

function logFailure(log: Logger, error: unknown, ms: number): void {
  if (isDomainError(error)) {
    const sqlstate = postgresCode(error.cause);
    // A client's value that PostgreSQL refused is routine: logged, but not as our failure.
    if (sqlstate) log.info({ ms, reason: error.reason, sqlstate }, 'PostgreSQL refused a value from the client');
    else log.debug({ ms, reason: error.reason }, error.message);
  } else {
    log.error({ err: error, ms }, 'rpc failed');
  }
}

/** Items one *Each call may carry (shared-call.ts sends at most 200). */
export const MAX_EACH_ITEMS = 1000;

export interface EachOptions {
  /** The single call's full name, e.g. laurel.issuance.v1.Issuance/Award: items are logged and counted as its calls. */
  method: string;
  logger: Logger;
  metrics?: Metrics | undefined;
}

/**
 * The handler of an *Each method (shared-call.ts) from its single call's:
 * each item handled as its own call would have been, concurrently, in its own
 * request's trace (the item's traceparent), and answered with its result
 * (`ok`) or with its failure as its own call's status would have carried it
 * (`failed`); logged, and counted in laurel_grpc_server_seconds, as a call of
 * the single method with that status, so dashboards of the single call keep
 * seeing every item. The *Each call itself is counted under its own name.
 */
export function eachOf<Req, Res>(
  single: (request: Req, context: CallContext) => Promise<Res>,
  options: EachOptions,
): (
  request: { items: Req[]; traceparents?: string[] },
  context: CallContext,
) => Promise<{ answers: ({ ok: Res } | { failed: ItemFailure })[] }> {
  const log = options.logger.child({ rpc: options.method });
  const duration = options.metrics?.grpcServerDuration();
  return async ({ items, traceparents }, call) => {
    if (items.length > MAX_EACH_ITEMS)
      throw DomainError.validation([
        { field: 'items', value: String(items.length), message: `at most ${MAX_EACH_ITEMS} items` },
      ]);
    const callTrace = trace.getActiveSpan()?.spanContext().traceId;
    const answers = await Promise.all(
      items.map((item, i) =>
        inTraceOf(traceparents?.[i], callTrace, async () => {
          const started = process.hrtime.bigint();
          const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
          try {
            const ok = await single(item, call);
            duration?.observe({ method: options.method, code: 'OK' }, seconds());
            log.debug({ ms: Math.round(seconds() * 1000) }, 'rpc ok');
            return { ok };
          } catch (raw) {
            const error = asAnswered(raw);
            duration?.observe(
              {
                method: options.method,
                code: statusName(isDomainError(error) ? ERROR_REASONS[error.reason] : grpc.status.INTERNAL),
              },
              seconds(),
            );
            logFailure(log, error, Math.round(seconds() * 1000));
            return { failed: toItemFailure(error) };
          }
        }),
      ),
    );
    return { answers };
  };
}

/** Runs `fn` in the trace `traceparent` names when that is not the call's own (an item of a call shared by several requests). */
function inTraceOf<T>(
  traceparent: string | undefined,
  callTrace: string | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  if (!traceparent) return fn();
  const parent = propagation.extract(ROOT_CONTEXT, { traceparent });
  const itemTrace = trace.getSpanContext(parent)?.traceId;
  return itemTrace === undefined || itemTrace === callTrace ? fn() : context.with(parent, fn);
}

/**
 * One unary call, answered exactly once whatever the handler does: a value it
 * resolves to, a DomainError, anything else it throws or rejects with
 * (synchronously or not), or a failure while building or sending the answer.
 * Nothing a single call does may end the process; the worst a call gets is a
 * plain INTERNAL.
 */
function wrapHandler<Req, Res>(
  service: string,
  method: string,
  handler: (request: Req, context: CallContext) => Promise<Res>,
  options: GrpcServerOptions,
  duration: ReturnType<Metrics['grpcServerDuration']> | undefined,
): grpc.handleUnaryCall<Req, Res> {
  const rpc = `${service}/${method}`;
  return (call, callback) => {
    const started = process.hrtime.bigint();
    let log: Logger = options.logger;
    let answered = false;
    let scope: RequestScope | undefined;
    const answer = (error: Partial<grpc.StatusObject> | null, response: Res | null, code: grpc.status): number => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (answered) return seconds;
      answered = true;
      // What the handler left running (or ever starts) must not use this call's stamps any more.
      scope?.end();
      duration?.observe({ method: rpc, code: statusName(code) }, seconds);
      try {
        callback(error, response);
      } catch (sendError) {
        log.error({ err: sendError, rpc }, 'could not send the answer; answering INTERNAL');
        try {
          callback({ ...PLAIN_INTERNAL_STATUS }, null);
        } catch {
          // The stream is beyond saving; grpc-js ends it, the client sees its deadline.
        }
      }
      return seconds;
    };
    const fail = (raw: unknown) => {
      try {
        const error = asAnswered(raw);
        const status = toGrpcError(error);
        const code = status.code ?? grpc.status.UNKNOWN;
        logFailure(log, error, Math.round(answer(status, null, code) * 1000));
      } catch (mappingError) {
        answer({ ...PLAIN_INTERNAL_STATUS }, null, grpc.status.INTERNAL);
        try {
          log.error({ err: mappingError, rpc }, 'rpc failed, and so did mapping its error');
        } catch {
          // Even the log refused it (a hostile error object); the caller has its INTERNAL.
        }
      }
    };
    try {
      const context: CallContext = {
        metadata: call.metadata,
        requestId: firstString(call.metadata, 'x-request-id'),
      };
      // trace_id and span_id come from the active span (logger.ts), which the gRPC instrumentation starts.
      log = options.logger.child({ rpc, requestId: context.requestId });
      // Everything the handler starts runs in the call's scope, so every catalog read and gRPC call it
      // makes shares the stamps the caller carried (request-scope.ts) without being handed them.
      scope = RequestScope.fromMetadata(call.metadata);
      runInRequestScope(scope, () => {
        // Promise.resolve().then: a handler that throws before returning its promise rejects like any other.
        Promise.resolve()
          .then(() => handler(call.request, context))
          .then((response) => {
            const seconds = answer(null, response, grpc.status.OK);
            log.debug({ ms: Math.round(seconds * 1000) }, 'rpc ok');
          })
          .catch(fail);
      });
    } catch (error) {
      fail(error);
    }
  };
}

/** How long a client connection lives before the server asks the client to reconnect (grpc-js adds ±10 % jitter). */
export const MAX_CONNECTION_AGE_MS = 5 * 60_000;

export async function startGrpcServer(
  registrations: ServiceRegistration[],
  options: GrpcServerOptions,
): Promise<RunningGrpcServer> {
  // channelz off: per-call counters nobody reads cost CPU on every call (issue 10).
  const server = new grpc.Server({
    'grpc.max_receive_message_length': 32 * 1024 * 1024,
    'grpc.enable_channelz': 0,
    // grpc-js clients resolve a dns:/// target again only when a connection ends: closing each
    // connection gracefully after a few minutes lets round_robin clients find pods added by a
    // scale-up. In-flight calls get the grace period to finish; new ones go to the new connection.
    'grpc.max_connection_age_ms': MAX_CONNECTION_AGE_MS,
    'grpc.max_connection_age_grace_ms': 30_000,
  });
  const health = new HealthImplementation({ '': 'NOT_SERVING' });
  health.addToServer(server);
  // Reflection describes only the services this port answers; the package definition holds all of Laurel's.
  new ReflectionService(options.packageDefinition, { services: registrations.map((r) => r.name) }).addToServer(server);
  const duration = options.metrics?.grpcServerDuration();

  for (const { name, definition, handlers } of registrations) {
    const implementation: grpc.UntypedServiceImplementation = {};
    for (const [method, handler] of Object.entries(handlers)) {
      if (handler) implementation[method] = wrapHandler(name, method, handler, options, duration);
    }
    // Methods without a handler answer UNIMPLEMENTED (grpc-js does that for absent keys).
    server.addService(definition, implementation);
  }

  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${options.host}:${options.port}`, grpc.ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    );
  });
  health.setStatus('', 'SERVING');
  for (const { name } of registrations) health.setStatus(name, 'SERVING');

  return {
    port,
    health,
    shutdown: () =>
      new Promise<void>((resolve) => {
        // Tell load balancers first, then let in-flight calls finish.
        health.setStatus('', 'NOT_SERVING');
        for (const { name } of registrations) health.setStatus(name, 'NOT_SERVING');
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, options.drainMs);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
