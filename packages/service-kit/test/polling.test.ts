/**
 * The polling loop's timing rules, on fake timers: with a long safety-net
 * interval it runs again only when kicked (also during a round), when a
 * round says when its next work falls due, or after a failure, with backoff.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPollingLoop, type RoundResult } from '../src/polling.js';

const HOUR = 60 * 60 * 1000;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A loop whose rounds answer from `results` (then false), recording when each round started. */
function recorded(
  results: (RoundResult | Error)[],
  options: { idleMs?: number; onRound?: (n: number) => Promise<void> } = {},
) {
  const started: number[] = [];
  const errors: unknown[] = [];
  const loop = startPollingLoop({
    idleMs: options.idleMs ?? HOUR,
    onError: (error) => errors.push(error),
    async round() {
      started.push(Date.now());
      await options.onRound?.(started.length);
      const next = results.shift() ?? false;
      if (next instanceof Error) throw next;
      return next;
    },
  });
  return { loop, started, errors };
}

describe('startPollingLoop', () => {
  it('runs once at start, then sleeps until kicked', async () => {
    const { loop, started } = recorded([]);
    await vi.advanceTimersByTimeAsync(10 * 60 * 1000);
    expect(started).toHaveLength(1);
    loop.kick();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(2);
    await loop.stop();
  });

  it('runs another round when kicked while a round runs, since that round may have looked too early', async () => {
    let release: () => void = () => undefined;
    const { loop, started } = recorded([], {
      onRound: (n) => (n === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve()),
    });
    await vi.advanceTimersByTimeAsync(0);
    loop.kick();
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(10 * 60 * 1000);
    expect(started).toHaveLength(2);
    await loop.stop();
  });

  it('goes on at once while rounds find more, and wakes when a round says its next work is due', async () => {
    const { loop, started } = recorded([true, true, 1500]);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1499);
    expect(started).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toHaveLength(4);
    expect(started[3]! - started[2]!).toBe(1500);
    await loop.stop();
  });

  it('never sleeps past the safety-net interval, whatever a round says', async () => {
    const { loop, started } = recorded([5 * HOUR], { idleMs: 10_000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(started).toHaveLength(2);
    await loop.stop();
  });

  it('retries a failed round after 200 ms, doubling while it keeps failing, however long the safety net', async () => {
    const { loop, started, errors } = recorded([new Error('a'), new Error('b'), new Error('c'), false]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(errors).toHaveLength(3);
    expect(started.slice(1).map((t, i) => t - started[i]!)).toEqual([200, 400, 800]);
    await loop.stop();
  });

  it('stops between rounds without waiting for the interval', async () => {
    const { loop, started } = recorded([]);
    await vi.advanceTimersByTimeAsync(0);
    await loop.stop();
    loop.kick();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(started).toHaveLength(1);
  });
});
