// bench/catalog: concurrent signed BadgeKit reads through the real gateway and
// catalog processes (issue 3's goal on a 2-core machine: >= 3,000 badge reads/s
// with p99 < 25 ms).
//   npm run bench -- catalog [--seconds 10] [--concurrency 32] [--badges 200]
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
    badges: { type: 'string', default: '200' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const badgeCount = Number(values.badges);

const system = await startSystem('bench-catalog', { env: { LOG_LEVEL: 'warn', DATABASE_POOL_MAX: '10' } });
const call = (method, path, body) => callGateway(system.gatewayUrl, method, path, body);

try {
  await call('POST', '/systems', JSON.stringify({ slug: 'bench', name: 'Bench', url: 'https://bench.example.org' }));
  const slugs = [];
  for (let i = 0; i < badgeCount; i += 1) {
    const slug = `badge-${i}`;
    slugs.push(slug);
    await call(
      'POST',
      '/systems/bench/badges',
      JSON.stringify({
        slug,
        name: `Badge ${i}`,
        earnerDescription: 'Earned by benchmarking',
        consumerDescription: 'Shows a benchmark ran',
        criteriaUrl: 'https://bench.example.org/criteria',
        unique: 1,
        type: 'bench',
        imageUrl: 'https://bench.example.org/badge.png',
        criteria: [{ description: 'Run it', required: 1, note: '' }],
        tags: ['bench', 'load'],
        categories: ['speed'],
      }),
    );
  }
  // Tokens carry no expiry (exp 0), so each path's signed request is prepared once, as a long-lived client would.
  const reads = slugs.map((slug) => signed('GET', `/systems/bench/badges/${slug}`));
  const pages = Array.from({ length: Math.ceil(badgeCount / 20) }, (_, i) =>
    signed('GET', `/systems/bench/badges?page=${i + 1}&count=20`),
  );

  console.log(
    `\nbench/catalog on ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${badgeCount} badges, ${concurrency} concurrent clients, ${seconds} s per run\n`,
  );
  const pids = {
    gateway: system.process('gateway').child().pid,
    catalog: system.process('badge-catalog').child().pid,
    'load generator': process.pid,
  };
  const measured = async (label, nextRequest) => {
    const before = cpuSnapshot(pids);
    const result = await runLoad({ baseUrl: system.gatewayUrl, concurrency, seconds, warmupSeconds: 0, nextRequest });
    console.log(formatResult(label, result));
    console.log(formatCpu(cpuPerRequest(before, cpuSnapshot(pids), result.requests)));
    return result;
  };
  // Warm both paths first (JIT, connection pools, plan caches); the measured runs have no warm-up of their own.
  await runLoad({
    baseUrl: system.gatewayUrl,
    concurrency,
    seconds: 2,
    warmupSeconds: 0,
    nextRequest: (i) => (i % 2 ? reads[i % reads.length] : pages[i % pages.length]),
  });
  const single = await measured('GET /systems/:slug/badges/:slug', (i) => reads[i % reads.length]);
  await measured('GET /systems/:slug/badges?page=..&count=20', (i) => pages[i % pages.length]);
  console.log(
    `\ngoal: >= 3000 req/s with p99 < 25 ms for the badge read -> ${single.rps >= 3000 && single.p99 < 25 ? 'met' : 'NOT met'}`,
  );
} finally {
  await system.stop();
}
