/**
 * kafkajs' request queue as patched by service-kit (kafka/request-queue-fix.ts),
 * on a real RequestQueue instance and fake timers: an idle connection arms no
 * timer, one with pending requests still checks them, and timed-out requests
 * are still failed, looked for once a second.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KafkaRequestQueue, REQUEST_TIMEOUT_CHECK_MS } from '../src/kafka/request-queue-fix.js';

interface Queue {
  pending: unknown[];
  inflight: Map<number, { sentAt: number; requestTimeout: number; timeoutRequest(): void }>;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  scheduleCheckPendingRequests(): void;
  scheduleRequestTimeoutCheck(): void;
  destroy(): void;
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const logger = { ...quiet, namespace: () => quiet };

function queue(connected = true): Queue {
  const RequestQueue = KafkaRequestQueue as unknown as new (options: Record<string, unknown>) => Queue;
  return new RequestQueue({ maxInFlightRequests: null, requestTimeout: 30_000, enforceRequestTimeout: true, clientId: 'test', broker: 'b:9092', logger, isConnected: () => connected });
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the patched kafkajs request queue', () => {
  it('arms no timer to check pending requests when none are pending', () => {
    const q = queue();
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('still checks pending requests when there are some', () => {
    const q = queue();
    q.pending.push({});
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).not.toBeNull();
    q.destroy();
  });

  it('fails a request that outlived its timeout, looking once a second', async () => {
    const q = queue();
    const timedOut = vi.fn();
    const waiting = vi.fn();
    q.inflight.set(1, { sentAt: Date.now() - 30_001, requestTimeout: 30_000, timeoutRequest: timedOut });
    q.inflight.set(2, { sentAt: Date.now() - 10_000, requestTimeout: 30_000, timeoutRequest: waiting });
    q.scheduleRequestTimeoutCheck();
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_CHECK_MS - 1);
    expect(timedOut).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(timedOut).toHaveBeenCalledTimes(1);
    expect(waiting).not.toHaveBeenCalled();
    q.destroy();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops looking once the connection is gone', async () => {
    const q = queue(false);
    q.scheduleRequestTimeoutCheck();
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_CHECK_MS);
    expect(vi.getTimerCount()).toBe(0);
  });
});
