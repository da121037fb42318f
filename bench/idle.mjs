// bench/idle: CPU the whole system spends with no request at all (issue 10's
// goal: under 20 ms per second for every process together). Starts the five
// processes, lets them settle, then reads /proc for `--seconds`: each Node
// process, the PostgreSQL backends serving the system's database (sampled every
// second, so backends that come and go are counted while they live), and the
// Kafka broker when this machine runs it. CPU is read from each thread's
// schedstat, in nanoseconds: /proc/<pid>/stat counts in 10 ms ticks, and a
// process that idles spends about one tick a second, so ticks made each figure
// jump by 0.5 ms/s either way over a 20 s window (a thread that ends during
// the window is lost; idle processes do not end threads).
// `--threads` also lists where each process spends it, by thread name (Linux
// names threads: Kafka's request handlers, purgatory reapers, the JIT; Node's
// main thread, libuv pool, V8 workers), to tell which timer to go after.
//   npm run bench -- idle [--seconds 20] [--settle 10] [--threads]
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startSystem } from '@laurel/testkit';
import { listeningPid } from './lib/pids.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    settle: { type: 'string', default: '10' },
    threads: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const settleSeconds = Number(values.settle);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU ms of each thread of `pid`, by thread id, with the thread's name (digits dropped, so a pool adds up). */
function threadCpu(pid) {
  const threads = new Map();
  let tids = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return threads;
  }
  for (const tid of tids) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim().replace(/\d+/g, '#');
      const runNs = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      threads.set(tid, { name, ms: runNs / 1e6 });
    } catch {
      // the thread ended while we looked
    }
  }
  return threads;
}

/** CPU ms of all of `pid`'s threads now (for PostgreSQL's backends, which have one). */
function cpuMs(pid) {
  let sum = 0;
  for (const { ms } of threadCpu(pid).values()) sum += ms;
  return sum;
}

/** CPU ms the threads alive at `after` spent since `before` (a thread that ended in between is left out, not subtracted). */
function spentBetween(before, after) {
  let sum = 0;
  for (const [tid, { ms }] of after) sum += ms - (before.get(tid)?.ms ?? 0);
  return sum;
}

function threadsPerSecond(before, after, elapsed) {
  const byName = {};
  for (const [tid, { name, ms }] of after)
    byName[name] = (byName[name] ?? 0) + (ms - (before.get(tid)?.ms ?? 0)) / elapsed;
  return Object.entries(byName)
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1]);
}

const system = await startSystem('bench-idle', { env: { LOG_LEVEL: 'warn' } });
const admin = new pg.Client({ connectionString: system.database.url, application_name: 'bench-idle' });
try {
  await admin.connect();
  await sleep(settleSeconds * 1000);
  const brokerPort = Number(process.env.LAUREL_TEST_KAFKA_BROKERS?.split(',')[0]?.split(':')[1]);
  const brokerPid = brokerPort ? listeningPid(brokerPort) : undefined;
  const nodePids = Object.fromEntries(
    Object.entries(system.processes).map(([name, handle]) => [name, handle.child().pid]),
  );
  const named = { ...nodePids, ...(brokerPid && { kafka: brokerPid }) };

  /** Backends of the system's database (other than this script's), by pid, with their CPU when first and last seen. */
  const backends = new Map();
  const sampleBackends = async () => {
    const { rows } = await admin.query(
      'select pid, application_name from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    for (const { pid, application_name: app } of rows) {
      const now = cpuMs(pid);
      const seen = backends.get(pid);
      if (seen) seen.last = now;
      else backends.set(pid, { app, first: now, last: now });
    }
  };

  const threadsBefore = Object.fromEntries(Object.entries(named).map(([name, pid]) => [name, threadCpu(pid)]));
  await sampleBackends();
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    await sleep(1000);
    await sampleBackends();
  }
  const elapsed = (Date.now() - started) / 1000;
  const threadsAfter = Object.fromEntries(Object.entries(named).map(([name, pid]) => [name, threadCpu(pid)]));
  const perSecond = Object.fromEntries(
    Object.entries(named).map(([name]) => [name, spentBetween(threadsBefore[name], threadsAfter[name]) / elapsed]),
  );
  const postgresByApp = {};
  for (const { app, first, last } of backends.values())
    postgresByApp[app || '(none)'] = (postgresByApp[app || '(none)'] ?? 0) + (last - first) / elapsed;
  const postgres = Object.values(postgresByApp).reduce((a, b) => a + b, 0);

  console.log(
    `\nbench/idle on ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${elapsed.toFixed(1)} s after ${settleSeconds} s settling\n`,
  );
  for (const [name, ms] of Object.entries(perSecond))
    console.log(`  ${name.padEnd(14)} ${ms.toFixed(1).padStart(6)} ms CPU per second`);
  console.log(
    `  ${'postgres'.padEnd(14)} ${postgres.toFixed(1).padStart(6)} ms CPU per second (backends: ${Object.entries(
      postgresByApp,
    )
      .map(([app, ms]) => `${app} ${ms.toFixed(1)}`)
      .join(', ')})`,
  );
  const total = Object.values(perSecond).reduce((a, b) => a + b, 0) + postgres;
  console.log(
    `  ${'total'.padEnd(14)} ${total.toFixed(1).padStart(6)} ms CPU per second${brokerPid ? '' : ' (Kafka not on this machine: not counted)'}`,
  );
  for (const [name, after] of values.threads ? Object.entries(threadsAfter) : []) {
    const top = threadsPerSecond(threadsBefore[name], after, elapsed).slice(0, 12);
    console.log(`\n  ${name} by thread: ${top.map(([thread, ms]) => `${thread} ${ms.toFixed(2)}`).join(', ')}`);
  }
  console.log(`\ngoal: whole-system idle CPU < 20 ms per second -> ${total < 20 ? 'met' : 'NOT met'}`);
} finally {
  await admin.end().catch(() => undefined);
  await system.stop();
}
