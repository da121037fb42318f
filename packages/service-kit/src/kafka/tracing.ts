/**
 * The trace of a request continues through Kafka (W3C `traceparent` and
 * `tracestate` headers, written and read by OpenTelemetry's propagator).
 *
 * kafkajs' instrumentation covers a message sent while its request's context
 * is active. Laurel's events are not: the outbox relay publishes rows long
 * after their request's transaction committed, and the gateway sends the
 * outcomes of many requests in one batch. The instrumentation would give every
 * message of a send the context active at the send (the relay's, or the first
 * request's). So each message carries the context it was created in (its
 * headers, stored with the outbox row), and the send gets one producer span
 * per message as a child of that context; the instrumentation is kept out of
 * these sends so that it does not overwrite the headers.
 *
 * On the consuming side the instrumentation starts a span per fetched batch
 * that only links to the producers; consumeSpans() continues each event's own
 * trace instead.
 */
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { IHeaders } from 'kafkajs';

const tracer = trace.getTracer('@laurel/service-kit');

/** The active context as propagation headers, to store with a message created now and sent later. */
export function traceHeaders(active: Context = context.active()): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(active, headers);
  return headers;
}

const headerGetter = {
  keys: (carrier: IHeaders) => Object.keys(carrier),
  get: (carrier: IHeaders, key: string) => {
    const raw = carrier[key];
    const first = Array.isArray(raw) ? raw[0] : raw;
    return first === undefined ? undefined : first.toString();
  },
};

/** The context a message's headers carry (the root context when they carry none). */
export function contextOf(headers: IHeaders | undefined): Context {
  return headers ? propagation.extract(ROOT_CONTEXT, headers, headerGetter) : ROOT_CONTEXT;
}

export interface TracedMessage {
  topic: string;
  headers: Record<string, string>;
}

/**
 * Runs `send` for messages created earlier, each in its own trace: one
 * producer span per message, child of the context in its headers, whose ids
 * replace the message's propagation headers. The spans end when `send`
 * settles. `messages` are changed in place (their headers).
 */
export async function sendInTheirTraces<T>(messages: TracedMessage[], send: () => Promise<T>): Promise<T> {
  const spans: Span[] = [];
  for (const message of messages) {
    const parent = contextOf(message.headers);
    const span = tracer.startSpan(
      `send ${message.topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.operation.name': 'send',
          'messaging.destination.name': message.topic,
        },
      },
      parent,
    );
    spans.push(span);
    message.headers = { ...message.headers, ...traceHeaders(trace.setSpan(parent, span)) };
  }
  try {
    return await context.with(suppressTracing(context.active()), send);
  } catch (error) {
    for (const span of spans) {
      span.recordException(asException(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}

/** One consumer span per event, child of the context its message carried; end them once the event is applied. */
export function consumeSpans(topic: string, group: string, headers: (IHeaders | undefined)[]): Span[] {
  return headers.map((h) =>
    tracer.startSpan(
      `process ${topic}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.operation.name': 'process',
          'messaging.destination.name': topic,
          'messaging.consumer.group.name': group,
        },
      },
      contextOf(h),
    ),
  );
}

/** Ends consumer spans, marking them failed when the events could not be applied. */
/** Whatever was thrown, as a span exception: String() is the last resort for a value that is not an Error. */
const asException = (error: unknown): Error | string => (error instanceof Error ? error : String(error));

export function endSpans(spans: Span[], error?: unknown): void {
  for (const span of spans) {
    if (error !== undefined) {
      span.recordException(asException(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  }
}
