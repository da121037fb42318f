/**
 * OpenTelemetry for every Laurel process (`@laurel/service-kit/telemetry`).
 * Each app's main.ts calls startTelemetry() before it imports anything else
 * and only then imports the rest dynamically: the instrumentations patch
 * express, pg, kafkajs and grpc-js as they load, and an ESM `import` of those
 * CommonJS packages only goes through import-in-the-middle's loader hook when
 * the hook is registered before the import is resolved. Registering it here,
 * from main.ts, rather than with `node --import`, means a process cannot be
 * started without it (npm start, the tests and the image all run main.js).
 *
 * This module must not import the kit's index (which loads grpc-js and friends).
 *
 * Export: only when OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is
 * set; the exporter, its protocol (http/protobuf by default), the sampler
 * (OTEL_TRACES_SAMPLER), OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES and
 * OTEL_PROPAGATORS come from the standard OTEL_* variables, read by the SDK.
 * Without an endpoint every span is sampled out: spans still get ids, so log
 * lines carry trace_id/span_id and the ids still travel over HTTP, gRPC and
 * Kafka (grep one trace id across all processes' logs), but nothing records
 * attributes, events or timings and no span is queued for an exporter. Only
 * the instrumentations that carry the ids (HTTP and gRPC; Kafka's are
 * kafka/tracing.ts's) are on then: express, pg and kafkajs spans would only
 * cost CPU on every request (measured with bench/claim-codes).
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import { register } from 'node:module';
import type { Span } from '@opentelemetry/api';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { AlwaysOffSampler, NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';

export interface Telemetry {
  /** Whether spans are exported (OTEL_EXPORTER_OTLP_ENDPOINT is set). */
  exporting: boolean;
  /** Flushes spans not yet exported; called when the process stops. */
  shutdown(): Promise<void>;
}

/** Requests whose traces would only be noise: probes and metric scrapes. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/livez', '/metrics']);

/** Rewrites a server span's `url.path` (the instrumentation records it as received). */
function redactPathOf(
  redact: (path: string) => string,
): (span: Span, request: ClientRequest | IncomingMessage) => void {
  return (span, request) => {
    // Server spans get the IncomingMessage, client spans the ClientRequest (which has setHeader).
    if ('setHeader' in request || request.url === undefined) return;
    span.setAttribute('url.path', redact(request.url.split('?')[0] ?? ''));
  };
}

/** Whether the environment names an OTLP endpoint to export spans to. */
export function exportsTraces(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

export interface TelemetryOptions {
  /** Hides credentials in a request path before a span records it (`url.path`). */
  redactPath?: (path: string) => string;
  /** Query parameters whose values spans must not record (`url.query`). */
  secretQueryParameters?: string[];
}

/** What the HTTP instrumentation redacts by default (signed URLs), kept when adding our own. */
const SIGNED_URL_PARAMETERS = ['sig', 'Signature', 'AWSAccessKeyId', 'X-Goog-Signature'];

export async function startTelemetry(
  service: string,
  options: TelemetryOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<Telemetry> {
  // Only the modules an instrumentation names are wrapped (the include list the
  // instrumentations fill in when they are enabled), not every module the app imports.
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);

  const exporting = exportsTraces(env);
  const sdk = new NodeSDK({
    // OTEL_SERVICE_NAME, when set, names the process instead.
    ...(!env.OTEL_SERVICE_NAME?.trim() && { serviceName: service }),
    // Metrics are prom-client's (metrics.ts) and logs go to stdout: the SDK only traces.
    metricReaders: [],
    logRecordProcessors: [],
    // With an endpoint the SDK builds the exporter and sampler from OTEL_*; without one, see above.
    ...(!exporting && { sampler: new AlwaysOffSampler(), spanProcessors: [new NoopSpanProcessor()] }),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0] ?? ''),
        redactedQueryParams: [...SIGNED_URL_PARAMETERS, ...(options.secretQueryParameters ?? [])],
        ...(options.redactPath && { requestHook: redactPathOf(options.redactPath) }),
      }),
      new GrpcInstrumentation({ ignoreGrpcMethods: ['Check', 'Watch', 'ServerReflectionInfo'] }),
      // Only spans nobody would see without an exporter: no log line needs them, and they cost per request.
      ...(exporting
        ? [
            // The handler's span only: a span per middleware and per router the request passes costs more than it tells.
            new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER] }),
            // Only queries made for a traced request or event: the workers' polls would each start a trace.
            new PgInstrumentation({ requireParentSpan: true }),
            new KafkaJsInstrumentation(),
          ]
        : []),
    ],
  });
  sdk.start();
  // The loader must know which modules to wrap before main.ts imports them.
  await waitForAllMessagesAcknowledged();
  return { exporting, shutdown: () => sdk.shutdown() };
}
