import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { DevstackError } from '../errors.js';
import { freePort } from '../free-port.js';
import { tailOf } from '../log-tail.js';
import { runCommand } from '../process/run.js';
import { exited, hasExited, stopChild } from '../process/stop-child.js';
import { tether } from '../process/tether.js';
import { newClusterId } from './cluster-id.js';
import { brokerJvmOptions, toolJvmOptions, type JvmLogging } from './jvm.js';
import { waitForBroker } from './readiness.js';
import { renderServerProperties } from './server-properties.js';

const STOP_GRACE_MS = 5_000;

export interface BrokerSpec {
  java: string;
  jars: string[];
  stateDir: string;
  deployDir: string;
  port?: number;
  env: NodeJS.ProcessEnv;
  startTimeoutMs: number;
  /** Deleted by the watchdog if this process dies without calling stop(). */
  removeOnAbandon?: string;
}

export interface RunningBroker {
  broker: string;
  logFile: string;
  pid: number;
  stop(): Promise<void>;
}

interface BrokerFiles {
  dataDir: string;
  logDir: string;
  logFile: string;
  /** The JVM's own stdout/stderr: where class-loading and option errors end up. */
  jvmOutput: string;
  properties: string;
}

function filesIn(stateDir: string): BrokerFiles {
  const logDir = path.join(stateDir, 'kafka-logs');
  return {
    dataDir: path.join(stateDir, 'kafka-data'),
    logDir,
    logFile: path.join(logDir, 'server.log'),
    jvmOutput: path.join(logDir, 'jvm-output.log'),
    properties: path.join(stateDir, 'kafka-server.properties'),
  };
}

async function failureDetails(files: BrokerFiles): Promise<string> {
  const [server, jvm] = await Promise.all([tailOf(files.logFile, 40), tailOf(files.jvmOutput, 20)]);
  const parts = [`Full log: ${files.logFile}`];
  if (server) parts.push(`--- last lines of ${files.logFile} ---\n${server}`);
  if (jvm) parts.push(`--- JVM output (${files.jvmOutput}) ---\n${jvm}`);
  return parts.join('\n');
}

async function pickPorts(wanted: number | undefined): Promise<{ port: number; controllerPort: number }> {
  const port = wanted ?? (await freePort());
  let controllerPort = await freePort();
  while (controllerPort === port) controllerPort = await freePort();
  return { port, controllerPort };
}

/** The cluster id a previous run formatted the data directory with, if any. */
async function existingClusterId(dataDir: string): Promise<string | undefined> {
  const text = await fsp.readFile(path.join(dataDir, 'meta.properties'), 'utf8').catch(() => '');
  return /^cluster\.id=(\S+)$/m.exec(text)?.[1];
}

/**
 * `--ignore-formatted` keeps the data of a caller-supplied stateDir across runs, like a
 * long-lived dev broker; it needs the cluster id the directory was formatted with (a
 * different one fails), and a fresh directory is formatted with a new one.
 */
async function formatStorage(spec: BrokerSpec, files: BrokerFiles, logging: JvmLogging): Promise<void> {
  const clusterId = (await existingClusterId(files.dataDir)) ?? newClusterId();
  const result = await runCommand(
    spec.java,
    [
      ...toolJvmOptions(logging),
      '-cp',
      spec.jars.join(path.delimiter),
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      files.properties,
      '--ignore-formatted',
    ],
    { env: spec.env, timeoutMs: 60_000 },
  );
  if (result.kind === 'not-found') throw new DevstackError(`${spec.java} disappeared while starting Kafka.`);
  if (result.code !== 0) {
    throw new DevstackError(
      `Formatting Kafka storage in ${files.dataDir} failed (exit ${result.code ?? result.signal ?? '?'}). ` +
        'If you passed stateDir, try an empty directory.\n' +
        (result.stdout + result.stderr).trim() +
        '\n' +
        (await failureDetails(files)),
    );
  }
}

export async function startBroker(spec: BrokerSpec): Promise<RunningBroker> {
  const files = filesIn(spec.stateDir);
  const logging: JvmLogging = { logDir: files.logDir, log4jConfig: path.join(spec.deployDir, 'log4j.properties') };
  const { port, controllerPort } = await pickPorts(spec.port);
  const broker = `127.0.0.1:${port}`;

  await fsp.mkdir(files.logDir, { recursive: true });
  await fsp.writeFile(files.properties, renderServerProperties({ port, controllerPort, dataDir: files.dataDir }));
  await formatStorage(spec, files, logging);

  // Output goes to a file rather than a pipe: a pipe to a dead parent could block or
  // kill the JVM on its next write, and nothing here should reach the terminal.
  const output = fs.openSync(files.jvmOutput, 'a');
  const child = (() => {
    try {
      return spawn(
        spec.java,
        [...brokerJvmOptions(logging), '-cp', spec.jars.join(path.delimiter), 'kafka.Kafka', files.properties],
        { env: spec.env, stdio: ['ignore', output, output] },
      );
    } finally {
      fs.closeSync(output);
    }
  })();
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const pid = child.pid;
  if (pid === undefined) {
    throw new DevstackError(`Could not start ${spec.java}: ${(await spawnError).message}`);
  }
  const watchdog = tether(pid, { signal: 'TERM', graceMs: STOP_GRACE_MS, removeDir: spec.removeOnAbandon });
  // Once the JVM is gone its pid may be reused; the watchdog must not outlive it.
  void exited(child).then(() => watchdog.release());

  const stop = async (): Promise<void> => {
    await stopChild(child, STOP_GRACE_MS);
    watchdog.release();
  };

  const readiness = await waitForBroker(broker, { timeoutMs: spec.startTimeoutMs, hasExited: () => hasExited(child) });
  if (readiness !== 'ready') {
    await stop();
    const why =
      readiness === 'exited'
        ? `Kafka exited during start-up (exit ${child.exitCode ?? child.signalCode ?? '?'}).`
        : `Kafka did not answer on ${broker} within ${Math.round(spec.startTimeoutMs / 1000)} s.`;
    throw new DevstackError(`${why}\n${await failureDetails(files)}`);
  }

  let stopping: Promise<void> | undefined;
  return {
    broker,
    logFile: files.logFile,
    pid,
    stop: () => (stopping ??= stop()),
  };
}
