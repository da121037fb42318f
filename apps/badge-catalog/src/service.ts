/**
 * The catalog process. `start` is used by main.ts and by tests alike.
 */
import { registerService, startServiceRuntime } from '@laurel/service-kit';
import { laurelProtos } from '@laurel/protos';
import { migrations } from '../migrations/index.js';
import type { CatalogConfig } from './config.js';
import { catalogHandlers } from './rpc/catalog.js';
import { ImageStore } from './store/images.js';
import { SystemStore } from './store/systems.js';

export const SCHEMA = 'catalog';
export const SERVICE_NAME = 'laurel.catalog.v1.Catalog';

export interface RunningCatalog {
  grpcPort: number;
  stop(): Promise<void>;
}

export async function start(config: CatalogConfig): Promise<RunningCatalog> {
  const runtime = await startServiceRuntime({ name: 'badge-catalog', schema: SCHEMA, migrations, config });
  const deps = { db: runtime.db, images: new ImageStore(runtime.db), systems: new SystemStore(runtime.db) };
  const grpcPort = await runtime.serve([
    registerService(SERVICE_NAME, laurelProtos().catalog.v1.Catalog.service, catalogHandlers(deps)),
  ]);
  return { grpcPort, stop: () => runtime.stop() };
}
