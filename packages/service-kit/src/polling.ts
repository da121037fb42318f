/**
 * The loop behind every background worker that drains a table (the outbox
 * relay, webhook deliveries, pending awards): run a round; if it found work,
 * run the next at once; if not, sleep until `idleMs` passes or someone calls
 * kick(); if it failed, back off exponentially and try again. Nothing is
 * skipped: a failed round simply runs again.
 */
export interface PollingLoop {
  /** Wakes the loop now (e.g. right after committing work for it). */
  kick(): void;
  /** Finishes the current round and stops. */
  stop(): Promise<void>;
}

export interface PollingLoopOptions {
  /** One round of work; resolves to true when there may be more to do right away. */
  round(): Promise<boolean>;
  idleMs: number;
  maxBackoffMs?: number;
  onError(error: unknown): void;
}

export function startPollingLoop(options: PollingLoopOptions): PollingLoop {
  let running = true;
  let wake: (() => void) | undefined;

  const loop = async () => {
    let wait = options.idleMs;
    while (running) {
      let more = false;
      try {
        more = await options.round();
        wait = options.idleMs;
      } catch (error) {
        options.onError(error);
        wait = Math.min(wait * 2, options.maxBackoffMs ?? 5000);
      }
      if (!running) break;
      if (more) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
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
    kick: () => wake?.(),
    stop: async () => {
      running = false;
      wake?.();
      await done;
    },
  };
}
