import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { supervise, type SupervisedProcess } from '../src/index.js';
import { waitUntil } from './helpers/processes.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devstack-supervise-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const policy = { initialMs: 50, maxMs: 200, stableAfterMs: 60_000 };

/** A Node process running `code`, logging to a file of its own. */
function node(name: string, code: string): SupervisedProcess {
  return {
    name,
    command: process.execPath,
    args: ['-e', code],
    env: process.env,
    cwd: dir,
    logFile: path.join(dir, `${name}.log`),
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const KEEPS_RUNNING = "console.log('up', process.pid); setInterval(() => {}, 1000)";

describe('supervise', () => {
  it('restarts a process that is killed, leaves the others alone, and stops everything', async () => {
    const lines: string[] = [];
    const supervisor = supervise([node('a', KEEPS_RUNNING), node('b', KEEPS_RUNNING)], {
      log: (l) => lines.push(l),
      policy,
    });
    const runs = () => fs.readFileSync(path.join(dir, 'a.log'), 'utf8').match(/^up /gm)?.length ?? 0;
    expect(await waitUntil(() => supervisor.pids().size === 2 && runs() === 1, 30_000)).toBe(true);
    const first = new Map(supervisor.pids());

    process.kill(first.get('a')!, 'SIGKILL');
    // Restarted: a new pid, and the new run has written to the same log.
    expect(
      await waitUntil(() => (supervisor.pids().get('a') ?? first.get('a')) !== first.get('a') && runs() === 2, 20_000),
    ).toBe(true);
    expect(supervisor.pids().get('b')).toBe(first.get('b'));
    expect(lines.some((l) => l.startsWith('a exited (SIGKILL); restarting in 0.05 s'))).toBe(true);

    const last = [...supervisor.pids().values()];
    await supervisor.stop();
    expect([...first.values(), ...last].filter(alive)).toEqual([]);
    expect(supervisor.pids().size).toBe(0);
  });

  it('backs off a process that keeps exiting', async () => {
    const lines: string[] = [];
    const supervisor = supervise([node('crashing', 'process.exit(3)')], { log: (l) => lines.push(l), policy });
    expect(await waitUntil(() => lines.length >= 4, 20_000)).toBe(true);
    await supervisor.stop();
    expect(lines.slice(0, 4).map((l) => /restarting in ([\d.]+) s/.exec(l)?.[1])).toEqual([
      '0.05',
      '0.1',
      '0.2',
      '0.2',
    ]);
    expect(lines[0]).toMatch(/^crashing exited \(code 3\)/);
  });

  it('gives up on an invalid configuration (exit 78) instead of restarting', async () => {
    const lines: string[] = [];
    let gaveUp: string | undefined;
    const supervisor = supervise([node('misconfigured', 'process.exit(78)')], {
      log: (l) => lines.push(l),
      policy,
      onGiveUp: (name) => (gaveUp = name),
    });
    expect(await waitUntil(() => gaveUp !== undefined, 30_000)).toBe(true);
    await supervisor.stop();
    expect(gaveUp).toBe('misconfigured');
    expect(lines).toEqual([
      expect.stringMatching(/^misconfigured exited \(code 78\): invalid configuration, not restarting/),
    ]);
  });
});
