/**
 * What a failure nobody caught does to a Laurel process started by runMain
 * (lifecycle.ts): a stray rejected promise is logged and the process serves
 * on; an uncaught exception is logged as fatal and ends the process with 1, so
 * that the supervisor restarts it from a clean state. Real node processes.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const kit = fileURLToPath(new URL('../dist/index.js', import.meta.url));

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/**
 * Runs a tiny service whose start() does `failure`, waits for `marker` on
 * stdout (or for the exit), then stops it with SIGTERM.
 */
function runService(failure: string, marker: string): Promise<Run> {
  const script = `
    const { runMain } = await import(${JSON.stringify(kit)});
    await runMain({
      name: 'guard-test',
      loadConfig: () => ({}),
      start: async () => {
        ${failure}
        // A timer runs only after the microtask queue and the rejection check: seeing it means the process survived them.
        setTimeout(() => process.stdout.write(${JSON.stringify(marker)} + '\\n'), 10);
        const keepAlive = setInterval(() => undefined, 1000);
        return { stop: async () => clearInterval(keepAlive) };
      },
    });
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = { stdout: '', stderr: '', code: null };
    child.stdout.on('data', (chunk: Buffer) => {
      run.stdout += chunk.toString();
      if (run.stdout.includes(marker)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ ...run, code }));
  });
}

const logLines = (stderr: string): { level?: string; msg?: string; err?: { message?: string; value?: string } }[] =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level?: string; msg?: string });

describe('runMain guards the process', () => {
  it('logs an unhandled rejection and keeps serving until it is stopped', async () => {
    const run = await runService(`void Promise.reject(new Error('stray failure of one request'));`, 'still-serving');
    expect(run.stdout).toContain('still-serving');
    expect(run.code).toBe(0); // ended by our SIGTERM, cleanly
    expect(logLines(run.stderr)).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: expect.stringContaining('unhandled promise rejection') as unknown,
        err: expect.objectContaining({ message: 'stray failure of one request' }) as unknown,
      }),
    );
  });

  it('logs a rejection with a non-Error reason too', async () => {
    const run = await runService(`void Promise.reject('just text');`, 'still-serving');
    expect(run.code).toBe(0);
    expect(logLines(run.stderr)).toContainEqual(
      expect.objectContaining({ level: 'error', err: { value: 'just text' } }),
    );
  });

  it('exits with 1 after logging an uncaught exception, for a restart from a clean state', async () => {
    const run = await runService(
      `setImmediate(() => { throw new Error('state may be half-updated'); });`,
      'never-reached-marker',
    );
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('never-reached-marker');
    expect(logLines(run.stderr)).toContainEqual(
      expect.objectContaining({
        level: 'fatal',
        msg: expect.stringContaining('uncaught exception') as unknown,
        err: expect.objectContaining({ message: 'state may be half-updated' }) as unknown,
      }),
    );
  });
});
