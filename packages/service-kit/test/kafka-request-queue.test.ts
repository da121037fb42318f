/**
 * kafkajs' request queue as patched by service-kit (kafka/request-queue-fix.ts),
 * on a real RequestQueue instance and fake timers: an idle connection arms no
 * timer at all, one with pending requests still checks them, and a request in
 * flight is failed when it outlives its timeout, not before.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KafkaRequestQueue } from '../src/kafka/request-queue-fix.js';

interface FakeRequest {
  correlationId: number;
  expectResponse: boolean;
  sentAt: number | null;
  requestTimeout: number;
  send(): void;
  timeoutRequest(): void;
  completed(): void;
}

interface Queue {
  pending: unknown[];
  inflight: Map<number, FakeRequest>;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  scheduleCheckPendingRequests(): void;
  scheduleRequestTimeoutCheck(): void;
  sendSocketRequest(request: FakeRequest): void;
  fulfillRequest(response: { correlationId: number; payload: unknown; size: number }): void;
  destroy(): void;
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const logger = { ...quiet, namespace: () => quiet };

function queue(connected: () => boolean = () => true): Queue {
  const RequestQueue = KafkaRequestQueue as unknown as new (options: Record<string, unknown>) => Queue;
  return new RequestQueue({
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: true,
    clientId: 'test',
    broker: 'b:9092',
    logger,
    isConnected: connected,
  });
}

/** Behaves towards the queue as kafkajs' SocketRequest does: in flight once sent, out of it when it times out. */
function request(
  q: Queue,
  correlationId: number,
  requestTimeout: number,
): FakeRequest & { timedOut: ReturnType<typeof vi.fn> } {
  const timedOut = vi.fn();
  const made = {
    correlationId,
    expectResponse: true,
    sentAt: null as number | null,
    requestTimeout,
    timedOut,
    send() {
      q.inflight.set(correlationId, made);
      made.sentAt = Date.now();
    },
    timeoutRequest() {
      q.inflight.delete(correlationId);
      timedOut();
    },
    completed: () => undefined,
  };
  return made;
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

  it('arms no timer on an open connection with nothing in flight', () => {
    const q = queue();
    q.scheduleRequestTimeoutCheck();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fails a request in flight when it outlives its timeout, not before', async () => {
    const q = queue();
    q.scheduleRequestTimeoutCheck();
    const slow = request(q, 1, 30_000);
    q.sendSocketRequest(slow);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(slow.timedOut).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(slow.timedOut).toHaveBeenCalledTimes(1);
    // Nothing left in flight: nothing left to wake for.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fails a later request with a shorter timeout on its own time', async () => {
    const q = queue();
    const long = request(q, 1, 60_000);
    const short = request(q, 2, 10_000);
    q.sendSocketRequest(long);
    q.sendSocketRequest(short);
    await vi.advanceTimersByTimeAsync(10_001);
    expect(short.timedOut).toHaveBeenCalledTimes(1);
    expect(long.timedOut).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(50_000);
    expect(long.timedOut).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drops its timer once the last request in flight is answered', () => {
    const q = queue();
    const first = request(q, 1, 30_000);
    const second = request(q, 2, 30_000);
    q.sendSocketRequest(first);
    q.sendSocketRequest(second);
    q.fulfillRequest({ correlationId: 1, payload: null, size: 0 });
    expect(vi.getTimerCount()).toBe(1);
    q.fulfillRequest({ correlationId: 2, payload: null, size: 0 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops looking once the connection is gone', async () => {
    let connected = true;
    const q = queue(() => connected);
    const lost = request(q, 1, 30_000);
    q.sendSocketRequest(lost);
    q.sendSocketRequest(request(q, 2, 60_000));
    connected = false;
    await vi.advanceTimersByTimeAsync(30_001);
    expect(lost.timedOut).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears its timer when kafkajs destroys the queue', () => {
    const q = queue();
    q.sendSocketRequest(request(q, 1, 30_000));
    q.destroy();
    expect(vi.getTimerCount()).toBe(0);
  });
});
