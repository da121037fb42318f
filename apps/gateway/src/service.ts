/**
 * The gateway process: HTTP in front, gRPC clients and a Kafka producer
 * behind, its own schema for credentials and members. `start` is used by
 * main.ts and by tests alike.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createDatabase,
  createKafka,
  createLogger,
  createMetrics,
  createProducer,
  ensureTopics,
  migrate,
  startRetention,
  topicName,
  trackDatabasePool,
  SecretCipher,
} from '@laurel/service-kit';
import { migrations } from '../migrations/index.js';
import { createApp } from './app.js';
import { clientErrorHandler, connectHandler } from './http/edge-guard.js';
import { LIMITS } from './http/limits.js';
import { closeClients, createClients } from './clients.js';
import { DEV_SECRET_ENCRYPTION_KEY, type GatewayConfig } from './config.js';
import { gatewayRetentionRules } from './ops/retention.js';
import { consumerKeys } from './badgekit-format/auth.js';
import { ConsumerStore } from './store/consumers.js';

export const SCHEMA = 'gateway';

export interface RunningGateway {
  port: number;
  url: string;
  stop(): Promise<void>;
}

export async function start(config: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const metrics = createMetrics('gateway');
  const db = createDatabase({
    url: config.DATABASE_URL,
    schema: SCHEMA,
    poolMax: config.DATABASE_POOL_MAX,
    applicationName: 'gateway',
  });
  trackDatabasePool(metrics, db);
  await migrate(db, SCHEMA, migrations);
  if (config.NODE_ENV !== 'production' && config.BADGEKIT_MASTER_SECRET === 'laurel-dev-master-secret') {
    logger.warn('using the development BadgeKit master secret; set BADGEKIT_MASTER_SECRET outside development');
  }
  if (config.NODE_ENV !== 'production' && config.SECRET_ENCRYPTION_KEY === DEV_SECRET_ENCRYPTION_KEY) {
    logger.warn('sealing API consumer secrets with the development key; set SECRET_ENCRYPTION_KEY outside development');
  }

  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'laurel-gateway', logger });
  await ensureTopics(kafka, [topicName(config.KAFKA_TOPIC_PREFIX, 'outcomeRecorded')]);
  const producer = await createProducer(kafka);
  let kafkaConnected = true;
  producer.on(producer.events.DISCONNECT, () => (kafkaConnected = false));
  producer.on(producer.events.CONNECT, () => (kafkaConnected = true));

  const clients = createClients(config, db, metrics);
  const consumers = consumerKeys(
    { store: new ConsumerStore(db), catalog: clients.catalog, cipher: new SecretCipher(config.SECRET_ENCRYPTION_KEY) },
    'badgekit',
  );
  const app = createApp({
    config,
    clients,
    db,
    logger,
    metrics,
    consumers,
    producer,
    kafkaConnected: () => kafkaConnected,
  });
  const server: Server = createServer({ maxHeaderSize: LIMITS.headerBytes }, app);
  // Requests Node's parser refuses (oversized headers, unknown methods) still get an answer in their family's format.
  server.on('clientError', clientErrorHandler(logger));
  server.on('connect', connectHandler);
  // Keep-alive longer than common load balancers' idle timeouts, so they close first.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
  logger.info({ port, url }, 'gateway listening');
  const retention = startRetention({ rules: gatewayRetentionRules(db, config), logger });

  return {
    port,
    url,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 3000).unref();
      });
      closeClients(clients);
      await retention.stop();
      await producer.disconnect();
      await db.destroy();
      logger.info('gateway stopped');
    },
  };
}
