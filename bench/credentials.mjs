// bench/credentials: Open Badges 3.0 credentials through the real gateway,
// catalog and issuance processes (issue #11 item 7). Awards N badges with the
// BadgeKit API, then:
//  1. fetches each award's credential once, `concurrency` at a time: every one
//     of these first fetches signs (eddsa-rdfc-2022) and keeps the credential
//     and takes its status-list index, so this is credentials signed per second;
//  2. fetches the already-signed credentials under concurrent load for
//     `seconds`: the p99 of GET /public/credentials/:uid as verifiers see it.
// Awarding never signs (signing happens on first fetch): the awards are
// measured as well, and their issuance CPU per award shows no signature in it.
//   npm run bench -- credentials [--awards 2000] [--seconds 10] [--concurrency 32]
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startSystem } from '@laurel/testkit';
import { call as callGateway } from './lib/badgekit.mjs';
import { cpuPerRequest, cpuSnapshot, formatCpu } from './lib/cpu.mjs';
import { formatResult, percentile, runLoad } from './lib/load.mjs';

const { values } = parseArgs({
  options: {
    awards: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '32' },
  },
});
const awardCount = Number(values.awards);
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);

/** Sends each request once, `concurrency` at a time; the same figures as runLoad's, for a fixed set of requests. */
async function runEach({ baseUrl, paths }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  const errorStatuses = {};
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      const begun = process.hrtime.bigint();
      const status = await new Promise((resolve) => {
        http
          .get(baseUrl + path, { agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          })
          .on('error', () => resolve(0));
      });
      latencies.push(Number(process.hrtime.bigint() - begun) / 1e6);
      if (status !== 200) errorStatuses[status] = (errorStatuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const errors = Object.values(errorStatuses).reduce((a, b) => a + b, 0);
  return {
    requests: latencies.length,
    errors,
    errorStatuses,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
  };
}

const system = await startSystem('bench-credentials', { env: { LOG_LEVEL: 'warn', DATABASE_POOL_MAX: '10' } });
const call = (method, path, body) => callGateway(system.gatewayUrl, method, path, body);

try {
  const badge = '/systems/bench/badges/signed';
  await call(
    'POST',
    '/systems',
    JSON.stringify({
      slug: 'bench',
      name: 'Bench',
      url: 'https://bench.example.org',
      email: 'badges@bench.example.org',
    }),
  );
  await call(
    'POST',
    '/systems/bench/badges',
    JSON.stringify({
      slug: 'signed',
      name: 'Signed',
      strapline: 'Signed',
      earnerDescription: 'Earned by benchmarking',
      consumerDescription: 'Shows a benchmark ran',
      criteriaUrl: 'https://bench.example.org/criteria',
      unique: 1,
      type: 'bench',
      imageUrl: 'https://bench.example.org/badge.png',
      criteria: [{ description: 'Run it', required: 1, note: '' }],
      tags: ['bench'],
      alignments: [{ name: 'Speed', url: 'https://bench.example.org/speed', description: 'Fast' }],
    }),
  );
  console.log(
    `\nbench/credentials on ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${awardCount} awards, ${concurrency} concurrent clients, ${seconds} s for signed reads\n`,
  );
  const pids = {
    gateway: system.process('gateway').child().pid,
    catalog: system.process('badge-catalog').child().pid,
    issuance: system.process('issuance').child().pid,
    'load generator': process.pid,
  };

  // The awards themselves, measured too: they must cost no signing (issuance CPU per award far below a signature's).
  const uids = [];
  const awardLatencies = [];
  let nextAward = 0;
  let before = cpuSnapshot(pids);
  const awardsStarted = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (nextAward < awardCount) {
        const i = nextAward++;
        const begun = process.hrtime.bigint();
        const { instance } = await call(
          'POST',
          `${badge}/instances`,
          JSON.stringify({ email: `earner-${i}@example.org` }),
        );
        awardLatencies.push(Number(process.hrtime.bigint() - begun) / 1e6);
        uids.push(instance.slug);
      }
    }),
  );
  awardLatencies.sort((a, b) => a - b);
  console.log(
    formatResult('POST {S}/badges/:slug/instances (16 clients)', {
      requests: awardCount,
      errors: 0,
      rps: awardCount / (Number(process.hrtime.bigint() - awardsStarted) / 1e9),
      p50: percentile(awardLatencies, 50),
      p90: percentile(awardLatencies, 90),
      p99: percentile(awardLatencies, 99),
    }),
  );
  console.log(formatCpu(cpuPerRequest(before, cpuSnapshot(pids), awardCount)));
  const paths = uids.map((uid) => `/public/credentials/${uid}`);

  // Warm the signing path (JIT, the site's key, the jsonld contexts) on a few awards, not measured.
  const warm = paths.splice(0, Math.min(50, Math.floor(paths.length / 10)));
  await runEach({ baseUrl: system.gatewayUrl, paths: warm });

  before = cpuSnapshot(pids);
  const signing = await runEach({ baseUrl: system.gatewayUrl, paths });
  console.log(formatResult('GET /public/credentials/:uid (first: signs)', signing));
  console.log(formatCpu(cpuPerRequest(before, cpuSnapshot(pids), signing.requests)));
  if (signing.errors > 0) console.log(`  errors by status: ${JSON.stringify(signing.errorStatuses)}`);
  console.log(`  -> ${signing.rps.toFixed(0)} credentials signed per second`);

  const all = [...warm, ...paths];
  await runLoad({
    baseUrl: system.gatewayUrl,
    concurrency,
    seconds: 2,
    warmupSeconds: 0,
    nextRequest: (i) => ({ path: all[i % all.length] }),
  });
  before = cpuSnapshot(pids);
  const reads = await runLoad({
    baseUrl: system.gatewayUrl,
    concurrency,
    seconds,
    warmupSeconds: 0,
    nextRequest: (i) => ({ path: all[(i * 7919) % all.length] }),
  });
  console.log(formatResult('GET /public/credentials/:uid (signed before)', reads));
  console.log(formatCpu(cpuPerRequest(before, cpuSnapshot(pids), reads.requests)));
  if (reads.errors > 0) console.log(`  errors by status: ${JSON.stringify(reads.errorStatuses)}`);
} finally {
  await system.stop();
}
