/**
 * Process entry for every Laurel process: read and validate the config, start,
 * and stop cleanly on SIGTERM/SIGINT. A second signal, or a stop that takes
 * longer than `stopTimeoutMs`, ends the process at once.
 */
import { ConfigError } from './config.js';

export interface Stoppable {
  stop(): Promise<void>;
}

export interface RunMainOptions<C, S extends Stoppable> {
  name: string;
  loadConfig(): C;
  start(config: C): Promise<S>;
  stopTimeoutMs?: number;
  /** From startTelemetry: flushed after the service stopped, so the spans of its last requests are exported. */
  telemetry?: { shutdown(): Promise<void> };
}

/** A line on stderr in the same JSON shape as pino's, for failures outside any logger's reach. */
function report(level: 'fatal' | 'error', name: string, message: string, error?: unknown): void {
  let err: unknown;
  try {
    err =
      error instanceof Error
        ? { type: error.name, message: error.message, stack: error.stack }
        : error === undefined
          ? undefined
          : // String() of a thrown non-Error is the last resort, whatever it prints.
            // eslint-disable-next-line @typescript-eslint/no-base-to-string
            { value: String(error) };
  } catch {
    err = { value: 'unprintable' }; // a thrown object whose toString throws must not stop the report
  }
  process.stderr.write(
    `${JSON.stringify({ level, time: new Date().toISOString(), service: name, msg: message, err })}\n`,
  );
}

function fatal(name: string, message: string, error?: unknown): void {
  report('fatal', name, message, error);
}

/**
 * What a failure nobody caught does to the process.
 *
 * An unhandled rejection is a promise whose failure nobody awaited. The code
 * that created it ran to completion, so no invariant was left half-done; the
 * request it belonged to has already been answered or runs into its deadline.
 * Node's default (exit) would turn one bad request into an outage of every
 * request: that is how one non-ASCII slug took badge-catalog down. So it is
 * logged at error level, loudly and with its stack, and the process serves on.
 *
 * An uncaught exception is different: it unwinds a synchronous stack at an
 * arbitrary point (inside a driver's event handler, say), and what it
 * interrupted may be half-updated. A zombie serving from corrupt state is
 * worse than a restart, so it is logged as fatal and the process exits with
 * 1 for the supervisor to start it again.
 */
function guardProcess(name: string): void {
  process.on('unhandledRejection', (reason) =>
    report('error', name, 'unhandled promise rejection (a bug: someone did not await this); still serving', reason),
  );
  process.on('uncaughtException', (error, origin) => {
    fatal(name, `uncaught exception (${origin}); exiting so that the supervisor restarts a clean process`, error);
    process.exit(1);
  });
}

export async function runMain<C, S extends Stoppable>(options: RunMainOptions<C, S>): Promise<void> {
  guardProcess(options.name);
  let config: C;
  try {
    config = options.loadConfig();
  } catch (error) {
    fatal(options.name, error instanceof ConfigError ? error.message : 'cannot read configuration', error);
    process.exit(78); // EX_CONFIG
  }
  let running: S;
  try {
    running = await options.start(config);
  } catch (error) {
    fatal(options.name, 'failed to start', error);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(130);
    stopping = true;
    const timer = setTimeout(() => {
      fatal(options.name, `stop took longer than ${options.stopTimeoutMs ?? 8000} ms after ${signal}; exiting`);
      process.exit(1);
    }, options.stopTimeoutMs ?? 8000);
    timer.unref();
    running.stop().then(
      async () => {
        await options.telemetry
          ?.shutdown()
          .catch((error: unknown) => report('error', options.name, 'could not flush spans', error));
        process.exit(0);
      },
      (error: unknown) => {
        fatal(options.name, 'error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
