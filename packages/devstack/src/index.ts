import { provideKafka as provideKafkaInternal } from './kafka/provide.js';
import { providePostgres as providePostgresInternal } from './postgres/provide.js';
import { provideStack as provideStackInternal } from './stack.js';
import type { ProvidedKafka, ProvidedPostgres, Stack, StackOptions } from './types.js';

export { DevstackError } from './errors.js';
export type { ProvidedKafka, ProvidedPostgres, Stack, StackOptions } from './types.js';

/** DATABASE_URL, else a local server on 127.0.0.1:5432, else an embedded PostgreSQL. */
export async function providePostgres(opts?: StackOptions): Promise<ProvidedPostgres> {
  return providePostgresInternal(opts);
}

/** KAFKA_BROKERS, else a single-node Kafka in KRaft mode on this machine's Java. */
export async function provideKafka(opts?: StackOptions): Promise<ProvidedKafka> {
  return provideKafkaInternal(opts);
}

/** Both, started in parallel; stop() stops both. */
export async function provideStack(opts?: StackOptions): Promise<Stack> {
  return provideStackInternal(opts);
}

export { afterExit, DEFAULT_BACKOFF, type AfterExit, type BackoffPolicy } from './supervisor/backoff.js';
export { supervise, type SupervisedProcess, type Supervisor, type SupervisorOptions } from './supervisor/supervise.js';
export { freePort } from './free-port.js';
