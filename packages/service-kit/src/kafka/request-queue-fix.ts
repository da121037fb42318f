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
 * 2. Each connection looked for timed-out requests every 100 ms for as long
 *    as it was open, in flight or not: a timer per connection waking every
 *    service ten times a second (once a second after a first fix, still the
 *    most frequent wake-up of an idle service; issue 10). A connection now
 *    arms one timer, and only while requests are in flight: for the moment
 *    the earliest of them would time out, dropped once none is. An idle
 *    connection wakes nothing; a consumer's, always waiting on a fetch, once
 *    per request timeout (30 s and more); a request that outlives its
 *    timeout still fails, on time rather than at the next look.
 */
import { createRequire } from 'node:module';

interface InflightRequest {
  /** Null until the request is written to the socket. */
  sentAt: number | null;
  requestTimeout: number;
  timeoutRequest(): void;
}

const TIMER = Symbol('laurel.kafkajs.request-timeout-timer');
const DUE = Symbol('laurel.kafkajs.request-timeout-due');

interface RequestQueueInternals {
  pending: unknown[];
  inflight: Map<number, InflightRequest>;
  enforceRequestTimeout: boolean;
  isConnected(): boolean;
  destroy(): void;
  sendSocketRequest(request: unknown): void;
  fulfillRequest(response: unknown): void;
  scheduleCheckPendingRequests(): void;
  scheduleRequestTimeoutCheck(): void;
  [TIMER]?: NodeJS.Timeout;
  [DUE]?: number;
}

export interface RequestQueueClass {
  prototype: RequestQueueInternals;
}

/** kafkajs' internal class; kafkajs has no `exports` map, so its files can be required directly. */
export const KafkaRequestQueue = createRequire(import.meta.url)(
  'kafkajs/src/network/requestQueue/index.js',
) as RequestQueueClass;

const PATCHED = Symbol.for('laurel.kafkajs.idle-request-queue');

/** When the first request in flight times out (kafkajs fails it once it has waited longer than its timeout). */
function earliestDue(queue: RequestQueueInternals): number | undefined {
  let earliest: number | undefined;
  for (const request of queue.inflight.values()) {
    const due = (request.sentAt ?? Date.now()) + request.requestTimeout + 1;
    if (earliest === undefined || due < earliest) earliest = due;
  }
  return earliest;
}

function disarm(queue: RequestQueueInternals): void {
  clearTimeout(queue[TIMER]);
  queue[TIMER] = undefined;
  queue[DUE] = undefined;
}

/** Makes sure a timer fires when the earliest request in flight is due (an earlier timer already does). */
function armTimeoutCheck(queue: RequestQueueInternals): void {
  if (!queue.enforceRequestTimeout) return;
  const due = earliestDue(queue);
  if (due === undefined || (queue[TIMER] && queue[DUE]! <= due)) return;
  disarm(queue);
  queue[DUE] = due;
  queue[TIMER] = setTimeout(
    () => {
      queue[TIMER] = undefined;
      queue[DUE] = undefined;
      const now = Date.now();
      // kafkajs' own check; failing a request removes it from `inflight`, hence the copy.
      for (const request of [...queue.inflight.values()]) {
        if (request.sentAt !== null && now - request.sentAt > request.requestTimeout) request.timeoutRequest();
      }
      if (queue.isConnected()) armTimeoutCheck(queue);
      else queue.destroy();
    },
    Math.max(0, due - Date.now()),
  );
}

export function quietIdleRequestQueues(queue: RequestQueueClass): void {
  const proto = queue.prototype as RequestQueueInternals & { [PATCHED]?: true };
  // Kept unbound on purpose: each replacement below calls its original with `.call(this)`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const { scheduleCheckPendingRequests, sendSocketRequest, fulfillRequest, destroy } = proto;
  const methods = [
    scheduleCheckPendingRequests,
    // eslint-disable-next-line @typescript-eslint/unbound-method
    proto.scheduleRequestTimeoutCheck,
    sendSocketRequest,
    fulfillRequest,
    destroy,
  ];
  if (proto[PATCHED] || methods.some((method) => typeof method !== 'function')) return;
  proto.scheduleCheckPendingRequests = function (this: RequestQueueInternals) {
    if (this.pending.length === 0) return;
    scheduleCheckPendingRequests.call(this);
  };
  // Called when the connection opens: kafkajs started its interval here; now only what is in flight arms a timer.
  proto.scheduleRequestTimeoutCheck = function (this: RequestQueueInternals) {
    if (!this.enforceRequestTimeout) return;
    this.destroy();
    armTimeoutCheck(this);
  };
  proto.sendSocketRequest = function (this: RequestQueueInternals, request: unknown) {
    sendSocketRequest.call(this, request);
    armTimeoutCheck(this);
  };
  proto.fulfillRequest = function (this: RequestQueueInternals, response: unknown) {
    fulfillRequest.call(this, response);
    if (this.inflight.size === 0) disarm(this);
  };
  // kafkajs destroys the queue when the connection closes (and on every new connection).
  proto.destroy = function (this: RequestQueueInternals) {
    destroy.call(this);
    disarm(this);
  };
  proto[PATCHED] = true;
}

quietIdleRequestQueues(KafkaRequestQueue);
