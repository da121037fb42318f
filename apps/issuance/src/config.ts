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

/**
 * Where the gateway answers when `npm start` runs it with its defaults: the
 * origin of award messages outside production when neither PUBLIC_BASE_URL
 * nor the awarding request gives one (requirements awards have no request).
 */
export const DEVELOPMENT_BASE_URL = `http://localhost:${DEFAULT_PORTS.gateway}`;

/** An http(s) origin, optionally with a path prefix; no query or fragment, kept without a trailing slash. */
const baseUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: 'expected an absolute http(s) URL' })
  // Runs after a failed url check too (zod keeps checking), hence canParse.
  .refine((value) => !URL.canParse(value) || !/[?#]/.test(value), 'expected no query or fragment')
  .transform((value) => value.replace(/\/+$/, ''));

/**
 * The development default of the key that seals issuer signing keys
 * (store/issuer-keys.ts). Public on purpose: it protects nothing, and
 * production refuses to start without its own.
 */
export const DEV_CREDENTIAL_KEY_ENCRYPTION_KEY = 'laurel-dev-credential-key-encryption-key';

/** What deploy/ ships as a placeholder: long enough for the length rule, so it is refused by shape. */
const PLACEHOLDER = /replace[-_ ]?me|change[-_ ]?me|placeholder/i;

export const issuanceSettings = z.object({
  ...baseSettings,
  ...databaseSettings,
  ...workerSettings,
  ...kafkaSettings,
  ...grpcServerSettings(DEFAULT_PORTS.issuance),
  ...grpcClientSettings,
  CATALOG_ADDR: serviceAddress(`127.0.0.1:${DEFAULT_PORTS['badge-catalog']}`),
  // The gateway's public origin: every webhook's assertionUrl is built on it, whatever the award's channel.
  PUBLIC_BASE_URL: baseUrl.optional(),
  // How long delivered webhook rows stay in the delivery log; undelivered ones are never deleted.
  WEBHOOK_DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // Seals each site's Ed25519 issuer key (Open Badges 3.0 signing); a long random value (openssl rand -hex 32).
  // The default is the public development key, which production refuses (below).
  CREDENTIAL_KEY_ENCRYPTION_KEY: z.string().min(32).default(DEV_CREDENTIAL_KEY_ENCRYPTION_KEY),
});

export const issuanceConfigSchema = issuanceSettings.superRefine((config, ctx) => {
  // Receivers store assertionUrl; in production it must not depend on which request (if any) caused the award.
  if (config.NODE_ENV === 'production' && config.PUBLIC_BASE_URL === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['PUBLIC_BASE_URL'],
      message: "required in production (the gateway's public origin, e.g. https://badges.example.org)",
    });
  }
  const sealingKey = config.CREDENTIAL_KEY_ENCRYPTION_KEY;
  if (PLACEHOLDER.test(sealingKey)) {
    ctx.addIssue({
      code: 'custom',
      path: ['CREDENTIAL_KEY_ENCRYPTION_KEY'],
      message: 'is a placeholder (as shipped in deploy/); set a real value',
    });
  } else if (config.NODE_ENV === 'production' && sealingKey === DEV_CREDENTIAL_KEY_ENCRYPTION_KEY) {
    ctx.addIssue({
      code: 'custom',
      path: ['CREDENTIAL_KEY_ENCRYPTION_KEY'],
      message: 'required in production (at least 32 characters; the development default is public)',
    });
  }
});

export type IssuanceConfig = z.output<typeof issuanceConfigSchema>;

export const loadIssuanceConfig = (env: NodeJS.ProcessEnv = process.env): IssuanceConfig =>
  loadConfig(issuanceConfigSchema, env);
