// bench/claim-codes: concurrent signed BadgeKit claim-code requests through the
// real gateway, catalog, claim-code and issuance processes (issue 5's goal on a
// 2-core machine: >= 3,000 code retrievals/s and >= 1,000 claims/s, p99 < 50 ms).
// Each claim takes a distinct single-use code, so every one records a claim
// and awards a badge through issuance.
//   npm run bench -- claim-codes [--seconds 10] [--concurrency 32] [--codes 30000]
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startSystem } from '@laurel/testkit';
import { call as callGateway, signed } from './lib/badgekit.mjs';
import { cpuPerRequest, cpuSnapshot, formatCpu } from './lib/cpu.mjs';
import { formatResult, runLoad } from './lib/load.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '32' },
    codes: { type: 'string', default: '30000' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const codeCount = Number(values.codes);

const system = await startSystem('bench-claim-codes', { env: { LOG_LEVEL: 'warn', DATABASE_POOL_MAX: '10' } });
const call = (method, path, body) => callGateway(system.gatewayUrl, method, path, body);

try {
  const badge = '/systems/bench/badges/coded';
  await call('POST', '/systems', JSON.stringify({ slug: 'bench', name: 'Bench', url: 'https://bench.example.org' }));
  await call(
    'POST',
    '/systems/bench/badges',
    JSON.stringify({
      slug: 'coded',
      name: 'Coded',
      earnerDescription: 'Claimed a code',
      consumerDescription: 'Holds a claimed code',
      criteriaUrl: 'https://bench.example.org/criteria',
      unique: 1,
      type: 'bench',
      imageUrl: 'https://bench.example.org/badge.png',
      criteria: [{ description: 'Claim it', required: 1, note: '' }],
      tags: ['bench'],
      categories: ['speed'],
    }),
  );
  // The bulk extension draws the codes, 10,000 per statement.
  const codes = [];
  while (codes.length < codeCount) {
    const { claimCodes } = await call(
      'POST',
      `${badge}/codes/random`,
      JSON.stringify({ count: Math.min(10_000, codeCount - codes.length) }),
    );
    codes.push(...claimCodes.map((c) => c.code));
  }
  const retrievals = codes.slice(0, 1000).map((code) => signed('GET', `${badge}/codes/${code}`));
  let nextClaim = 1000;
  const claim = () => {
    const code = codes[nextClaim++];
    if (code === undefined) throw new Error(`ran out of codes; raise --codes above ${codes.length}`);
    return signed('POST', `${badge}/codes/${code}/claim`, JSON.stringify({ email: `earner-${nextClaim}@example.org` }));
  };

  console.log(
    `\nbench/claim-codes on ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${codes.length} codes, ${concurrency} concurrent clients, ${seconds} s per run\n`,
  );
  const pids = {
    gateway: system.process('gateway').child().pid,
    catalog: system.process('badge-catalog').child().pid,
    'claim-code': system.process('claim-code').child().pid,
    issuance: system.process('issuance').child().pid,
    'load generator': process.pid,
  };
  const measured = async (label, nextRequest) => {
    const before = cpuSnapshot(pids);
    const result = await runLoad({ baseUrl: system.gatewayUrl, concurrency, seconds, warmupSeconds: 0, nextRequest });
    console.log(formatResult(label, result));
    console.log(formatCpu(cpuPerRequest(before, cpuSnapshot(pids), result.requests)));
    return result;
  };
  // Warm both paths (JIT, pools, plan caches); the measured runs have no warm-up of their own.
  await runLoad({
    baseUrl: system.gatewayUrl,
    concurrency,
    seconds: 2,
    warmupSeconds: 0,
    nextRequest: (i) => (i % 2 ? retrievals[i % retrievals.length] : claim()),
  });
  const read = await measured('GET {S}/badges/:slug/codes/:code', (i) => retrievals[i % retrievals.length]);
  const claimed = await measured('POST {S}/badges/:slug/codes/:code/claim', () => claim());
  console.log(
    `\ngoal: >= 3000 retrievals/s and >= 1000 claims/s, each with p99 < 50 ms -> retrieval ${read.rps >= 3000 && read.p99 < 50 ? 'met' : 'NOT met'}, claim ${claimed.rps >= 1000 && claimed.p99 < 50 ? 'met' : 'NOT met'}`,
  );
} finally {
  await system.stop();
}
