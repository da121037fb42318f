// bench/wake-cost: what this machine charges a process for waking up, which
// decides issue 10's c=1 rows more than any code of Laurel's does.
// A bare Node HTTP server (no framework, no Laurel) and a PostgreSQL backend
// (`select 1`) are sent one request at a time, first back to back, then with a
// pause between requests like the pauses a process of a one-client request
// chain sees while the other processes work. The CPU each spent per request is
// read from its threads' schedstat (nanoseconds). Back to back, a process never
// sleeps; with pauses, every request finds it asleep, and on a virtual machine
// it then runs several times slower (cold caches, a halted virtual CPU to
// resume). A Laurel claim at c=1 crosses four processes and PostgreSQL several
// times, each woken by the last, so this factor multiplies most of its CPU.
//   npm run bench -- wake-cost [--requests 1000] [--gaps 0,1,5,10]
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '1000' }, gaps: { type: 'string', default: '0,1,5,10' } },
});
const requests = Number(values.requests);
const gaps = values.gaps.split(',').map(Number);
if (!(requests > 0) || gaps.some((gap) => !(gap >= 0))) throw new Error('usage: --requests 1000 --gaps 0,1,5,10');

/** CPU ms of every thread of `pid` so far (schedstat: nanoseconds on the CPU). */
function threadsCpuMs(pid) {
  return readdirSync(`/proc/${pid}/task`).reduce((sum, tid) => {
    try {
      return sum + Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      return sum;
    }
  }, 0);
}

const SERVER = `
  const server = require('node:http').createServer((req, res) => {
    req.resume();
    req.on('end', () => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ ok: true, url: req.url })); });
  });
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));`;

const server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const port = await new Promise((resolve) => server.once('message', resolve));
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const get = () =>
  new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/ping', agent }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });

const db = new pg.Client({ connectionString: process.env.LAUREL_TEST_DATABASE_URL });
await db.connect();
const backend = (await db.query('select pg_backend_pid() as pid')).rows[0].pid;

/** Server CPU per request (µs) for `requests` requests sent one at a time, `gap` ms apart. */
async function perRequest(pid, send, gap) {
  // Back to back first, so that the code is compiled and its compilation (on V8's worker threads, counted too) is over.
  for (let i = 0; i < 3000; i += 1) await send();
  const before = threadsCpuMs(pid);
  for (let i = 0; i < requests; i += 1) {
    await send();
    if (gap > 0) await sleep(gap);
  }
  return ((threadsCpuMs(pid) - before) * 1000) / requests;
}

try {
  console.log(
    `\nbench/wake-cost on ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${requests} requests per row, one at a time\n`,
  );
  console.log(
    '| pause between requests | bare Node HTTP server, µs CPU / request | × back to back | PostgreSQL select 1, µs CPU / query | × back to back |',
  );
  console.log('|---:|---:|---:|---:|---:|');
  let base;
  for (const gap of gaps) {
    const http = await perRequest(server.pid, get, gap);
    const sql = await perRequest(backend, () => db.query('select 1'), gap);
    base ??= { http, sql };
    console.log(
      `| ${gap} ms | ${http.toFixed(0)} | ${(http / base.http).toFixed(1)} | ${sql.toFixed(0)} | ${(sql / base.sql).toFixed(1)} |`,
    );
  }
  console.log(
    '\nThe same work costs the factor in the × columns more CPU when the process slept before it: the floor under every c=1 figure of peer-routes.',
  );
} finally {
  agent.destroy();
  await db.end();
  server.kill();
}
