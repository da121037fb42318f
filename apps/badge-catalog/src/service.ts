/**
 * The catalog process: its database schema, its gRPC server, and how it stops.
 * `start` is used by main.ts and by tests alike.
 */
import {
  createDatabase, createLogger, createMetrics, migrate, registerService, serveMetrics, startGrpcServer,
} from '@laurel/service-kit';
import { laurelProtos, packageDefinition } from '@laurel/protos';
import type { Server } from 'node:http';
import { migrations } from '../migrations/index.js';
import type { CatalogConfig } from './config.js';
import { catalogHandlers } from './rpc/catalog.js';
import { SystemStore } from './store/systems.js';

export const SCHEMA = 'catalog';
export const SERVICE_NAME = 'laurel.catalog.v1.Catalog';

export interface RunningCatalog {
  grpcPort: number;
  stop(): Promise<void>;
}

export async function start(config: CatalogConfig): Promise<RunningCatalog> {
  const logger = createLogger('badge-catalog', config.LOG_LEVEL);
  const metrics = createMetrics('badge-catalog');
  const db = createDatabase({ url: config.DATABASE_URL, schema: SCHEMA, poolMax: config.DATABASE_POOL_MAX, applicationName: 'badge-catalog' });
  const applied = await migrate(db, SCHEMA, migrations);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');

  const registration = registerService(SERVICE_NAME, laurelProtos().catalog.v1.Catalog.service, catalogHandlers(new SystemStore(db)));
  const server = await startGrpcServer([registration], {
    logger, metrics, packageDefinition: packageDefinition(), host: config.GRPC_HOST, port: config.GRPC_PORT, drainMs: config.GRPC_DRAIN_MS,
  });
  const metricsServer: Server | undefined = config.METRICS_PORT > 0 ? await serveMetrics(metrics, config.METRICS_PORT) : undefined;
  logger.info({ grpcPort: server.port }, 'badge-catalog serving');

  return {
    grpcPort: server.port,
    async stop() {
      await server.shutdown();
      metricsServer?.close();
      await db.destroy();
      logger.info('badge-catalog stopped');
    },
  };
}
