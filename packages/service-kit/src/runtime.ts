/**
 * What every gRPC service process does around its domain: logger and metrics,
 * its own schema with migrations, the gRPC server, an optional metrics port,
 * and an orderly stop (stop accepting calls, let in-flight work finish, stop
 * the service's own workers in reverse start order, then close the database).
 * A service's service.ts only adds its stores, handlers and workers.
 */
import type { Server } from 'node:http';
import { packageDefinition } from '@laurel/protos';
import type { Knex } from 'knex';
import { createDatabase } from './db/database.js';
import { trackDatabasePool } from './db/pool-metrics.js';
import { createWorkListener, type WorkListener } from './db/notifications.js';
import { migrate, type Migration } from './db/migrations.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics, serveMetrics, type Metrics } from './metrics.js';
import { startGrpcServer, type ServiceRegistration } from './grpc/server.js';
import { createKafka, createProducer, ensureTopics, type Kafka, type Producer } from './kafka/client.js';
import { startOutboxRelay, type OutboxRelay } from './kafka/outbox.js';
import { trackOutboxBacklog } from './kafka/outbox-metrics.js';
import { WORK_POLL_MS } from './polling.js';

export interface RuntimeConfig {
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  DATABASE_URL: string;
  DATABASE_POOL_MAX: number;
  GRPC_HOST: string;
  GRPC_PORT: number;
  GRPC_DRAIN_MS: number;
  METRICS_PORT: number;
  /** The safety-net poll of the service's workers (workerSettings). */
  WORK_POLL_MS?: number;
}

export interface ServiceRuntime {
  name: string;
  /** The PostgreSQL schema the service owns. */
  schema: string;
  logger: Logger;
  metrics: Metrics;
  db: Knex;
  /** Wakes the service's workers on NOTIFY (connects on the first subscription). */
  listener: WorkListener;
  /** The safety-net poll of the service's workers. */
  workPollMs: number;
  /** Registers something to stop when the service stops (after the gRPC server, before the database). */
  onStop(stop: () => Promise<void>): void;
  /** Starts the gRPC server with these services; resolves to the bound port. */
  serve(registrations: ServiceRegistration[]): Promise<number>;
  stop(): Promise<void>;
}

export async function startServiceRuntime(options: {
  name: string;
  schema: string;
  migrations: readonly Migration[];
  config: RuntimeConfig;
}): Promise<ServiceRuntime> {
  const { name, config } = options;
  const logger = createLogger(name, config.LOG_LEVEL);
  const metrics = createMetrics(name);
  const db = createDatabase({
    url: config.DATABASE_URL,
    schema: options.schema,
    poolMax: config.DATABASE_POOL_MAX,
    applicationName: name,
  });
  trackDatabasePool(metrics, db);
  const listener = createWorkListener({ url: config.DATABASE_URL, applicationName: name, logger });
  const stoppers: (() => Promise<void>)[] = [];
  let grpcShutdown: (() => Promise<void>) | undefined;
  let metricsServer: Server | undefined;
  try {
    const applied = await migrate(db, options.schema, options.migrations);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    if (config.METRICS_PORT > 0) {
      metricsServer = await serveMetrics(metrics, config.METRICS_PORT);
      logger.info({ metricsPort: config.METRICS_PORT }, `metrics at http://127.0.0.1:${config.METRICS_PORT}/metrics`);
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }

  return {
    name,
    schema: options.schema,
    logger,
    metrics,
    db,
    listener,
    workPollMs: config.WORK_POLL_MS ?? WORK_POLL_MS,
    onStop: (stop) => stoppers.push(stop),
    async serve(registrations) {
      const server = await startGrpcServer(registrations, {
        logger,
        metrics,
        packageDefinition: packageDefinition(),
        host: config.GRPC_HOST,
        port: config.GRPC_PORT,
        drainMs: config.GRPC_DRAIN_MS,
      });
      grpcShutdown = () => server.shutdown();
      logger.info({ grpcPort: server.port }, `${name} serving`);
      return server.port;
    },
    async stop() {
      await grpcShutdown?.();
      for (const stop of stoppers.reverse()) {
        await stop().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
      }
      metricsServer?.close();
      await listener.close();
      await db.destroy();
      logger.info(`${name} stopped`);
    },
  };
}

export interface EventPublishing {
  kafka: Kafka;
  producer: Producer;
  /** Publishes enqueued events at once (they are announced when enqueued; kick() wakes it too). */
  relay: OutboxRelay;
}

/**
 * Kafka for a service that publishes through its transactional outbox: the
 * topics it writes exist, an idempotent producer, and the outbox relay, all
 * stopped with the service (relay first, then the producer).
 */
export async function startEventPublishing(
  runtime: ServiceRuntime,
  options: { brokers: string[]; topics: string[] },
): Promise<EventPublishing> {
  const kafka = createKafka({ brokers: options.brokers, clientId: `laurel-${runtime.name}`, logger: runtime.logger });
  await ensureTopics(kafka, options.topics);
  const producer = await createProducer(kafka);
  runtime.onStop(() => producer.disconnect());
  const relay = startOutboxRelay({
    db: runtime.db,
    producer,
    schema: runtime.schema,
    logger: runtime.logger,
    metrics: runtime.metrics,
    listener: runtime.listener,
    pollMs: runtime.workPollMs,
  });
  runtime.onStop(() => relay.stop());
  trackOutboxBacklog(runtime.metrics, runtime.db);
  return { kafka, producer, relay };
}
