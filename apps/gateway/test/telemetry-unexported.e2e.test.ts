/**
 * Without OTEL_EXPORTER_OTLP_ENDPOINT nothing is exported, but spans keep
 * their ids (telemetry.ts): a caller's trace id still reaches every process's
 * log lines, and the gateway writes its access line at info.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, eventually, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';

let system: TestSystem;

const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  badgekitRequest(system.gatewayUrl, {
    secret: TEST_MASTER_SECRET,
    method,
    path,
    ...(body !== undefined && { body: JSON.stringify(body) }),
    ...(headers && { headers }),
  });

type Line = Record<string, unknown>;
const logLines = (app: 'gateway' | 'badge-catalog') =>
  readFileSync(system.process(app).logFile, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
/** The lines that match, once there are some: a process writes its log a moment after it answered. */
const linesOf = (app: 'gateway' | 'badge-catalog', match: (l: Line) => boolean) =>
  eventually(
    () => Promise.resolve(logLines(app).filter(match)),
    (lines) => lines.length > 0,
    10_000,
  );

beforeAll(async () => {
  // debug: badge-catalog logs each RPC it answers.
  system = await startSystem('telemetry-unexported', {
    apps: ['badge-catalog', 'gateway'],
    env: { LOG_LEVEL: 'debug' },
  });
  const created = await call('POST', '/systems', {
    slug: 'chicago',
    name: 'Chicago',
    url: 'http://chicago.example.org',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

describe('trace ids without an exporter', () => {
  it("carries the caller's trace id into the gateway's access line and the service's log lines", async () => {
    const traceId = randomBytes(16).toString('hex');
    const res = await call('GET', '/systems/chicago', undefined, {
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
    });
    expect(res.status).toBe(200);

    const access = await linesOf('gateway', (l) => l.msg === 'request' && l.trace_id === traceId);
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      level: 'info',
      method: 'GET',
      route: '/systems/:systemSlug',
      status: 200,
      span_id: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    const served = await linesOf('badge-catalog', (l) => l.trace_id === traceId);
    expect(served.map((l) => l.msg)).toContain('rpc ok');
    // The service's span is its own, a child in the same trace.
    expect(served[0]?.span_id).not.toBe(access[0]?.span_id);
  });

  it('starts a trace for a request that brings none, and logs requests nobody routed as unmatched', async () => {
    const res = await call('GET', '/no/such/route/42');
    expect(res.status).toBe(404);
    const access = await linesOf('gateway', (l) => l.msg === 'request' && l.route === 'unmatched');
    expect(access.at(-1)).toMatchObject({
      level: 'info',
      status: 404,
      trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(JSON.stringify(access.at(-1))).not.toContain('/no/such/route/42');
  });
});
