/**
 * OpenTelemetry across the real processes: every process exports its spans
 * (the SDK's own OTLP exporter, http/json so that the test can read them) to
 * a small OTLP receiver in this test, and one BadgeKit claim must show up as
 * one trace through gateway, claim-code, badge-catalog, issuance, PostgreSQL
 * and the Kafka publish of its badge-awarded event; a v2 outcome must be one
 * trace from the gateway's Kafka send to the requirements consumer. Logs
 * written inside those spans carry the trace id, and the gateway writes an
 * info access line per request with the route pattern.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgekitRequest,
  eventually,
  startSystem,
  TEST_MASTER_SECRET,
  type JsonResponse,
  type TestSystem,
} from '@laurel/testkit';

interface ExportedSpan {
  service: string;
  scope: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  links: { traceId: string; spanId: string }[];
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpRequest {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: {
      scope?: { name?: string };
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        attributes?: OtlpAttribute[];
        links?: { traceId: string; spanId: string }[];
      }[];
    }[];
  }[];
}

const SPAN_KIND = { SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 } as const;

const valueOf = (v: OtlpValue): unknown => v.stringValue ?? v.intValue ?? v.boolValue;
const attributesOf = (list: OtlpAttribute[] | undefined) =>
  Object.fromEntries((list ?? []).map((a) => [a.key, valueOf(a.value)]));

/** An OTLP/HTTP receiver (JSON encoding), as a collector would run it. */
function startReceiver(spans: ExportedSpan[]): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (
        req.method !== 'POST' ||
        req.url !== '/v1/traces' ||
        !String(req.headers['content-type']).startsWith('application/json')
      ) {
        res.writeHead(415).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpRequest;
      for (const rs of body.resourceSpans ?? []) {
        const service = String(attributesOf(rs.resource?.attributes)['service.name']);
        for (const ss of rs.scopeSpans ?? []) {
          for (const s of ss.spans ?? []) {
            spans.push({
              service,
              scope: ss.scope?.name ?? '',
              traceId: s.traceId,
              spanId: s.spanId,
              parentSpanId: s.parentSpanId ?? '',
              name: s.name,
              kind: s.kind,
              attributes: attributesOf(s.attributes),
              links: (s.links ?? []).map((l) => ({ traceId: l.traceId, spanId: l.spanId })),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let system: TestSystem;
let receiver: Server;
const spans: ExportedSpan[] = [];

const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<JsonResponse> =>
  badgekitRequest(system.gatewayUrl, {
    secret: TEST_MASTER_SECRET,
    method,
    path,
    ...(body !== undefined && { body: JSON.stringify(body) }),
    ...(headers && { headers }),
  });

const inTrace = (traceId: string) => spans.filter((s) => s.traceId === traceId);
const has = (list: ExportedSpan[], test: (s: ExportedSpan) => boolean) => list.some(test);

async function v2(
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const res = await fetch(`${system.gatewayUrl}/api/v2${path}`, {
    method: 'POST',
    headers: { ...(body !== undefined && { 'Content-Type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return (await res.json()) as Record<string, unknown>;
}

type App = 'gateway' | 'claim-code' | 'badge-catalog' | 'issuance' | 'requirements';
type Line = Record<string, unknown>;
const logLines = (app: App) =>
  readFileSync(system.process(app).logFile, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
/** The lines that match, once there are some: a process writes its log a moment after it answered. */
const linesOf = (app: App, match: (l: Line) => boolean) =>
  eventually(
    () => Promise.resolve(logLines(app).filter(match)),
    (lines) => lines.length > 0,
    10_000,
  );

beforeAll(async () => {
  receiver = await startReceiver(spans);
  system = await startSystem('telemetry', {
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // Export soon after a span ends rather than every 5 s.
      OTEL_BSP_SCHEDULE_DELAY: '100',
      // debug: the services log each RPC they answer, which shows the trace id in their logs.
      LOG_LEVEL: 'debug',
    },
  });
  const org = (slug: string) => ({ slug, name: slug, url: `http://${slug}.example.org` });
  for (const [path, body] of [
    ['/systems', org('chicago')],
    [
      '/systems/chicago/badges',
      {
        slug: 'reader',
        name: 'Reader',
        earnerDescription: 'What you did',
        consumerDescription: 'What they did',
        criteriaUrl: 'http://example.org/criteria',
        unique: 1,
        image: 'http://example.org/badge.png',
        type: 'skill',
      },
    ],
    ['/systems/chicago/badges/reader/codes', { code: 'TRACE-ME' }],
  ] as const) {
    const res = await call('POST', path, body);
    expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(201);
  }
  const members = await call('POST', '/admin/systems/chicago/members', [
    { username: 'fan', email: 'fan@example.org', password: 'correct horse battery' },
    { username: 'boss', email: 'boss@example.org', password: 'correct horse battery', role: 'WEBMASTER' },
  ]);
  expect(members.status, JSON.stringify(members.body)).toBe(201);
}, 120_000);

afterAll(async () => {
  await system?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('a claim through the gateway', () => {
  const traceId = randomBytes(16).toString('hex');
  const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;

  it('is one trace from the gateway through claim-code, badge-catalog, issuance, PostgreSQL and Kafka', async () => {
    const res = await call(
      'POST',
      '/systems/chicago/badges/reader/codes/TRACE-ME/claim',
      { email: 'earner@example.org' },
      { traceparent },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    // The last spans to end: the relay's publish, and the gateway's request.
    const complete = (list: ExportedSpan[]) =>
      has(
        list,
        (s) =>
          s.service === 'issuance' && s.kind === SPAN_KIND.PRODUCER && s.attributes['messaging.system'] === 'kafka',
      ) && has(list, (s) => s.service === 'gateway' && s.kind === SPAN_KIND.SERVER);
    const trace = await eventually(() => Promise.resolve(inTrace(traceId)), complete, 30_000);

    const services = new Set(trace.map((s) => s.service));
    expect([...services].sort()).toEqual(
      expect.arrayContaining(['badge-catalog', 'claim-code', 'gateway', 'issuance']),
    );
    // The gateway's HTTP server span is named after the Express route, not the URL.
    const server = trace.find((s) => s.service === 'gateway' && s.kind === SPAN_KIND.SERVER);
    expect(server?.attributes['http.route']).toBe('/systems/:systemSlug/badges/:badgeSlug/codes/:code/claim');
    expect(has(trace, (s) => s.service === 'gateway' && s.scope.includes('express'))).toBe(true);
    // gRPC both ways: the gateway's and claim-code's client calls, the services' server spans.
    expect(
      has(
        trace,
        (s) => s.service === 'gateway' && s.kind === SPAN_KIND.CLIENT && s.attributes['rpc.system'] === 'grpc',
      ),
    ).toBe(true);
    for (const service of ['claim-code', 'badge-catalog', 'issuance']) {
      expect(
        has(
          trace,
          (s) => s.service === service && s.kind === SPAN_KIND.SERVER && s.attributes['rpc.system'] === 'grpc',
        ),
        service,
      ).toBe(true);
    }
    expect(
      has(
        trace,
        (s) =>
          s.service === 'claim-code' &&
          s.kind === SPAN_KIND.CLIENT &&
          String(s.attributes['rpc.service']).includes('Issuance'),
      ),
    ).toBe(true);
    // PostgreSQL in each service that wrote or read for the claim.
    for (const service of ['claim-code', 'issuance']) {
      expect(
        has(trace, (s) => s.service === service && s.attributes['db.system.name'] === 'postgresql'),
        service,
      ).toBe(true);
    }
    // The badge-awarded event, published later by the outbox relay, still belongs to the claim.
    const send = trace.find((s) => s.service === 'issuance' && s.kind === SPAN_KIND.PRODUCER);
    expect(String(send?.attributes['messaging.destination.name'])).toContain('badge-awarded');
    // Every span hangs off another span of the trace, except the caller's (whose parent is our traceparent).
    const ids = new Set(trace.map((s) => s.spanId));
    const roots = trace.filter((s) => !ids.has(s.parentSpanId));
    expect(roots.map((s) => `${s.service} ${s.name}`)).toEqual([expect.stringMatching(/^gateway /)]);
  }, 60_000);

  it('writes the trace id into the log lines of every process it went through', async () => {
    for (const app of ['claim-code', 'badge-catalog', 'issuance'] as const) {
      const lines = await linesOf(app, (l) => l.trace_id === traceId);
      expect(lines.length, app).toBeGreaterThan(0);
      expect(
        lines.every((l) => typeof l.span_id === 'string' && /^[0-9a-f]{16}$/.test(l.span_id)),
        app,
      ).toBe(true);
    }
  });

  it('writes an info access log line per request with the route pattern, status, duration and trace id', async () => {
    const access = await linesOf('gateway', (l) => l.msg === 'request' && l.trace_id === traceId);
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      level: 'info',
      method: 'POST',
      route: '/systems/:systemSlug/badges/:badgeSlug/codes/:code/claim',
      status: 200,
      ms: expect.any(Number),
    });
    expect(JSON.stringify(access[0])).not.toContain('TRACE-ME');
  });
});

describe('claims made at once', () => {
  it('each keep their own trace through the calls they share, which link to every one of them', async () => {
    const created = await call('POST', '/systems/chicago/badges/reader/codes', { code: 'TRACE-MANY', multiuse: true });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const traces = Array.from({ length: 20 }, () => ({
      traceId: randomBytes(16).toString('hex'),
      spanId: randomBytes(8).toString('hex'),
    }));
    const answers = await Promise.all(
      traces.map(({ traceId, spanId }, i) =>
        call(
          'POST',
          '/systems/chicago/badges/reader/codes/TRACE-MANY/claim',
          { email: `many-${i}@example.org` },
          { traceparent: `00-${traceId}-${spanId}-01` },
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(traces.map(() => 200));

    // Some of them shared a call: its span starts a trace of its own, linked to the requests it carried.
    const ids = new Set(traces.map((t) => t.traceId));
    const sharedSpans = await eventually(
      () =>
        Promise.resolve(
          spans.filter((s) => s.service === 'gateway' && /ClaimEach shared by \d+ requests/.test(s.name)),
        ),
      (list) => list.length > 0,
      30_000,
    );
    for (const span of sharedSpans) {
      expect(ids.has(span.traceId)).toBe(false);
      expect(span.links.length).toBeGreaterThan(1);
      expect(span.links.every((l) => ids.has(l.traceId))).toBe(true);
    }
    // Yet each claim's work downstream stayed in its own trace: the award's event, published by issuance's relay.
    for (const { traceId } of traces) {
      // Each process exports its spans on its own schedule: wait for the gateway's too, not just the last hop's.
      const trace = await eventually(
        () => Promise.resolve(inTrace(traceId)),
        (list) =>
          has(list, (s) => s.service === 'issuance' && s.kind === SPAN_KIND.PRODUCER) &&
          has(list, (s) => s.service === 'gateway' && s.kind === SPAN_KIND.SERVER),
        30_000,
      );
      expect(
        has(trace, (s) => s.service === 'gateway' && s.kind === SPAN_KIND.SERVER),
        traceId,
      ).toBe(true);
    }
    // And the services' log lines for each item carry its request's trace id.
    for (const app of ['claim-code', 'issuance'] as const) {
      const lines = await eventually(
        () => Promise.resolve(logLines(app).filter((l) => ids.has(String(l.trace_id)))),
        (list) => new Set(list.map((l) => l.trace_id)).size === ids.size,
        10_000,
      );
      expect(new Set(lines.map((l) => l.trace_id)).size, app).toBe(ids.size);
    }
  }, 90_000);
});

describe('a v2 outcome', () => {
  const traceId = randomBytes(16).toString('hex');
  const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;

  it('is one trace from the gateway through Kafka to the requirements consumer and its database work', async () => {
    const boss = String(
      (await v2('/Login', { tenant: 'chicago', userName: 'boss', password: 'correct horse battery' })).token,
    );
    const form = { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
    const siteId = String(((await call('GET', '/systems/chicago')).body as { system: { id: number } }).system.id);
    const action = await fetch(`${system.gatewayUrl}/rest/badgeaction/add/${siteId}`, {
      ...form,
      body: new URLSearchParams({ t: boss, name: 'Quiz' }).toString(),
    });
    expect(((await action.json()) as { status: number }).status).toBe(1);
    const fan = String(
      (await v2('/Login', { tenant: 'chicago', userName: 'fan', password: 'correct horse battery' })).token,
    );

    const outcome = await v2(`/Outcome/${fan}/Quiz`, undefined, { traceparent });
    expect(outcome.resultCode, JSON.stringify(outcome)).toBe(0);

    const complete = (list: ExportedSpan[]) =>
      has(list, (s) => s.service === 'requirements' && s.kind === SPAN_KIND.CONSUMER) &&
      has(list, (s) => s.service === 'gateway' && s.kind === SPAN_KIND.SERVER);
    const trace = await eventually(() => Promise.resolve(inTrace(traceId)), complete, 30_000);
    const send = trace.find((s) => s.service === 'gateway' && s.kind === SPAN_KIND.PRODUCER);
    expect(String(send?.attributes['messaging.destination.name'])).toContain('outcome-recorded');
    const consume = trace.find((s) => s.service === 'requirements' && s.kind === SPAN_KIND.CONSUMER);
    expect(consume?.parentSpanId).toBe(send?.spanId);
    // kafkajs' own instrumentation is active too: its per-batch span links to the producer.
    await eventually(
      () => Promise.resolve(spans),
      (all) =>
        has(
          all,
          (s) =>
            s.service === 'requirements' &&
            s.scope.includes('kafkajs') &&
            s.links.some((l) => l.spanId === send?.spanId),
        ),
      30_000,
    );
    // The consumer's transaction (one event in it) runs in the event's trace.
    expect(
      has(
        trace,
        (s) =>
          s.service === 'requirements' &&
          s.attributes['db.system.name'] === 'postgresql' &&
          s.parentSpanId === consume?.spanId,
      ),
    ).toBe(true);
    // The login token in the path never reaches a span (v2-badge-api.md).
    const server = trace.find((s) => s.service === 'gateway' && s.kind === SPAN_KIND.SERVER);
    expect(server?.attributes['url.path']).toBe('/api/v2/Outcome/***/Quiz');
    expect(JSON.stringify(trace)).not.toContain(fan);
  }, 60_000);
});
