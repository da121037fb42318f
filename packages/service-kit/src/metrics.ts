/**
 * Prometheus metrics: one registry per process with Node's default metrics,
 * plus the `laurel_*` metrics the kit and the services record.
 *
 * Each metric is registered the first time a process asks for it (by the
 * module that records it, when that module starts), so a process exposes
 * only what it records: the gateway has no gRPC server histogram, a service
 * without consumers no lag gauge. Asking again returns the same metric.
 */
import { createServer, type Server } from 'node:http';
import client from 'prom-client';

/** Buckets of every duration histogram: 1 ms to 2.5 s. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** One sample of a gauge that is read at scrape time. */
export interface GaugeSample<L extends string> {
  labels?: Partial<Record<L, string | number>>;
  value: number;
}

/** How long a scrape-time reading (a query, a Kafka request) may take before the scrape goes on without it. */
export const SCRAPE_READ_TIMEOUT_MS = 2000;

/** Resolves to `fallback` when `promise` takes longer than `ms` (the scrape must still answer when a dependency hangs). */
function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export class Metrics {
  readonly registry = new client.Registry();

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    // The event-loop delay histogram samples on a timer; prom-client's 10 ms default wakes every
    // process 100 times a second even when idle. A stall still delays the next sample, so long
    // stalls show; the histogram only sees fewer of the short ones.
    client.collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  }

  /** The metric registered under `name`, registering it with `create` the first time. */
  private single<M extends client.Metric>(name: string, create: (registers: client.Registry[]) => M): M {
    return (this.registry.getSingleMetric(name) as M | undefined) ?? create([this.registry]);
  }

  /** gRPC calls this process answered; `method` is the full name, e.g. laurel.catalog.v1.Catalog/GetBadge. */
  grpcServerDuration(): client.Histogram<'method' | 'code'> {
    return this.single(
      'laurel_grpc_server_seconds',
      (registers) =>
        new client.Histogram({
          name: 'laurel_grpc_server_seconds',
          help: 'gRPC calls answered, by method and status code (the _count is the number of calls)',
          labelNames: ['method', 'code'],
          buckets: DURATION_BUCKETS,
          registers,
        }),
    );
  }

  /** gRPC calls this process made, each attempt counted (ServiceClient retries UNAVAILABLE itself). */
  grpcClientDuration(): client.Histogram<'method' | 'code'> {
    return this.single(
      'laurel_grpc_client_seconds',
      (registers) =>
        new client.Histogram({
          name: 'laurel_grpc_client_seconds',
          help: 'gRPC calls made (each attempt), by method and status code (the _count is the number of calls)',
          labelNames: ['method', 'code'],
          buckets: DURATION_BUCKETS,
          registers,
        }),
    );
  }

  httpDuration(): client.Histogram<'method' | 'route' | 'status'> {
    return this.single(
      'laurel_http_request_seconds',
      (registers) =>
        new client.Histogram({
          name: 'laurel_http_request_seconds',
          help: 'HTTP request time',
          labelNames: ['method', 'route', 'status'],
          buckets: DURATION_BUCKETS,
          registers,
        }),
    );
  }

  eventsConsumed(): client.Counter<'topic' | 'outcome'> {
    return this.single(
      'laurel_events_consumed_total',
      (registers) =>
        new client.Counter({
          name: 'laurel_events_consumed_total',
          help: 'Kafka events handled, by outcome (processed, duplicate, dead-lettered)',
          labelNames: ['topic', 'outcome'],
          registers,
        }),
    );
  }

  /** Events sent to `<topic>.dlq`: `undecodable` (poison messages) or `refused` (the handler's Rejections). */
  eventsDeadLettered(): client.Counter<'topic' | 'kind'> {
    return this.single(
      'laurel_events_dead_lettered_total',
      (registers) =>
        new client.Counter({
          name: 'laurel_events_dead_lettered_total',
          help: 'Kafka events sent to the dead-letter topic, by source topic and kind (undecodable, refused)',
          labelNames: ['topic', 'kind'],
          registers,
        }),
    );
  }

  outboxPublished(): client.Counter<'topic'> {
    return this.single(
      'laurel_outbox_published_total',
      (registers) =>
        new client.Counter({
          name: 'laurel_outbox_published_total',
          help: 'Outbox messages published to Kafka',
          labelNames: ['topic'],
          registers,
        }),
    );
  }

  /** Webhook delivery attempts by outcome: delivered, retrying (failed, tried again later), abandoned (gave up), dropped (nothing to send). */
  webhookDeliveries(): client.Counter<'outcome'> {
    return this.single(
      'laurel_webhook_deliveries_total',
      (registers) =>
        new client.Counter({
          name: 'laurel_webhook_deliveries_total',
          help: 'Webhook delivery attempts by outcome (delivered, retrying, abandoned, dropped)',
          labelNames: ['outcome'],
          registers,
        }),
    );
  }

  /**
   * A gauge whose samples `read` computes at scrape time (a query, a pool's
   * counters, Kafka offsets): no timer, so an idle process stays idle. A
   * reading that fails or takes longer than SCRAPE_READ_TIMEOUT_MS leaves the
   * gauge without samples for that scrape; the rest of the scrape still answers.
   * Registering a name twice keeps the first reader.
   */
  scrapeGauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    read: () => Promise<GaugeSample<L>[]> | GaugeSample<L>[],
  ): client.Gauge<L> {
    return this.single(
      name,
      (registers) =>
        new client.Gauge<L>({
          name,
          help,
          labelNames,
          registers,
          async collect() {
            this.reset();
            const samples = await within(
              Promise.resolve()
                .then(read)
                .catch(() => []),
              SCRAPE_READ_TIMEOUT_MS,
              [],
            );
            for (const { labels, value } of samples) {
              if (labels) this.set(labels, value);
              else this.set(value);
            }
          },
        }),
    );
  }
}

/** How often the event-loop delay is sampled. */
export const EVENT_LOOP_SAMPLE_MS = 1000;

export function createMetrics(service: string): Metrics {
  return new Metrics(service);
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return server;
}
