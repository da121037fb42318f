import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { stopChild } from '../process/stop-child.js';
import { tether, type Tether } from '../process/tether.js';
import { afterExit, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';

export interface SupervisedProcess {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Standard output and error of every run are appended to this file. */
  logFile: string;
}

export interface SupervisorOptions {
  log(line: string): void;
  policy?: BackoffPolicy;
  /** stop() sends SIGTERM, then SIGKILL to what is still running after this long. */
  stopGraceMs?: number;
  /**
   * Called instead of a restart when a process exits with a code that restarting cannot
   * fix: 78 (EX_CONFIG), an invalid setting.
   */
  onGiveUp?(name: string, code: number): void;
}

export interface Supervisor {
  /** The pid of each process that is running now. */
  pids(): Map<string, number>;
  /** Stops every process (and pending restarts); resolves once all have exited. */
  stop(): Promise<void>;
}

const EX_CONFIG = 78;

interface Slot {
  spec: SupervisedProcess;
  output: number;
  failures: number;
  child?: ChildProcess;
  restart?: NodeJS.Timeout;
}

/**
 * Runs processes and restarts each one that exits while the supervisor is not stopping,
 * with a backoff; the others keep running. Each child gets a watchdog (see tether.ts) so
 * that it does not outlive the supervisor even if the supervisor is SIGKILLed, and its
 * own process group, so that a Ctrl-C at the terminal reaches only the supervisor, which
 * then stops everything in order.
 */
export function supervise(specs: SupervisedProcess[], opts: SupervisorOptions): Supervisor {
  const policy = opts.policy ?? DEFAULT_BACKOFF;
  const graceMs = opts.stopGraceMs ?? 6_000;
  let stopping: Promise<void> | undefined;
  const slots: Slot[] = specs.map((spec) => ({ spec, output: fs.openSync(spec.logFile, 'a'), failures: 0 }));

  const launch = (slot: Slot): void => {
    slot.restart = undefined;
    if (stopping) return;
    const { spec } = slot;
    const startedAt = Date.now();
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      // A file rather than a pipe: the child's writes never depend on the supervisor reading.
      stdio: ['ignore', slot.output, slot.output],
      detached: true,
    });
    slot.child = child;
    let watchdog: Tether | undefined;
    if (child.pid !== undefined) watchdog = tether(child.pid, { signal: 'TERM', graceMs });

    let ended = false;
    const onEnd = (why: string, code: number | null): void => {
      if (ended) return;
      ended = true;
      watchdog?.release();
      if (slot.child === child) slot.child = undefined;
      if (stopping) return;
      if (code === EX_CONFIG && opts.onGiveUp) {
        opts.log(`${spec.name} exited (${why}): invalid configuration, not restarting; see ${spec.logFile}`);
        opts.onGiveUp(spec.name, code);
        return;
      }
      const next = afterExit(slot.failures, Date.now() - startedAt, policy);
      slot.failures = next.failures;
      opts.log(
        `${spec.name} exited (${why}); restarting in ${next.delayMs / 1000} s` +
          `${next.failures > 1 ? ` (exit ${next.failures} in a row)` : ''}; see ${spec.logFile}`,
      );
      slot.restart = setTimeout(() => launch(slot), next.delayMs);
    };
    child.once('exit', (code, signal) => onEnd(signal ?? `code ${code}`, code));
    // A spawn that fails (e.g. ENOENT) emits 'error' and possibly no 'exit'.
    child.once('error', (error) => {
      if (child.pid === undefined) onEnd(error.message, null);
    });
  };

  for (const slot of slots) launch(slot);

  return {
    pids: () => {
      const pids = new Map<string, number>();
      for (const slot of slots) if (slot.child?.pid !== undefined) pids.set(slot.spec.name, slot.child.pid);
      return pids;
    },
    stop: () =>
      (stopping ??= (async () => {
        for (const slot of slots) clearTimeout(slot.restart);
        await Promise.all(slots.map((slot) => (slot.child ? stopChild(slot.child, graceMs) : Promise.resolve())));
        for (const slot of slots) fs.closeSync(slot.output);
      })()),
  };
}
