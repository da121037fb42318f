import { z } from 'zod';
import {
  baseSettings,
  databaseSettings,
  DEFAULT_PORTS,
  grpcClientSettings,
  kafkaSettings,
  loadConfig,
  serviceAddress,
} from '@laurel/service-kit';
import { REPLAY_WINDOW_HOURS } from './store/imports.js';
import { LIMITS } from './http/limits.js';

/** The development default of the BadgeKit master secret; production refuses to start without its own. */
export const DEV_MASTER_SECRET = 'laurel-dev-master-secret';

/**
 * The development default of the key that seals API consumers' secrets
 * (domain/secrets.ts explains why they are sealed and not only hashed).
 * Public on purpose: it protects nothing, and production refuses to start
 * without its own.
 */
export const DEV_SECRET_ENCRYPTION_KEY = 'laurel-dev-secret-encryption-key';

/**
 * What a placeholder looks like: deploy/k8s/secret.yaml ships values like
 * "REPLACE_ME_with_a_long_random_secret..." that are long enough to pass the
 * length rules, so a forgotten edit would run with a secret published in git.
 */
const PLACEHOLDER = /replace[-_ ]?me|change[-_ ]?me|placeholder/i;

/** Settings whose value protects something, and the development default each must not keep in production. */
const SECRET_SETTINGS = {
  BADGEKIT_MASTER_SECRET: DEV_MASTER_SECRET,
  SECRET_ENCRYPTION_KEY: DEV_SECRET_ENCRYPTION_KEY,
  DATABASE_URL: undefined,
} as const;

/** Every gateway setting, before the cross-field rules below. */
export const gatewaySettings = z.object({
  ...baseSettings,
  ...databaseSettings,
  ...kafkaSettings,
  ...grpcClientSettings,
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORTS.gateway),
  HOST: z.string().default('0.0.0.0'),
  // The gateway's public origin for absolute URLs; unset means "from the request" (model.md),
  // which only development may rely on: in production any client's Host header would name the issuer.
  PUBLIC_BASE_URL: z.url().optional(),
  // Honour X-Forwarded-Host/-Proto (set when a trusted proxy sits in front).
  TRUST_PROXY: z.stringbool().default(false),
  BADGEKIT_MASTER_SECRET: z.string().min(16).optional(),
  // Seals API consumers' secrets for JWT verification; a long random value (openssl rand -hex 32).
  SECRET_ENCRYPTION_KEY: z.string().min(32).optional(),
  // How long a KickApps / v2 login token stays valid.
  LOGIN_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .default(24 * 3600),
  // How long a customer-import response is kept; at least the import's 24-hour replay window (§4.7).
  // Open Badges 3.0 API (families/ob3): the pages its discovery document names (1EdTech requires both); the site root when unset.
  OB3_PRIVACY_POLICY_URL: z.url().optional(),
  OB3_TERMS_OF_SERVICE_URL: z.url().optional(),
  // Lifetimes of its OAuth access tokens and refresh tokens.
  OB3_ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(24 * 3600)
    .default(3600),
  OB3_REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(3600)
    .max(365 * 24 * 3600)
    .default(30 * 24 * 3600),
  IMPORT_REPLAY_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(REPLAY_WINDOW_HOURS)
    .max(24 * 365)
    .default(48),
  // Baked images (issue #11): an external badge image is fetched within these limits, and prepared images are kept in memory.
  BAKED_IMAGE_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  // By default what an upload may be, so that every uploaded image bakes.
  BAKED_IMAGE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(LIMITS.uploadBytes),
  BAKED_IMAGE_CACHE_BYTES: z.coerce
    .number()
    .int()
    .min(2048)
    .max(4 * 1024 * 1024 * 1024)
    .default(64 * 1024 * 1024),
  // Fetch external badge images from loopback and private addresses too: development and tests only (SSRF otherwise).
  BAKED_IMAGE_ALLOW_PRIVATE_HOSTS: z.stringbool().default(false),
  CATALOG_ADDR: serviceAddress(`127.0.0.1:${DEFAULT_PORTS['badge-catalog']}`),
  CLAIM_CODE_ADDR: serviceAddress(`127.0.0.1:${DEFAULT_PORTS['claim-code']}`),
  REQUIREMENTS_ADDR: serviceAddress(`127.0.0.1:${DEFAULT_PORTS.requirements}`),
  ISSUANCE_ADDR: serviceAddress(`127.0.0.1:${DEFAULT_PORTS.issuance}`),
});

export const gatewayConfigSchema = gatewaySettings
  .superRefine((config, ctx) => {
    for (const [name, devDefault] of Object.entries(SECRET_SETTINGS)) {
      const value = config[name as keyof typeof SECRET_SETTINGS];
      if (value !== undefined && PLACEHOLDER.test(value)) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'is a placeholder (as shipped in deploy/); set a real value',
        });
      } else if (config.NODE_ENV === 'production' && value !== undefined && value === devDefault) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'is the public development default; production needs its own',
        });
      }
    }
    if (config.NODE_ENV === 'production' && !config.BADGEKIT_MASTER_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['BADGEKIT_MASTER_SECRET'],
        message: 'required in production (at least 16 characters)',
      });
    }
    if (config.NODE_ENV === 'production' && !config.SECRET_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['SECRET_ENCRYPTION_KEY'],
        message: 'required in production (at least 32 characters)',
      });
    }
    if (config.BAKED_IMAGE_CACHE_BYTES < 2 * config.BAKED_IMAGE_MAX_BYTES) {
      // Smaller, and the largest images could never be kept: each request for them would fetch them again.
      ctx.addIssue({
        code: 'custom',
        path: ['BAKED_IMAGE_CACHE_BYTES'],
        message: 'must be at least twice BAKED_IMAGE_MAX_BYTES',
      });
    }
    if (config.NODE_ENV === 'production' && !config.PUBLIC_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_BASE_URL'],
        message:
          'required in production (the public origin of assertion and badge URLs, e.g. https://badges.example.org)',
      });
    }
  })
  .transform((config) => ({
    ...config,
    BADGEKIT_MASTER_SECRET: config.BADGEKIT_MASTER_SECRET ?? DEV_MASTER_SECRET,
    SECRET_ENCRYPTION_KEY: config.SECRET_ENCRYPTION_KEY ?? DEV_SECRET_ENCRYPTION_KEY,
  }));

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env): GatewayConfig =>
  loadConfig(gatewayConfigSchema, env);
