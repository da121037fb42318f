/**
 * Prometheus metrics: one registry per process with Node's default metrics,
 * plus the histograms the kit itself records (gRPC calls, HTTP requests,
 * consumed events, outbox relay).
 */
import { createServer, type Server } from 'node:http';
import client from 'prom-client';

export interface Metrics {
  registry: client.Registry;
  grpcServerDuration: client.Histogram<'method' | 'code'>;
  httpDuration: client.Histogram<'method' | 'route' | 'status'>;
  eventsConsumed: client.Counter<'topic' | 'outcome'>;
  outboxPublished: client.Counter<'topic'>;
}

/** How often the event-loop delay is sampled. */
export const EVENT_LOOP_SAMPLE_MS = 1000;

export function createMetrics(service: string): Metrics {
  const registry = new client.Registry();
  registry.setDefaultLabels({ service });
  // The event-loop delay histogram samples on a timer; prom-client's 10 ms default wakes every
  // process 100 times a second even when idle. A stall still delays the next sample, so long
  // stalls show; the histogram only sees fewer of the short ones.
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  const buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
  return {
    registry,
    grpcServerDuration: new client.Histogram({ name: 'laurel_grpc_server_seconds', help: 'gRPC handling time', labelNames: ['method', 'code'], buckets, registers: [registry] }),
    httpDuration: new client.Histogram({ name: 'laurel_http_request_seconds', help: 'HTTP request time', labelNames: ['method', 'route', 'status'], buckets, registers: [registry] }),
    eventsConsumed: new client.Counter({ name: 'laurel_events_consumed_total', help: 'Kafka events handled, by outcome (processed, duplicate, dead-lettered)', labelNames: ['topic', 'outcome'], registers: [registry] }),
    outboxPublished: new client.Counter({ name: 'laurel_outbox_published_total', help: 'Outbox rows published to Kafka', labelNames: ['topic'], registers: [registry] }),
  };
}

/** The text exposition, for an HTTP handler. */
export async function renderMetrics(metrics: Metrics): Promise<{ contentType: string; body: string }> {
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}

/** A tiny HTTP server that only answers /metrics, for services that have no HTTP of their own. */
export async function serveMetrics(metrics: Metrics, port: number, host = '0.0.0.0'): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    renderMetrics(metrics).then(
      ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return server;
}
