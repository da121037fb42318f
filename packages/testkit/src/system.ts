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
  processes: Record<AppName, ProcessHandle>;
  stop(): Promise<void>;
}

export const TEST_MASTER_SECRET = 'test-master-secret-0123456789';

export async function startSystem(label: string, extraEnv: Record<string, string> = {}): Promise<TestSystem> {
  const { kafkaBrokers } = testEnvironment();
  const database = await freshDatabase(label);
  const topicPrefix = uniquePrefix(label);
  const ports = Object.fromEntries(await Promise.all(APPS.map(async (app) => [app, await freePort()] as const))) as Record<AppName, number>;
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
    ...extraEnv,
  };
  const logDir = join(REPO_ROOT, '.laurel', 'test-logs', `${label}-${database.name.slice(-8)}`);
  const processes = {} as Record<AppName, ProcessHandle>;
  try {
    // Services first (in parallel), the gateway once they answer.
    const services = APPS.filter((a) => a !== 'gateway');
    await Promise.all(services.map(async (app) => (processes[app] = await startProcess(app, ports[app], env, { logDir }))));
    processes.gateway = await startProcess('gateway', ports.gateway, env, { logDir });
  } catch (error) {
    await Promise.all(Object.values(processes).map((p) => p.kill('SIGKILL')));
    await database.drop();
    throw error;
  }
  return {
    database,
    topicPrefix,
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    env,
    processes,
    async stop() {
      await Promise.all(Object.values(processes).map((p) => p.kill('SIGTERM')));
      await database.drop();
    },
  };
}
