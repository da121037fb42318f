/**
 * Configuration is read from the environment once, at start-up, and validated
 * as a whole: a process with a bad setting refuses to start and names every
 * problem at once, instead of failing later on first use.
 */
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return parsed.data;
}

const port = z.coerce.number().int().min(0).max(65535);
const hostPort = z.string().regex(/^[^\s:]+:\d+$/, 'expected host:port');

/** Settings every process has. */
export const baseSettings = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

/** Settings of a process that owns a PostgreSQL schema. */
export const databaseSettings = {
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
};

/** The default of WORK_POLL_MS. */
export const DEFAULT_WORK_POLL_MS = 10_000;

/** Settings of a process with background workers (outbox relay, deliveries, sweeps). */
export const workerSettings = {
  // How often a worker looks for work nobody announced (a safety net): work a process commits
  // wakes its own worker at once, and work written elsewhere is announced with NOTIFY.
  WORK_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_WORK_POLL_MS),
};

/** Settings of a process that talks to Kafka. */
export const kafkaSettings = {
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((s) =>
      s
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    )
    .pipe(z.array(hostPort).min(1)),
  // Prepended to every topic and consumer group name, so that several
  // environments (or test files) can share one cluster without seeing each other.
  KAFKA_TOPIC_PREFIX: z.string().default(''),
};

/** Settings of a process that serves gRPC. */
export const grpcServerSettings = (defaultPort: number) => ({
  GRPC_HOST: z.string().default('0.0.0.0'),
  GRPC_PORT: port.default(defaultPort),
  // Time a draining server gives in-flight calls before it cancels them.
  GRPC_DRAIN_MS: z.coerce.number().int().min(0).default(5000),
  // Serves Prometheus metrics on this port; 0 turns it off.
  METRICS_PORT: port.default(0),
});

/** Default deadline of outgoing gRPC calls. */
export const grpcClientSettings = {
  GRPC_DEADLINE_MS: z.coerce.number().int().min(50).default(5000),
};

/**
 * The address of another Laurel service, e.g. CATALOG_ADDR=127.0.0.1:50051, or
 * dns:///name:port for client-side round_robin over every address of that name
 * (a Kubernetes headless Service; grpc/client.ts).
 */
export const serviceAddress = (defaultAddress: string) =>
  z
    .string()
    .regex(/^(dns:\/\/\/)?[^\s:/]+:\d+$/, 'expected host:port or dns:///host:port')
    .default(defaultAddress);

/** Default ports, one per process; the k8s/compose manifests and README use the same. */
export const DEFAULT_PORTS = {
  gateway: 8080,
  'badge-catalog': 50051,
  'claim-code': 50052,
  requirements: 50053,
  issuance: 50054,
} as const;

/**
 * The metrics ports `npm start` gives the four services (METRICS_PORT; a
 * service's own default is 0, off). The gateway serves /metrics on its HTTP port.
 */
export const DEFAULT_METRICS_PORTS = {
  'badge-catalog': 9101,
  'claim-code': 9102,
  requirements: 9103,
  issuance: 9104,
} as const;
