// bench/import: the customer badge import end to end through the real
// gateway, catalog and issuance processes: 100,000 earned badges in
// 1,000-element batches from several concurrent clients (issue 4's goal on a
// 2-core machine: >= 20,000 elements/s). Prints elements per second and the
// CPU each process spent per element.
//   npm run bench -- import [--elements 100000] [--batch 1000] [--concurrency 4] [--members 1000] [--badges 5]
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { authorization, startSystem, TEST_MASTER_SECRET } from '@laurel/testkit';
import pg from 'pg';
import { cpuPerRequest, cpuSnapshot } from './lib/cpu.mjs';

const { values } = parseArgs({
  options: {
    elements: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '4' },
    members: { type: 'string', default: '1000' },
    badges: { type: 'string', default: '5' },
  },
});
const total = Number(values.elements);
const batchSize = Number(values.batch);
const concurrency = Number(values.concurrency);
const memberCount = Number(values.members);
const badgeCount = Number(values.badges);
const PATH = '/api_gateway/v1/badges/import/customerBadges';

const system = await startSystem('bench-import', { env: { LOG_LEVEL: 'warn', DATABASE_POOL_MAX: '10' } });
const admin = async (method, path, body) => {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const response = await fetch(system.gatewayUrl + path, {
    method,
    headers: {
      authorization: authorization({ method, path, body: text, secret: TEST_MASTER_SECRET }),
      ...(text && { 'content-type': 'application/json' }),
    },
    body: text,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
};

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
function put(body, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      system.gatewayUrl + PATH,
      {
        method: 'PUT',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// PostgreSQL's CPU for this benchmark only: its own database's backends, each
// compared with itself (other databases' backends come and go on a shared
// machine, which makes a sum over every postgres process meaningless); a
// backend opened during the run counts whole.
const pgClient = new pg.Client({ connectionString: system.database.url });
await pgClient.connect();
const procCpuMs = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
};
const backendCpu = async () => {
  const { rows } = await pgClient.query(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  return new Map(rows.map((r) => [r.pid, procCpuMs(r.pid)]).filter(([, ms]) => ms !== undefined));
};
const backendDelta = (before, after) => [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

try {
  await admin('POST', '/systems', { slug: 'bench', name: 'Bench', url: 'https://bench.example.org' });
  const { consumer } = await admin('POST', '/admin/systems/bench/consumers', {
    name: 'importer',
    permissions: ['badge-import'],
  });
  const userIds = [];
  for (let i = 0; i < memberCount; i += 1000) {
    const chunk = Array.from({ length: Math.min(1000, memberCount - i) }, (_, j) => ({
      username: `m${i + j}`,
      email: `m${i + j}@bench.example.org`,
    }));
    userIds.push(...(await admin('POST', '/admin/systems/bench/members', chunk)).members.map((m) => m.userId));
  }
  const badgeIds = [];
  for (let i = 0; i < badgeCount; i += 1) {
    const { badge } = await admin('POST', '/systems/bench/badges', {
      slug: `import-${i}`,
      name: `Import ${i}`,
      earnerDescription: 'Imported',
      consumerDescription: 'Imported',
      criteriaUrl: 'https://bench.example.org/c',
      unique: 0,
      image: 'https://bench.example.org/b.png',
      type: 'bench',
    });
    badgeIds.push(String(badge.id));
  }
  const token = await (
    await fetch(`${system.gatewayUrl}/v3/oauth/token/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: consumer.key, secret: consumer.secret }),
    })
  ).json();
  const headers = { 'x-cap-api-oauth-token': token.data.accessToken };

  const now = Math.floor(Date.now() / 1000);
  let serial = 0;
  const batchBody = () => {
    const n = serial++;
    return JSON.stringify(
      Array.from({ length: batchSize }, (_, i) => ({
        badgeMetaId: badgeIds[(n + i) % badgeIds.length],
        customerId: userIds[(n * batchSize + i) % userIds.length],
        earnEventDate: now - 86_400 - ((n * batchSize + i) % 10_000),
        earnExpiresOn: now + 365 * 86_400,
      })),
    );
  };
  const run = async (elements, label) => {
    const bodies = Array.from({ length: Math.ceil(elements / batchSize) }, batchBody);
    let next = 0;
    let failures = 0;
    let recorded = 0;
    const latencies = [];
    const client = async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const started = performance.now();
        const res = await put(body, headers);
        latencies.push(performance.now() - started);
        if (res.status !== 200) {
          failures++;
          console.error(`${label}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
          continue;
        }
        for (const r of JSON.parse(res.text)) if (r.errors === null) recorded++;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, client));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      seconds,
      recorded,
      failures,
      p50: latencies[Math.floor(latencies.length / 2)] ?? NaN,
      max: latencies.at(-1) ?? NaN,
    };
  };

  console.log(
    `\nbench/import on ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(
        ' ',
      )}; ${total} elements in ${batchSize}-element requests, ${concurrency} concurrent clients, ${memberCount} members, ${badgeCount} badges\n`,
  );
  // Warm-up: JIT, pools, plan caches.
  await run(Math.min(10 * batchSize, total), 'warm-up');
  const pids = {
    gateway: system.process('gateway').child().pid,
    issuance: system.process('issuance').child().pid,
    catalog: system.process('badge-catalog').child().pid,
    'load generator': process.pid,
  };
  const before = cpuSnapshot(pids);
  const backendsBefore = await backendCpu();
  const result = await run(total, 'measured');
  const { postgres: _all, ...perProcess } = cpuPerRequest(before, cpuSnapshot(pids), Math.max(1, result.recorded));
  const perElement = {
    postgres: backendDelta(backendsBefore, await backendCpu()) / Math.max(1, result.recorded),
    ...perProcess,
  };
  const rate = result.recorded / result.seconds;
  console.log(
    `PUT ${PATH}: ${result.recorded} earned badges in ${result.seconds.toFixed(2)} s = ${rate.toFixed(0)} elements/s   batch p50 ${result.p50.toFixed(0)} ms, max ${result.max.toFixed(0)} ms   (${result.failures} failed requests)`,
  );
  const totalCpu = Object.values(perElement).reduce((a, b) => a + b, 0);
  console.log(
    `  CPU per element: ${Object.entries(perElement)
      .map(([name, ms]) => `${name} ${(ms * 1000).toFixed(1)} µs`)
      .join(', ')}; total ${(totalCpu * 1000).toFixed(1)} µs`,
  );

  // What the awards leave behind after the answer: their events (outbox relay
  // to Kafka) and webhook deliveries (this site has no webhook, so the worker
  // drops them). Not part of the import's latency, but part of its cost.
  const drainBefore = cpuSnapshot(pids);
  const drainBackends = await backendCpu();
  const drainStart = performance.now();
  const pending = async () =>
    (
      await pgClient.query(
        `select (select count(*) from issuance.outbox)::int as outbox,
            (select count(*) from issuance.webhook_deliveries where status in ('pending', 'failing'))::int as deliveries`,
      )
    ).rows[0];
  let left = await pending();
  while ((left.outbox > 0 || left.deliveries > 0) && performance.now() - drainStart < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    left = await pending();
  }
  const { postgres: _drainAll, ...drainPerProcess } = cpuPerRequest(
    drainBefore,
    cpuSnapshot(pids),
    Math.max(1, result.recorded),
  );
  const drainPerElement = {
    postgres: backendDelta(drainBackends, await backendCpu()) / Math.max(1, result.recorded),
    ...drainPerProcess,
  };
  const drained = left.outbox === 0 && left.deliveries === 0;
  console.log(
    `after the run: outbox and webhook deliveries ${drained ? 'drained' : `NOT drained (${left.outbox} events, ${left.deliveries} deliveries left)`} in ${((performance.now() - drainStart) / 1000).toFixed(1)} s`,
  );
  console.log(
    `  CPU per element while draining: ${Object.entries(drainPerElement)
      .map(([name, ms]) => `${name} ${(ms * 1000).toFixed(1)} µs`)
      .join(', ')}`,
  );
  console.log(`\ngoal: >= 20000 elements/s -> ${rate >= 20_000 ? 'met' : 'NOT met'}`);
} finally {
  agent.destroy();
  await pgClient.end();
  await system.stop();
}
