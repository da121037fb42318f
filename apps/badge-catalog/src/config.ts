import { z } from 'zod';
import { baseSettings, databaseSettings, DEFAULT_PORTS, grpcServerSettings, loadConfig } from '@laurel/service-kit';

export const catalogConfigSchema = z.object({
  ...baseSettings,
  ...databaseSettings,
  ...grpcServerSettings(DEFAULT_PORTS['badge-catalog']),
});

export type CatalogConfig = z.output<typeof catalogConfigSchema>;

export const loadCatalogConfig = (env: NodeJS.ProcessEnv = process.env): CatalogConfig =>
  loadConfig(catalogConfigSchema, env);
