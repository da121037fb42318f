/**
 * Messages sent later than they were created keep the trace they were created
 * in (kafka/tracing.ts), against the real OpenTelemetry SDK with an in-memory
 * exporter: no Kafka is needed, the send is any function.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { consumeSpans, endSpans, sendInTheirTraces, traceHeaders } from '../src/kafka/tracing.js';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = () => trace.getTracer('test');

beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});

afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});

beforeEach(() => exporter.reset());

/** The headers a message gets when it is created inside a request's span. */
function createdIn(name: string): { traceId: string; spanId: string; headers: Record<string, string> } {
  const span = tracer().startSpan(name);
  const headers = context.with(trace.setSpan(ROOT_CONTEXT, span), () => traceHeaders());
  span.end();
  return { traceId: span.spanContext().traceId, spanId: span.spanContext().spanId, headers };
}

describe('sendInTheirTraces', () => {
  it('gives each message a producer span in the trace it was created in, and sends it with that span as parent', async () => {
    const a = createdIn('request a');
    const b = createdIn('request b');
    expect(a.traceId).not.toBe(b.traceId);
    const messages: { topic: string; headers: Record<string, string> }[] = [
      { topic: 'events', headers: { 'event-type': 'x', ...a.headers } },
      { topic: 'events', headers: { ...b.headers } },
    ];
    // The relay sends from its own span: the messages must not join it.
    const relay = tracer().startSpan('relay');
    const sentHeaders = await context.with(trace.setSpan(ROOT_CONTEXT, relay), () =>
      sendInTheirTraces(messages, () => Promise.resolve(messages.map((m) => ({ ...m.headers })))),
    );
    relay.end();

    const sends = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.PRODUCER);
    expect(sends.map((s) => [s.spanContext().traceId, s.parentSpanContext?.spanId])).toEqual([
      [a.traceId, a.spanId],
      [b.traceId, b.spanId],
    ]);
    expect(sends.every((s) => s.name === 'send events' && s.attributes['messaging.system'] === 'kafka')).toBe(true);
    // What went out names the producer span, and the other headers are kept.
    expect(sentHeaders[0]?.traceparent).toBe(`00-${a.traceId}-${sends[0]?.spanContext().spanId}-01`);
    expect(sentHeaders[1]?.traceparent).toBe(`00-${b.traceId}-${sends[1]?.spanContext().spanId}-01`);
    expect(sentHeaders[0]?.['event-type']).toBe('x');
  });

  it('starts a trace for a message created outside any, and marks the spans failed when the send fails', async () => {
    const messages = [{ topic: 'events', headers: {} as Record<string, string> }];
    await expect(sendInTheirTraces(messages, () => Promise.reject(new Error('broker down')))).rejects.toThrow(
      'broker down',
    );
    const [send] = exporter.getFinishedSpans();
    expect(send?.parentSpanContext).toBeUndefined();
    expect(send?.status.code).toBe(2);
    expect(messages[0]?.headers.traceparent).toContain(send?.spanContext().traceId);
  });

  it('hides the send itself from tracing, so that an instrumented client cannot rewrite the headers', async () => {
    const messages = [{ topic: 'events', headers: createdIn('request').headers }];
    await sendInTheirTraces(messages, () => {
      tracer().startSpan('what kafkajs instrumentation would start').end();
      return Promise.resolve();
    });
    expect(exporter.getFinishedSpans().map((s) => s.name)).not.toContain('what kafkajs instrumentation would start');
  });
});

describe('consumeSpans', () => {
  it('continues each event in the trace its message carried', () => {
    const a = createdIn('producer a');
    const spans = consumeSpans('events', 'group', [a.headers, undefined]);
    endSpans(spans);
    const [first, second] = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.CONSUMER);
    expect(first?.spanContext().traceId).toBe(a.traceId);
    expect(first?.parentSpanContext?.spanId).toBe(a.spanId);
    expect(first?.attributes['messaging.consumer.group.name']).toBe('group');
    expect(second?.parentSpanContext).toBeUndefined();
  });
});
