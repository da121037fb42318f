/**
 * The loop behind every background worker that drains a table (the outbox
 * relay, webhook deliveries, pending awards): run a round; if it found work,
 * run the next at once; if not, sleep until someone wakes it (kick(), a
 * notification, work it knows becomes due) or `idleMs` passes; if it failed,
 * back off exponentially and try again. Nothing is skipped: a failed round
 * simply runs again.
 *
 * `idleMs` is only the safety net for work nobody announced (written by a
 * process that died before its wake, or by hand), so it can be long: an idle
 * worker then costs nothing between rounds.
 */
import { DEFAULT_WORK_POLL_MS } from './config.js';
import type { WorkListener } from './db/notifications.js';

export interface PollingLoop {
  /** Wakes the loop now (e.g. right after committing work for it); a kick during a round runs another round. */
  kick(): void;
  /** Finishes the current round and stops. */
  stop(): Promise<void>;
}

/**
 * What a round found: `true` when there may be more to do right away, `false`
 * when there is nothing, or the number of milliseconds until the earliest work
 * it knows of (a retry it scheduled) becomes due.
 */
export type RoundResult = boolean | number;

export interface PollingLoopOptions {
  round(): Promise<RoundResult>;
  idleMs: number;
  maxBackoffMs?: number;
  onError(error: unknown): void;
  /** Also wakes on these notification channels (and after the listener reconnects). */
  wakeOn?: { listener: WorkListener; channels: readonly string[] };
}

/**
 * The default safety-net poll of workers that are woken when work is written:
 * rare enough to cost nothing measurable, short enough that work left by a
 * writer that died is picked up within seconds, and shorter than the pool's
 * 30 s idle timeout, so the poll reuses a connection instead of opening one.
 */
export const WORK_POLL_MS = DEFAULT_WORK_POLL_MS;

/** The first retry after a failed round; doubled on each failure in a row, up to maxBackoffMs. */
const FIRST_BACKOFF_MS = 200;

/** setTimeout refuses delays beyond a signed 32-bit number of milliseconds. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function startPollingLoop(options: PollingLoopOptions): PollingLoop {
  let running = true;
  let kicked = false;
  let wake: (() => void) | undefined;

  const kick = () => {
    kicked = true;
    wake?.();
  };
  const { wakeOn } = options;
  const unsubscribe = wakeOn ? wakeOn.channels.map((channel) => wakeOn.listener.subscribe(channel, kick)) : [];

  const loop = async () => {
    let backoff = FIRST_BACKOFF_MS;
    while (running) {
      kicked = false;
      let wait = options.idleMs;
      try {
        const result = await options.round();
        backoff = FIRST_BACKOFF_MS;
        if (result === true) continue;
        if (typeof result === 'number') wait = Math.max(0, Math.min(result, options.idleMs));
        // Work announced while the round ran may have committed after the round looked for it.
        if (kicked) continue;
      } catch (error) {
        options.onError(error);
        wait = backoff;
        backoff = Math.min(backoff * 2, options.maxBackoffMs ?? 5000);
      }
      if (!running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(wait, MAX_TIMER_MS));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  };
  const done = loop();

  return {
    kick,
    stop: async () => {
      running = false;
      for (const off of unsubscribe) off();
      wake?.();
      await done;
    },
  };
}
