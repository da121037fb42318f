import { provideKafka } from './kafka/provide.js';
import { providePostgres } from './postgres/provide.js';
import type { Stack, StackOptions } from './types.js';

/**
 * Starts PostgreSQL and Kafka side by side. If one fails, the other is stopped before the
 * error is passed on, so a failed start never leaves a server running.
 */
export async function provideStack(opts: StackOptions = {}): Promise<Stack> {
  const [postgres, kafka] = await Promise.allSettled([providePostgres(opts), provideKafka(opts)]);
  if (postgres.status === 'fulfilled' && kafka.status === 'fulfilled') {
    let stopping: Promise<void> | undefined;
    return {
      postgres: postgres.value,
      kafka: kafka.value,
      stop: () =>
        (stopping ??= Promise.all([postgres.value.stop(), kafka.value.stop()]).then(() => undefined)),
    };
  }
  await Promise.all([
    postgres.status === 'fulfilled' ? postgres.value.stop() : undefined,
    kafka.status === 'fulfilled' ? kafka.value.stop() : undefined,
  ]);
  throw postgres.status === 'rejected' ? postgres.reason : kafka.status === 'rejected' ? kafka.reason : undefined;
}
