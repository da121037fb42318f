/**
 * Structured JSON logs (pino). Every line names the service; a line written
 * while a span is active (a request, an RPC, an event being handled) carries
 * its trace_id and span_id, so logs of one request line up across processes
 * and with its trace. Request ids are added with child loggers.
 */
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

/** The active span's ids, in the names OpenTelemetry's log data model uses. */
export function traceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan();
  // A new object every time: pino merges the line's own fields into it.
  if (!span) return {};
  const spanContext = span.spanContext();
  // Without an SDK (in-process tests) spans carry the all-zero invalid ids: nothing to correlate.
  return isSpanContextValid(spanContext) ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
}

export function createLogger(service: string, level: LevelWithSilent = 'info'): Logger {
  return pino({
    level,
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: traceFields,
  });
}
