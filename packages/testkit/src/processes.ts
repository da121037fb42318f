/**
 * Laurel's processes started for real, as `npm start` starts them (node
 * apps/<name>/dist/src/main.js with environment settings), so end-to-end tests
 * can kill one with SIGKILL and start it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const APPS = ['badge-catalog', 'claim-code', 'requirements', 'issuance', 'gateway'] as const;
export type AppName = (typeof APPS)[number];

export interface ProcessHandle {
  app: AppName;
  port: number;
  logFile: string;
  child(): ChildProcess;
  /** Sends a signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  /** Starts the process again with the same settings and waits until it is ready. */
  restart(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The end of a process's log, so that a start-up failure in CI says why without the file (which CI does not keep). */
function logTail(logFile: string, lines = 15): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Start-up includes migrations and Kafka group joins; on a busy 2-core machine that can take a while. */
const READY_TIMEOUT_MS = 60_000;

/** Every process tests started, so that none outlives the test worker, even when a test forgot to stop it. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * A service is ready when its standard gRPC health service answers SERVING.
 * (testkit cannot use service-kit's checkHealth: service-kit's own tests use testkit.)
 */
function grpcServing(port: number): Promise<boolean> {
  const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  // The package types its definition loosely (an index signature); this is grpc.health.v1.Health/Check.
  const check = healthService.Check as grpc.MethodDefinition<{ service: string }, { status: string }>;
  return new Promise<boolean>((resolve) => {
    client.makeUnaryRequest(
      check.path,
      check.requestSerialize,
      check.responseDeserialize,
      { service: '' },
      { deadline: Date.now() + 500 },
      (err, value) => resolve(!err && value?.status === 'SERVING'),
    );
  }).finally(() => client.close());
}

async function isReady(app: AppName, port: number): Promise<boolean> {
  if (app !== 'gateway') return grpcServing(port);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    return response.ok;
  } catch {
    return false;
  }
}

export async function startProcess(
  app: AppName,
  port: number,
  env: Record<string, string>,
  options: { logDir: string; readyTimeoutMs?: number; nodeArgs?: readonly string[] },
): Promise<ProcessHandle> {
  mkdirSync(options.logDir, { recursive: true });
  const logFile = join(options.logDir, `${app}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  let child: ChildProcess;
  let exited: Promise<number | null>;

  const launch = async () => {
    child = spawn(
      process.execPath,
      [...(options.nodeArgs ?? []), join(REPO_ROOT, 'apps', app, 'dist', 'src', 'main.js')],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          ...env,
          ...(app === 'gateway' ? { PORT: String(port) } : { GRPC_PORT: String(port) }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    live.add(child);
    const current = child;
    exited = new Promise((resolve) =>
      current.once('exit', (code) => {
        live.delete(current);
        resolve(code);
      }),
    );
    const deadline = Date.now() + (options.readyTimeoutMs ?? READY_TIMEOUT_MS);
    let stillRunning = true;
    void exited.then(() => (stillRunning = false));
    while (Date.now() < deadline) {
      if (!stillRunning) {
        await sleep(200); // let the piped output reach the log file
        throw new Error(`${app} exited during start-up; see ${logFile}, which ends:\n${logTail(logFile)}`);
      }
      if (await isReady(app, port)) return;
      await sleep(100);
    }
    child.kill('SIGKILL');
    throw new Error(
      `${app} was not ready within ${options.readyTimeoutMs ?? READY_TIMEOUT_MS} ms; see ${logFile}, which ends:\n${logTail(logFile)}`,
    );
  };
  await launch();

  return {
    app,
    port,
    logFile,
    child: () => child,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
    restart: launch,
  };
}
