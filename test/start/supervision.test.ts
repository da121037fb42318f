/**
 * `npm start` as an operator runs it (node scripts/laurel.mjs start), on free ports
 * and this run's PostgreSQL and Kafka through the settings it must honour: each of
 * the five processes is SIGKILLed in turn while requests flow; it must come back,
 * the others must keep running, and the system must answer again. SIGTERM then
 * stops everything, within 10 s, leaving no process behind.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, freshDatabase, testEnvironment, uniquePrefix } from '@laurel/testkit';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PROCESSES = ['badge-catalog', 'claim-code', 'requirements', 'issuance', 'gateway'] as const;
const ADDRESS = {
  'badge-catalog': 'CATALOG_ADDR',
  'claim-code': 'CLAIM_CODE_ADDR',
  requirements: 'REQUIREMENTS_ADDR',
  issuance: 'ISSUANCE_ADDR',
} as const;

/** Live processes whose parent is `parent`, by the app whose main.js they run. */
function childrenOf(parent: number): Map<string, number> {
  const out = execFileSync('ps', ['axww', '-o', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' });
  const found = new Map<string, number>();
  for (const line of out.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (!match || Number(match[2]) !== parent || match[3]!.startsWith('Z')) continue;
    const app = PROCESSES.find((name) => match[4]!.includes(path.join('apps', name, 'dist', 'src', 'main.js')));
    if (app) found.set(app, Number(match[1]));
  }
  return found;
}

/** Processes still alive (zombies count as gone) whose command line mentions `text`. */
function mentioning(text: string): string[] {
  const out = execFileSync('ps', ['axww', '-o', 'stat=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((line) => !/^\s*Z/.test(line) && line.includes(text));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok;
  } catch {
    return false;
  }
}

const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'laurel-start-test-'));
const database = await freshDatabase('supervision');
afterAll(async () => {
  await database.drop();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('restarts each process that is killed, and SIGTERM stops everything', { timeout: 400_000 }, async () => {
    const { kafkaBrokers } = testEnvironment();
    const gatewayPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafkaBrokers,
      KAFKA_TOPIC_PREFIX: uniquePrefix('supervision'),
      PORT: String(gatewayPort),
      LAUREL_STATE_DIR: stateDir,
    };
    for (const setting of Object.values(ADDRESS)) env[setting] = `127.0.0.1:${await freePort()}`;
    const metricsPorts = await Promise.all(Object.keys(ADDRESS).map(() => freePort()));
    env.LAUREL_METRICS_PORTS = metricsPorts.join(',');

    const supervisor = spawn(process.execPath, [path.join(ROOT, 'scripts', 'laurel.mjs'), 'start'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    supervisor.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    supervisor.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => supervisor.once('exit', (code) => resolve(code)));
    const gateway = `http://127.0.0.1:${gatewayPort}`;
    const seen = new Set<number>();
    let flowing = true;
    let requests = 0;
    try {
      await until(
        'the system is up',
        () => output.includes('press Ctrl-C to stop') || supervisor.exitCode !== null,
        300_000,
      );
      expect(output).toContain(`Laurel is up: ${gateway}`);
      // Every process serves /metrics, at the address printed at start.
      const metricsUrl: Record<string, string> = { gateway: `${gateway}/metrics` };
      for (const [i, name] of Object.keys(ADDRESS).entries())
        metricsUrl[name] = `http://127.0.0.1:${metricsPorts[i]}/metrics`;
      expect(output).toContain(`metrics: ${PROCESSES.map((name) => `${name} ${metricsUrl[name]}`).join(', ')}`);
      for (const url of Object.values(metricsUrl))
        expect(await (await fetch(url)).text(), url).toContain('laurel_db_pool_connections{');

      // Requests flow the whole time; some fail while a process is down, which is expected.
      const traffic = (async () => {
        while (flowing) {
          await answers(`${gateway}/public/badges`);
          requests++;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();

      for (const name of PROCESSES) {
        const before = childrenOf(supervisor.pid!);
        expect([...before.keys()].sort()).toEqual([...PROCESSES].sort());
        for (const pid of before.values()) seen.add(pid);
        process.kill(before.get(name)!, 'SIGKILL');
        await until(`${name} is restarted, and that is logged`, () => {
          const now = childrenOf(supervisor.pid!).get(name);
          return (
            now !== undefined && now !== before.get(name) && output.includes(`${name} exited (SIGKILL); restarting in`)
          );
        });
        await until(
          `the system answers again after ${name} was killed`,
          async () => (await answers(`${gateway}/readyz?family=all`)) && answers(`${gateway}/public/badges`),
        );
        const after = childrenOf(supervisor.pid!);
        for (const other of PROCESSES.filter((p) => p !== name))
          expect(after.get(other), `${other} kept running`).toBe(before.get(other));
        for (const pid of after.values()) seen.add(pid);
      }
      flowing = false;
      await traffic;
      expect(requests).toBeGreaterThan(0);

      supervisor.kill('SIGTERM');
      const stoppedAt = Date.now();
      const code = await Promise.race([
        exited,
        new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 10_000)),
      ]);
      expect(code, `the supervisor after SIGTERM, ${Date.now() - stoppedAt} ms`).toBe(0);
      expect([...seen].filter(alive)).toEqual([]);
      expect([...seen].flatMap((pid) => mentioning(`devstack-watchdog ${pid} `))).toEqual([]);
      expect(output).toContain('[laurel] stopped');
    } finally {
      flowing = false;
      if (supervisor.exitCode === null) supervisor.kill('SIGKILL');
      for (const pid of seen) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
