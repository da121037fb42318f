import { z } from 'zod';
import {
  baseSettings,
  databaseSettings,
  DEFAULT_PORTS,
  grpcClientSettings,
  grpcServerSettings,
  kafkaSettings,
  loadConfig,
  serviceAddress,
  workerSettings,
} from '@laurel/service-kit';

export const requirementsConfigSchema = z.object({
  ...baseSettings,
  ...databaseSettings,
  ...workerSettings,
  ...kafkaSettings,
  ...grpcServerSettings(DEFAULT_PORTS.requirements),
  ...grpcClientSettings,
  CATALOG_ADDR: serviceAddress(`127.0.0.1:${DEFAULT_PORTS['badge-catalog']}`),
  ISSUANCE_ADDR: serviceAddress(`127.0.0.1:${DEFAULT_PORTS.issuance}`),
  // Where outcomes count when the event names no location (model.md: "v2" by default).
  OUTCOME_LOCATION: z.string().min(1).default('v2'),
  // How long consumed event ids are remembered to recognise redeliveries. Must exceed the
  // topics' Kafka retention (7 days by default in Kafka, 24 h in the local broker): an event
  // redelivered after its id was forgotten would be counted twice.
  PROCESSED_EVENTS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
});

export type RequirementsConfig = z.output<typeof requirementsConfigSchema>;

export const loadRequirementsConfig = (env: NodeJS.ProcessEnv = process.env): RequirementsConfig =>
  loadConfig(requirementsConfigSchema, env);
