/**
 * Vitest global setup: PostgreSQL and Kafka once per test run, shared by every
 * test file (each isolates itself with its own database and topic prefix).
 */
import { provideStack, type Stack } from '@laurel/devstack';
import { TEST_DATABASE_URL, TEST_KAFKA_BROKERS } from './environment.js';

let stack: Stack | undefined;

export async function setup(): Promise<void> {
  if (process.env[TEST_DATABASE_URL] && process.env[TEST_KAFKA_BROKERS]) return;
  stack = await provideStack({ database: 'laurel_test', log: (line) => process.stderr.write(`[devstack] ${line}\n`) });
  process.env[TEST_DATABASE_URL] = stack.postgres.url;
  process.env[TEST_KAFKA_BROKERS] = stack.kafka.brokers.join(',');
}

export async function teardown(): Promise<void> {
  await stack?.stop();
}
