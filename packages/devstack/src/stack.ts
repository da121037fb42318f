import { DevstackError } from './errors.js';
import { provideKafka } from './kafka/provide.js';
import { providePostgres } from './postgres/provide.js';
import type { Stack, StackOptions } from './types.js';

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Starts PostgreSQL and Kafka side by side. If one fails, the other is stopped before the
 * error is passed on, so a failed start never leaves a server running. When both fail,
 * both messages are shown: fixing one at a time would cost the developer a second run.
 */
export async function provideStack(opts: StackOptions = {}): Promise<Stack> {
  const [postgres, kafka] = await Promise.allSettled([providePostgres(opts), provideKafka(opts)]);
  if (postgres.status === 'fulfilled' && kafka.status === 'fulfilled') {
    let stopping: Promise<void> | undefined;
    return {
      postgres: postgres.value,
      kafka: kafka.value,
      stop: () => (stopping ??= Promise.all([postgres.value.stop(), kafka.value.stop()]).then(() => undefined)),
    };
  }
  await Promise.all([
    postgres.status === 'fulfilled' ? postgres.value.stop() : undefined,
    kafka.status === 'fulfilled' ? kafka.value.stop() : undefined,
  ]);
  if (postgres.status === 'rejected' && kafka.status === 'rejected') {
    throw new DevstackError(`${messageOf(postgres.reason)}\n\n${messageOf(kafka.reason)}`, {
      cause: new AggregateError([postgres.reason, kafka.reason]),
    });
  }
  throw postgres.status === 'rejected' ? postgres.reason : kafka.status === 'rejected' ? kafka.reason : undefined;
}
