/**
 * The whole of Laurel for one test file: a fresh database, a unique topic
 * prefix, and the five processes on free ports, wired to each other exactly
 * as `npm start` wires them.
 */
import { join } from 'node:path';
import { testEnvironment } from './environment.js';
import { freePort, freshDatabase, uniquePrefix, type TestDatabase } from './isolation.js';
import { APPS, REPO_ROOT, startProcess, type AppName, type ProcessHandle } from './processes.js';

export interface TestSystem {
  database: TestDatabase;
  topicPrefix: string;
  gatewayUrl: string;
  env: Record<string, string>;
  ports: Record<AppName, number>;
  /** Each service's METRICS_PORT (the gateway serves /metrics on its own port). */
  metricsPorts: Record<Exclude<AppName, 'gateway'>, number>;
  /** Where `app` serves its Prometheus metrics. */
  metricsUrl(app: AppName): string;
  /** The processes that were started (all five unless `apps` chose fewer). */
  processes: Partial<Record<AppName, ProcessHandle>>;
  process(app: AppName): ProcessHandle;
  stop(): Promise<void>;
}

export const TEST_MASTER_SECRET = 'test-master-secret-0123456789';

export interface SystemOptions {
  env?: Record<string, string>;
  apps?: readonly AppName[];
  /** Extra arguments for node, e.g. ['--cpu-prof'] to profile the processes. */
  nodeArgs?: readonly string[];
}

export async function startSystem(label: string, options: SystemOptions = {}): Promise<TestSystem> {
  const wanted = new Set(options.apps ?? APPS);
  const { kafkaBrokers } = testEnvironment();
  const database = await freshDatabase(label);
  const topicPrefix = uniquePrefix(label);
  const ports = Object.fromEntries(
    await Promise.all(APPS.map(async (app) => [app, await freePort()] as const)),
  ) as Record<AppName, number>;
  const services = APPS.filter((a): a is Exclude<AppName, 'gateway'> => a !== 'gateway');
  // Every service serves metrics, as under `npm start`.
  const metricsPorts = Object.fromEntries(
    await Promise.all(services.map(async (app) => [app, await freePort()] as const)),
  ) as Record<Exclude<AppName, 'gateway'>, number>;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: '5',
    KAFKA_BROKERS: kafkaBrokers,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    BADGEKIT_MASTER_SECRET: TEST_MASTER_SECRET,
    CATALOG_ADDR: `127.0.0.1:${ports['badge-catalog']}`,
    CLAIM_CODE_ADDR: `127.0.0.1:${ports['claim-code']}`,
    REQUIREMENTS_ADDR: `127.0.0.1:${ports.requirements}`,
    ISSUANCE_ADDR: `127.0.0.1:${ports.issuance}`,
    ...options.env,
  };
  // A test's own METRICS_PORT (say, 0) wins over the one given here.
  const envOf = (app: AppName): Record<string, string> =>
    app === 'gateway' ? env : { ...env, METRICS_PORT: String(metricsPorts[app]), ...options.env };
  const logDir = join(REPO_ROOT, '.laurel', 'test-logs', `${label}-${database.name.slice(-8)}`);
  const processes: Partial<Record<AppName, ProcessHandle>> = {};
  try {
    // Services first (in parallel), the gateway once they answer.
    // allSettled, not all: when one fails, the others must finish starting so they can be stopped too.
    const started = await Promise.allSettled(
      services
        .filter((a) => wanted.has(a))
        .map(
          async (app) =>
            (processes[app] = await startProcess(app, ports[app], envOf(app), {
              logDir,
              ...(options.nodeArgs && { nodeArgs: options.nodeArgs }),
            })),
        ),
    );
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    if (wanted.has('gateway'))
      processes.gateway = await startProcess('gateway', ports.gateway, env, {
        logDir,
        ...(options.nodeArgs && { nodeArgs: options.nodeArgs }),
      });
  } catch (error) {
    await Promise.all(Object.values(processes).map((p) => p.kill('SIGKILL')));
    await database.drop().catch(() => undefined);
    throw error;
  }
  return {
    database,
    topicPrefix,
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    env,
    ports,
    metricsPorts,
    metricsUrl: (app) =>
      app === 'gateway' ? `http://127.0.0.1:${ports.gateway}/metrics` : `http://127.0.0.1:${metricsPorts[app]}/metrics`,
    processes,
    process(app) {
      const handle = processes[app];
      if (!handle) throw new Error(`${app} was not started in this test system`);
      return handle;
    },
    async stop() {
      await Promise.all(Object.values(processes).map((p) => p.kill('SIGTERM')));
      await database.drop();
    },
  };
}
