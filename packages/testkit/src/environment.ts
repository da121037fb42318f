/**
 * Where the test run's PostgreSQL and Kafka are. The global setup provides them
 * once per run (or takes DATABASE_URL / KAFKA_BROKERS from the environment)
 * and publishes them in these variables for every test worker.
 */
export const TEST_DATABASE_URL = 'LAUREL_TEST_DATABASE_URL';
export const TEST_KAFKA_BROKERS = 'LAUREL_TEST_KAFKA_BROKERS';

export interface TestEnvironment {
  databaseUrl: string;
  kafkaBrokers: string;
}

export function testEnvironment(): TestEnvironment {
  const databaseUrl = process.env[TEST_DATABASE_URL];
  const kafkaBrokers = process.env[TEST_KAFKA_BROKERS];
  if (!databaseUrl || !kafkaBrokers) {
    throw new Error(
      `${TEST_DATABASE_URL} and ${TEST_KAFKA_BROKERS} are not set: run tests through \`npm test\` or the root vitest config, whose global setup provides PostgreSQL and Kafka`,
    );
  }
  return { databaseUrl, kafkaBrokers };
}
