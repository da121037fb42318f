import { z } from 'zod';
import {
  baseSettings, databaseSettings, DEFAULT_PORTS, grpcClientSettings, grpcServerSettings, kafkaSettings, loadConfig, serviceAddress,
} from '@laurel/service-kit';

export const issuanceConfigSchema = z.object({
  ...baseSettings,
  ...databaseSettings,
  ...kafkaSettings,
  ...grpcServerSettings(DEFAULT_PORTS.issuance),
  ...grpcClientSettings,
  CATALOG_ADDR: serviceAddress(`127.0.0.1:${DEFAULT_PORTS['badge-catalog']}`),
  // The gateway's public origin, for absolute URLs in webhook messages; unset means the awarding request's origin.
  PUBLIC_BASE_URL: z.url().optional(),
  // How long delivered webhook rows stay in the delivery log; undelivered ones are never deleted.
  WEBHOOK_DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

export type IssuanceConfig = z.output<typeof issuanceConfigSchema>;

export const loadIssuanceConfig = (env: NodeJS.ProcessEnv = process.env): IssuanceConfig => loadConfig(issuanceConfigSchema, env);
