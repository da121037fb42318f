/**
 * A request reads the catalog's change version once on its whole path
 * (service-kit grpc/request-scope.ts): the gateway reads it, and issuance,
 * claim-code and the gateway's own later catalog calls use the stamp the
 * gateway carried. Counted in the real processes (laurel_change_version_reads,
 * one PostgreSQL round trip each). And the caches stay exact across two
 * gateway + issuance replicas: a write through one is seen by the very next
 * request through the other, a stamp a client sends as an HTTP header is
 * ignored, and nothing is read from a stamp of an earlier request.
 */
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgekitRequest,
  freePort,
  REPO_ROOT,
  scrape,
  startProcess,
  startSystem,
  TEST_MASTER_SECRET,
  type AppName,
  type JsonResponse,
  type ProcessHandle,
  type TestSystem,
} from '@laurel/testkit';

let system: TestSystem;
/** The second replica pair: a gateway whose issuance is the second issuance. */
let replicas: ProcessHandle[] = [];
let secondGatewayUrl: string;
let secondIssuanceMetrics: string;
let db: pg.Client;

/** The catalog's change version now, as the processes read it. */
const changeVersion = async (): Promise<string> =>
  (await db.query<{ version: string }>('select catalog.change_version() as version')).rows[0]?.version ?? '';

const S = '/systems/carried';
const BADGE = {
  earnerDescription: 'Did it',
  consumerDescription: 'They did it',
  criteriaUrl: 'https://example.org/criteria',
  unique: 1,
  image: 'https://example.org/badge.png',
  type: 'skill',
};

const call = (
  method: string,
  path: string,
  body?: unknown,
  options: { via?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse> =>
  badgekitRequest(options.via ?? system.gatewayUrl, {
    secret: TEST_MASTER_SECRET,
    method,
    path,
    ...(body !== undefined && { body: JSON.stringify(body) }),
    ...(options.headers && { headers: options.headers }),
  });

/** Change-version reads each process of the first replica pair made so far. */
async function reads(): Promise<Record<string, number>> {
  const apps: AppName[] = ['gateway', 'issuance', 'claim-code'];
  const counts = await Promise.all(
    apps.map(async (app) =>
      (await scrape(system.metricsUrl(app))).sum('laurel_change_version_reads', { owner: 'catalog' }),
    ),
  );
  return Object.fromEntries(apps.map((app, i) => [app, counts[i] ?? 0]));
}

/** What `request` added to reads(). */
async function readsDuring(request: () => Promise<JsonResponse>, status: number): Promise<Record<string, number>> {
  const before = await reads();
  expect((await request()).status).toBe(status);
  const after = await reads();
  return Object.fromEntries(Object.entries(after).map(([app, count]) => [app, count - (before[app] ?? 0)]));
}

beforeAll(async () => {
  system = await startSystem('catalog-version-carried');
  db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  const logDir = join(
    REPO_ROOT,
    '.laurel',
    'test-logs',
    `catalog-version-carried-replicas-${system.database.name.slice(-8)}`,
  );
  const [issuancePort, issuanceMetricsPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
  replicas.push(
    await startProcess(
      'issuance',
      issuancePort,
      { ...system.env, METRICS_PORT: String(issuanceMetricsPort) },
      { logDir },
    ),
  );
  replicas.push(
    await startProcess(
      'gateway',
      gatewayPort,
      { ...system.env, ISSUANCE_ADDR: `127.0.0.1:${issuancePort}` },
      { logDir },
    ),
  );
  secondGatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  secondIssuanceMetrics = `http://127.0.0.1:${issuanceMetricsPort}/metrics`;

  expect(
    (await call('POST', '/systems', { slug: 'carried', name: 'Carried', url: 'https://example.org' })).status,
  ).toBe(201);
  for (const slug of ['counted', 'archived', 'renamed'])
    expect((await call('POST', `${S}/badges`, { slug, name: `Badge ${slug}`, ...BADGE })).status).toBe(201);
  expect((await call('POST', `${S}/badges/counted/codes`, { code: 'many-times', multiuse: true })).status).toBe(201);
});

afterAll(async () => {
  await db?.end();
  await Promise.all(replicas.map((p) => p.kill('SIGTERM')));
  replicas = [];
  await system?.stop();
});

describe('one change-version read per request', () => {
  it('for an award: the gateway reads, issuance uses the stamp it was handed', async () => {
    // The first award fills the caches and prepares the statements; the count is about the steady state.
    expect((await call('POST', `${S}/badges/counted/instances`, { email: 'warm@example.org' })).status).toBe(201);
    for (let i = 0; i < 3; i++) {
      expect(
        await readsDuring(
          () => call('POST', `${S}/badges/counted/instances`, { email: `award-${i}@example.org` }),
          201,
        ),
      ).toEqual({ gateway: 1, issuance: 0, 'claim-code': 0 });
    }
  });

  it('for a claim: the gateway reads, claim-code passes the stamp on to issuance', async () => {
    expect(
      (
        await call('POST', `${S}/badges/counted/instances`, {
          email: 'warm-claim@example.org',
          claimCode: 'many-times',
        })
      ).status,
    ).toBe(201);
    for (let i = 0; i < 3; i++) {
      expect(
        await readsDuring(
          () =>
            call('POST', `${S}/badges/counted/instances`, { email: `claim-${i}@example.org`, claimCode: 'many-times' }),
          201,
        ),
      ).toEqual({ gateway: 1, issuance: 0, 'claim-code': 0 });
    }
  });

  it('for every request anew: a read badge answered from the cache still reads once', async () => {
    expect(await readsDuring(() => call('GET', `${S}/badges/counted`), 200)).toEqual({
      gateway: 1,
      issuance: 0,
      'claim-code': 0,
    });
    expect(await readsDuring(() => call('GET', `${S}/badges/counted`), 200)).toEqual({
      gateway: 1,
      issuance: 0,
      'claim-code': 0,
    });
  });
});

describe('reads and awards after writes through the other replica', () => {
  it('refuses to award a badge archived through the other gateway, whatever stamp the client sends', async () => {
    // Both replica pairs have the badge cached as earnable, under the stamp of the moment.
    expect((await call('POST', `${S}/badges/archived/instances`, { email: 'first@example.org' })).status).toBe(201);
    expect(
      (await call('POST', `${S}/badges/archived/instances`, { email: 'second@example.org' }, { via: secondGatewayUrl }))
        .status,
    ).toBe(201);
    // The stamp both caches hold the badge under: what a client replaying it would hope to be trusted with.
    const stale = await changeVersion();
    expect((await call('PUT', `${S}/badges/archived`, { archived: 'true' }, { via: secondGatewayUrl })).status).toBe(
      200,
    );
    for (const [i, via] of [system.gatewayUrl, secondGatewayUrl].entries()) {
      const refused = await call(
        'POST',
        `${S}/badges/archived/instances`,
        { email: `late-${i}@example.org` },
        { via, headers: { 'laurel-catalog-version': stale } },
      );
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('archived');
    }
  });

  it('answers the new name at once after a rename through the other gateway', async () => {
    for (let i = 0; i < 5; i++) {
      const [writer, reader] =
        i % 2 === 0 ? [system.gatewayUrl, secondGatewayUrl] : [secondGatewayUrl, system.gatewayUrl];
      const before = await changeVersion();
      await call('GET', `${S}/badges/renamed`, undefined, { via: reader });
      expect((await call('PUT', `${S}/badges/renamed`, { name: `Name ${i}` }, { via: writer })).status).toBe(200);
      const read = await call('GET', `${S}/badges/renamed`, undefined, {
        via: reader,
        headers: { 'laurel-catalog-version': before },
      });
      expect((read.body as { badge?: { name?: string } }).badge?.name).toBe(`Name ${i}`);
    }
  });

  it('the second issuance reads no stamp of its own either', async () => {
    const before = (await scrape(secondIssuanceMetrics)).sum('laurel_change_version_reads', { owner: 'catalog' });
    expect(
      (
        await call(
          'POST',
          `${S}/badges/counted/instances`,
          { email: 'second-replica@example.org' },
          { via: secondGatewayUrl },
        )
      ).status,
    ).toBe(201);
    expect((await scrape(secondIssuanceMetrics)).sum('laurel_change_version_reads', { owner: 'catalog' })).toBe(before);
  });
});
