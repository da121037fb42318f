/**
 * gRPC client metrics: an interceptor on every ServiceClient channel records
 * each call's duration and status code in laurel_grpc_client_seconds (the
 * server side is recorded where server.ts answers a call).
 */
import * as grpc from '@grpc/grpc-js';
import type { Metrics } from '../metrics.js';

/** The status code's name (OK, UNAVAILABLE...), as both sides label it. */
export const statusName = (code: grpc.status): string => grpc.status[code] ?? String(code);

export function clientMetricsInterceptor(metrics: Metrics): grpc.Interceptor {
  const duration = metrics.grpcClientDuration();
  return (options, nextCall) => {
    // The path is /package.Service/Method; the label drops the leading slash.
    const method = options.method_definition.path.slice(1);
    const started = process.hrtime.bigint();
    return new grpc.InterceptingCall(nextCall(options), {
      start(metadata, _listener, next) {
        next(metadata, {
          onReceiveStatus(status, nextStatus) {
            duration.observe(
              { method, code: statusName(status.code) },
              Number(process.hrtime.bigint() - started) / 1e9,
            );
            nextStatus(status);
          },
        });
      },
    });
  };
}
