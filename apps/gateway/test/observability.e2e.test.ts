/**
 * What an operator sees of a running system (issue 12, items 5 and 6): every
 * process's /metrics after a claim that awards and a webhook delivery,
 * per-family readiness while one service is down (each family's routes keep
 * their own error format), and gRPC reflection listing only what each port
 * serves.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgekitRequest,
  eventually,
  listGrpcServices,
  scrape,
  startSystem,
  TEST_MASTER_SECRET,
  type AppName,
  type Scrape,
  type TestSystem,
} from '@laurel/testkit';

let system: TestSystem;
let receiver: Server;
let delivered = 0;

const master = (method: string, path: string, body?: unknown) =>
  badgekitRequest(system.gatewayUrl, {
    method,
    path,
    secret: TEST_MASTER_SECRET,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

const SERVICES = {
  'badge-catalog': 'laurel.catalog.v1.Catalog',
  'claim-code': 'laurel.claimcodes.v1.ClaimCodes',
  requirements: 'laurel.requirements.v1.Requirements',
  issuance: 'laurel.issuance.v1.Issuance',
} as const;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      delivered++;
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  system = await startSystem('observability');
  const steps: [string, string, unknown][] = [
    ['POST', '/systems', { slug: 'ops', name: 'Ops', url: 'https://ops.example.org' }],
    [
      'PUT',
      '/admin/systems/ops/webhook',
      {
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
        secret: 'a-webhook-secret-0123456789',
      },
    ],
    [
      'POST',
      '/systems/ops/badges',
      {
        slug: 'watcher',
        name: 'Watcher',
        earnerDescription: 'Watched',
        consumerDescription: 'Watched',
        criteriaUrl: 'https://ops.example.org/c',
        unique: 1,
        image: 'https://ops.example.org/w.png',
        type: 'skill',
      },
    ],
    ['POST', '/systems/ops/badges/watcher/codes', { code: 'ops-code-1' }],
    ['POST', '/systems/ops/badges/watcher/codes/ops-code-1/claim', { email: 'earner@example.org' }],
  ];
  for (const [method, path, body] of steps) {
    const res = await master(method, path, body);
    expect(res.status, `${method} ${path} ${JSON.stringify(res.body)}`).toBeLessThan(300);
  }
}, 120_000);

afterAll(async () => {
  await system?.stop();
  receiver?.close();
});

const metricsOf = (app: AppName): Promise<Scrape> => scrape(system.metricsUrl(app));

describe('metrics', () => {
  it('every process serves /metrics with its pool, and only the gRPC metrics it records', async () => {
    for (const app of ['gateway', ...Object.keys(SERVICES)] as AppName[]) {
      const metrics = await metricsOf(app);
      const states = metrics
        .find('laurel_db_pool_connections')
        .map((s) => s.labels.state)
        .sort();
      expect(states, app).toEqual(['idle', 'in_use', 'waiting']);
      expect(metrics.sum('laurel_db_pool_max'), app).toBeGreaterThan(0);
      expect(metrics.find('laurel_db_pool_connections', { state: 'waiting' })[0]?.value, app).toBe(0);
      expect(metrics.types.has('laurel_grpc_server_seconds'), app).toBe(app !== 'gateway');
      // The catalog calls nobody; the others hold clients.
      expect(metrics.types.has('laurel_grpc_client_seconds'), app).toBe(app !== 'badge-catalog');
      expect(metrics.types.has('laurel_http_request_seconds'), app).toBe(app === 'gateway');
      expect(metrics.find('nodejs_eventloop_lag_seconds').length, app).toBe(1);
    }
  });

  it('counts the gRPC calls of a claim on both sides', async () => {
    // The calls made are the shared ones (*Each, service-kit shared-call.ts); the server also counts each of their
    // items as a call of the single method, with the status its own call would have had.
    const claim = { method: 'laurel.claimcodes.v1.ClaimCodes/Claim', code: 'OK' };
    const award = { method: 'laurel.issuance.v1.Issuance/Award', code: 'OK' };
    const claimEach = { method: 'laurel.claimcodes.v1.ClaimCodes/ClaimEach', code: 'OK' };
    const awardEach = { method: 'laurel.issuance.v1.Issuance/AwardEach', code: 'OK' };
    expect((await metricsOf('gateway')).sum('laurel_grpc_client_seconds_count', claimEach)).toBeGreaterThanOrEqual(1);
    const claimCode = await metricsOf('claim-code');
    expect(claimCode.sum('laurel_grpc_server_seconds_count', claimEach)).toBeGreaterThanOrEqual(1);
    expect(claimCode.sum('laurel_grpc_server_seconds_count', claim)).toBeGreaterThanOrEqual(1);
    expect(claimCode.sum('laurel_grpc_client_seconds_count', awardEach)).toBeGreaterThanOrEqual(1);
    const issuance = await metricsOf('issuance');
    expect(issuance.sum('laurel_grpc_server_seconds_count', awardEach)).toBeGreaterThanOrEqual(1);
    expect(issuance.sum('laurel_grpc_server_seconds_count', award)).toBeGreaterThanOrEqual(1);
    // A call that fails is labelled with its status code.
    expect(
      (await master('POST', '/systems/ops/badges/watcher/codes/no-such-code/claim', { email: 'x@example.org' })).status,
    ).toBe(404);
    const failed = (await metricsOf('claim-code')).find('laurel_grpc_server_seconds_count', { method: claim.method });
    expect(failed.some((s) => s.labels.code === 'NOT_FOUND' && s.value >= 1)).toBe(true);
  });

  it('reports outbox backlog and age where events are published, and nowhere else', async () => {
    for (const app of ['issuance', 'requirements'] as const) {
      const metrics = await metricsOf(app);
      expect(metrics.find('laurel_outbox_backlog'), app).toHaveLength(1);
      expect(metrics.sum('laurel_outbox_backlog'), app).toBeGreaterThanOrEqual(0);
      expect(metrics.find('laurel_outbox_oldest_age_seconds'), app).toHaveLength(1);
      expect(metrics.sum('laurel_outbox_oldest_age_seconds'), app).toBeGreaterThanOrEqual(0);
    }
    // The award's event leaves issuance's outbox: the backlog drains to nothing, and so does its age.
    await eventually(
      () => metricsOf('issuance'),
      (m) => m.sum('laurel_outbox_backlog') === 0 && m.sum('laurel_outbox_oldest_age_seconds') === 0,
    );
    expect((await metricsOf('issuance')).sum('laurel_outbox_published_total')).toBeGreaterThanOrEqual(1);
    for (const app of ['gateway', 'badge-catalog', 'claim-code'] as const)
      expect((await metricsOf(app)).types.has('laurel_outbox_backlog'), app).toBe(false);
  });

  it('reports consumer lag per group, topic and partition, and dead letters from zero', async () => {
    const metrics = await metricsOf('requirements');
    const lag = metrics.find('laurel_kafka_consumer_lag');
    const groups = new Set(lag.map((s) => s.labels.group));
    expect([...groups].sort()).toEqual([
      `${system.topicPrefix}laurel.requirements.outcomes`,
      `${system.topicPrefix}laurel.requirements.reevaluation`,
    ]);
    for (const sample of lag) {
      expect(sample.labels.topic).toMatch(new RegExp(`^${system.topicPrefix}laurel\\.`));
      expect(sample.labels.partition).toMatch(/^\d+$/);
      expect(sample.value).toBeGreaterThanOrEqual(0);
    }
    // One series per partition of each topic, none twice.
    const keys = lag.map((s) => `${s.labels.group}/${s.labels.topic}/${s.labels.partition}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      metrics
        .find('laurel_events_dead_lettered_total')
        .map((s) => s.labels.kind)
        .sort(),
    ).toEqual(['refused', 'refused', 'undecodable', 'undecodable']);
    expect(metrics.sum('laurel_events_dead_lettered_total')).toBe(0);
    expect((await metricsOf('issuance')).types.has('laurel_kafka_consumer_lag')).toBe(false);
  });

  it('counts webhook deliveries by outcome', async () => {
    const metrics = await eventually(
      () => metricsOf('issuance'),
      (m) => m.sum('laurel_webhook_deliveries_total', { outcome: 'delivered' }) >= 1,
    );
    expect(delivered).toBeGreaterThanOrEqual(1);
    expect(
      metrics
        .find('laurel_webhook_deliveries_total')
        .map((s) => s.labels.outcome)
        .sort(),
    ).toEqual(['abandoned', 'delivered', 'dropped', 'retrying']);
    expect(metrics.sum('laurel_webhook_deliveries_total', { outcome: 'abandoned' })).toBe(0);
  });
});

describe('gRPC reflection', () => {
  it('lists only the service each port serves', async () => {
    for (const [app, service] of Object.entries(SERVICES)) {
      expect(await listGrpcServices(`127.0.0.1:${system.ports[app as AppName]}`), app).toEqual([service]);
    }
  });
});

// Last: it kills requirements.
describe('per-family readiness', () => {
  const readyz = async (query = '') => {
    const res = await fetch(`${system.gatewayUrl}/readyz${query}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('reports every dependency and family while all is up', async () => {
    const all = await readyz();
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({
      status: 'ready',
      checks: {
        database: true,
        kafka: true,
        'badge-catalog': true,
        'claim-code': true,
        requirements: true,
        issuance: true,
      },
      families: { badgekit: { ready: true, down: [] }, v2: { ready: true, down: [] } },
    });
    expect((await readyz('?family=all')).status).toBe(200);
    const unknown = await readyz('?family=nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.families).toContain('kickapps');
  });

  it('fails only the families that need a service that is down, which answer in their own format', async () => {
    await master('POST', '/admin/systems/ops/members', [
      { username: 'fan', email: 'fan@example.org', password: 'correct horse battery' },
    ]);
    const login = await fetch(`${system.gatewayUrl}/api/v2/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'ops', userName: 'fan', password: 'correct horse battery' }),
    });
    const { token } = (await login.json()) as { token: string };
    expect(token).toBeTruthy();

    await system.process('requirements').kill('SIGKILL');
    const overall = await readyz();
    expect(overall.status).toBe(200);
    expect(overall.body).toMatchObject({
      checks: { requirements: false, 'badge-catalog': true },
      families: {
        badgekit: { ready: true },
        kickapps: { ready: false, down: ['requirements'] },
        v2: { ready: false, down: ['requirements'] },
      },
    });
    for (const family of ['badgekit', 'badgekit-claim-codes', 'public', 'admin', 'import'])
      expect((await readyz(`?family=${family}`)).status, family).toBe(200);
    for (const family of ['kickapps', 'v2', 'all']) {
      const answer = await readyz(`?family=${family}`);
      expect(answer.status, family).toBe(503);
      expect(answer.body).toMatchObject({ status: 'unavailable', family, checks: { requirements: false } });
    }

    // A route that needs requirements answers in v2's envelope; one that does not still works.
    const outcome = await fetch(`${system.gatewayUrl}/api/v2/Outcome/${token}/Quiz`, { method: 'POST' });
    expect(outcome.status).toBe(503);
    expect(await outcome.json()).toMatchObject({ resultCode: 503, resultMessage: expect.any(String) });
    expect((await master('GET', '/systems/ops/badges/watcher')).status).toBe(200);

    await system.process('requirements').restart();
    await eventually(
      () => readyz('?family=v2'),
      (r) => r.status === 200,
    );
  });
});
