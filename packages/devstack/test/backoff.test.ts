import { describe, expect, it } from 'vitest';
import { afterExit, type BackoffPolicy } from '../src/index.js';

const policy: BackoffPolicy = { initialMs: 500, maxMs: 10_000, stableAfterMs: 30_000 };

describe('afterExit', () => {
  it('restarts after the initial delay when the process had been up a while', () => {
    expect(afterExit(0, 60_000, policy)).toEqual({ failures: 1, delayMs: 500 });
    expect(afterExit(7, 30_000, policy)).toEqual({ failures: 1, delayMs: 500 });
  });

  it('doubles the delay for each quick exit in a row, up to the maximum', () => {
    let failures = 0;
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const next = afterExit(failures, 1_000, policy);
      failures = next.failures;
      delays.push(next.delayMs);
    }
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000]);
  });

  it('starts over once a run lasted long enough', () => {
    const crashing = afterExit(5, 100, policy);
    expect(crashing.delayMs).toBe(10_000);
    expect(afterExit(crashing.failures, 29_999, policy).delayMs).toBe(10_000);
    expect(afterExit(crashing.failures, 30_000, policy).delayMs).toBe(500);
  });

  it('stays finite however long the crash loop', () => {
    expect(afterExit(10_000, 0, policy)).toEqual({ failures: 10_001, delayMs: 10_000 });
  });
});
