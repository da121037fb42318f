import { z } from 'zod';
import {
  baseSettings, databaseSettings, DEFAULT_PORTS, grpcClientSettings, grpcServerSettings, kafkaSettings, loadConfig, serviceAddress,
} from '@laurel/service-kit';

export const requirementsConfigSchema = z.object({
  ...baseSettings,
  ...databaseSettings,
  ...kafkaSettings,
  ...grpcServerSettings(DEFAULT_PORTS.requirements),
  ...grpcClientSettings,
  CATALOG_ADDR: serviceAddress(`127.0.0.1:${DEFAULT_PORTS['badge-catalog']}`),
  ISSUANCE_ADDR: serviceAddress(`127.0.0.1:${DEFAULT_PORTS.issuance}`),
  // Where outcomes count when the event names no location (model.md: "v2" by default).
  OUTCOME_LOCATION: z.string().min(1).default('v2'),
});

export type RequirementsConfig = z.output<typeof requirementsConfigSchema>;

export const loadRequirementsConfig = (env: NodeJS.ProcessEnv = process.env): RequirementsConfig => loadConfig(requirementsConfigSchema, env);
