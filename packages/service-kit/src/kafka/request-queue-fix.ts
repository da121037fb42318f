/**
 * Two timers of kafkajs 2.2.4 (its last release) that kept every broker
 * connection busy while nothing happened; both patched once, on import, on
 * the one RequestQueue class every kafkajs client in the process shares.
 *
 * 1. After each check of its pending requests a connection re-armed that
 *    check even when nothing was pending: with no throttling the delay is
 *    negative, so each connection ran a 1 ms timer loop for as long as it was
 *    open (kafkajs issues #1556, #1704; the fix, PR #1667, was never
 *    released). That loop was most of an idle service's CPU and competes with
 *    requests under load. With nothing pending there is nothing to check:
 *    push() schedules a check whenever it queues a request, and
 *    fulfillRequest() checks on every answer.
 * 2. Each connection looked for timed-out requests every 100 ms. Requests
 *    time out after 30 s or more, so looking once a second is as good.
 */
import { createRequire } from 'node:module';

interface InflightRequest {
  sentAt: number;
  requestTimeout: number;
  timeoutRequest(): void;
}

interface RequestQueueInternals {
  pending: unknown[];
  inflight: Map<number, InflightRequest>;
  enforceRequestTimeout: boolean;
  requestTimeout: number;
  requestTimeoutIntervalId?: NodeJS.Timeout;
  isConnected(): boolean;
  destroy(): void;
  scheduleCheckPendingRequests(): void;
  scheduleRequestTimeoutCheck(): void;
}

export interface RequestQueueClass {
  prototype: RequestQueueInternals;
}

/** kafkajs' internal class; kafkajs has no `exports` map, so its files can be required directly. */
export const KafkaRequestQueue = createRequire(import.meta.url)('kafkajs/src/network/requestQueue/index.js') as RequestQueueClass;

/** How often a connection looks for requests that outlived their timeout. */
export const REQUEST_TIMEOUT_CHECK_MS = 1000;

const PATCHED = Symbol.for('laurel.kafkajs.idle-request-queue');

export function quietIdleRequestQueues(queue: RequestQueueClass): void {
  const proto = queue.prototype as RequestQueueInternals & { [PATCHED]?: true };
  if (proto[PATCHED] || typeof proto.scheduleCheckPendingRequests !== 'function' || typeof proto.scheduleRequestTimeoutCheck !== 'function') return;
  const scheduleCheckPendingRequests = proto.scheduleCheckPendingRequests;
  proto.scheduleCheckPendingRequests = function (this: RequestQueueInternals) {
    if (this.pending.length === 0) return;
    scheduleCheckPendingRequests.call(this);
  };
  // kafkajs' own method, with the interval changed.
  proto.scheduleRequestTimeoutCheck = function (this: RequestQueueInternals) {
    if (!this.enforceRequestTimeout) return;
    this.destroy();
    this.requestTimeoutIntervalId = setInterval(() => {
      for (const request of this.inflight.values()) {
        if (Date.now() - request.sentAt > request.requestTimeout) request.timeoutRequest();
      }
      if (!this.isConnected()) this.destroy();
    }, Math.min(this.requestTimeout, REQUEST_TIMEOUT_CHECK_MS));
  };
  proto[PATCHED] = true;
}

quietIdleRequestQueues(KafkaRequestQueue);
