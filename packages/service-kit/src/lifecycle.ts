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
}

/** A line on stderr in the same JSON shape as pino's, for failures before a logger exists. */
function fatal(name: string, message: string, error?: unknown): void {
  const err = error instanceof Error ? { type: error.name, message: error.message, stack: error.stack } : undefined;
  process.stderr.write(`${JSON.stringify({ level: 'fatal', time: new Date().toISOString(), service: name, msg: message, err })}\n`);
}

export async function runMain<C, S extends Stoppable>(options: RunMainOptions<C, S>): Promise<void> {
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
      () => process.exit(0),
      (error: unknown) => {
        fatal(options.name, 'error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
