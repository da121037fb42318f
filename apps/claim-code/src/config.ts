import { z } from 'zod';
import {
  baseSettings,
  databaseSettings,
  DEFAULT_PORTS,
  grpcClientSettings,
  grpcServerSettings,
  loadConfig,
  serviceAddress,
  workerSettings,
} from '@laurel/service-kit';

export const claimCodeConfigSchema = z.object({
  ...baseSettings,
  ...databaseSettings,
  ...workerSettings,
  ...grpcServerSettings(DEFAULT_PORTS['claim-code']),
  ...grpcClientSettings,
  CATALOG_ADDR: serviceAddress(`127.0.0.1:${DEFAULT_PORTS['badge-catalog']}`),
  ISSUANCE_ADDR: serviceAddress(`127.0.0.1:${DEFAULT_PORTS.issuance}`),
  // Length of generated codes in hex characters; 16 gives 64 bits (model.md deviations).
  CLAIM_CODE_LENGTH: z.coerce.number().int().min(16).max(64).default(16),
});

export type ClaimCodeConfig = z.output<typeof claimCodeConfigSchema>;

export const loadClaimCodeConfig = (env: NodeJS.ProcessEnv = process.env): ClaimCodeConfig =>
  loadConfig(claimCodeConfigSchema, env);
