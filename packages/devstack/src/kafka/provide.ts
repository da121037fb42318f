import { DevstackError } from '../errors.js';
import { envOf, envValue, logOf } from '../options.js';
import { acquireStateDir } from '../state-dir.js';
import type { ProvidedKafka, StackOptions } from '../types.js';
import { startBroker } from './broker.js';
import { cacheDirOf, resolveClasspath, type ClasspathResult } from './classpath.js';
import { findKafkaDeployDir } from './deploy-dir.js';
import { checkJava, type JavaCheck } from './java.js';
import { missingToolsMessage, type ToolProblem } from './missing-tools.js';

/** Knobs for tests and unusual layouts; not part of the public API. */
export interface KafkaInternalOptions extends StackOptions {
  deployDir?: string;
  cacheDir?: string;
  mvnCommand?: string;
  startTimeoutMs?: number;
}

export function parseBrokers(value: string): string[] {
  return value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

function javaProblem(check: JavaCheck): ToolProblem | undefined {
  switch (check.kind) {
    case 'ok':
      return undefined;
    case 'missing':
      return { tool: 'java', problem: 'missing' };
    case 'too-old':
      return { tool: 'java', problem: 'too-old', found: check.major };
    case 'unreadable':
      return { tool: 'java', problem: 'unreadable', output: check.output };
  }
}

interface Tools {
  java: string;
  javaMajor: number;
  jars: string[];
}

async function prepareTools(opts: KafkaInternalOptions, deployDir: string): Promise<Tools> {
  const env = envOf(opts);
  // Checking Java and resolving jars are independent; doing both at once also lets a
  // machine missing both tools hear about both in one message.
  const [java, classpath] = await Promise.all([
    checkJava(env),
    resolveClasspath({
      deployDir,
      cacheDir: opts.cacheDir ?? cacheDirOf(env),
      env,
      mvnCommand: opts.mvnCommand,
      log: logOf(opts),
    }).then(
      (result): ClasspathResult | { kind: 'failed'; error: unknown } => result,
      (error: unknown) => ({ kind: 'failed' as const, error }),
    ),
  ]);
  if (java.kind === 'ok' && classpath.kind === 'ok') {
    return { java: java.command, javaMajor: java.major, jars: classpath.jars };
  }
  const problems: ToolProblem[] = [];
  const fromJava = javaProblem(java);
  if (fromJava) problems.push(fromJava);
  if (classpath.kind === 'mvn-missing') problems.push({ tool: 'mvn', problem: 'missing' });
  if (problems.length > 0 || classpath.kind !== 'failed') throw new DevstackError(missingToolsMessage(problems));
  throw classpath.error;
}

export async function provideKafka(opts: KafkaInternalOptions = {}): Promise<ProvidedKafka> {
  const env = envOf(opts);
  const log = logOf(opts);

  const fromEnv = envValue(env, 'KAFKA_BROKERS');
  if (fromEnv) {
    const brokers = parseBrokers(fromEnv);
    log(`kafka: using KAFKA_BROKERS=${brokers.join(',')}`);
    return { brokers, source: 'env', stop: async () => undefined };
  }

  const started = Date.now();
  const deployDir = opts.deployDir ?? findKafkaDeployDir();
  const tools = await prepareTools(opts, deployDir);

  // If the broker fails to start, the state directory is kept even when devstack made it:
  // the error message points at the log inside it.
  const stateDir = await acquireStateDir(opts.stateDir, 'laurel-kafka-');
  log(`kafka: starting a single-node KRaft broker (Java ${tools.javaMajor}), state in ${stateDir.path}`);
  const broker = await startBroker({
    java: tools.java,
    jars: tools.jars,
    stateDir: stateDir.path,
    deployDir,
    port: opts.kafkaPort,
    env,
    // Generous: a JVM start on a loaded two-core machine has been seen to take most of a minute.
    startTimeoutMs: opts.startTimeoutMs ?? 120_000,
    removeOnAbandon: stateDir.owned ? stateDir.path : undefined,
  });
  log(`kafka: ready on ${broker.broker} after ${Date.now() - started} ms (log: ${broker.logFile})`);

  let stopping: Promise<void> | undefined;
  return {
    brokers: [broker.broker],
    source: 'local-kraft',
    logFile: broker.logFile,
    stop: () =>
      (stopping ??= (async () => {
        await broker.stop();
        await stateDir.release();
        log('kafka: stopped');
      })()),
  };
}
