import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { provideKafka } from '../src/index.js';
import { envWithout } from './helpers/env.js';
import { pidsMentioning, waitUntil } from './helpers/processes.js';

const env = envWithout('KAFKA_BROKERS');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devstack-kafka-test-'));
  dirs.push(dir);
  return dir;
}

async function roundTrip(brokers: string[]): Promise<string> {
  const kafka = new Kafka({ clientId: 'devstack-test', brokers, logLevel: logLevel.NOTHING });
  const topic = `devstack-test-${randomUUID()}`;
  const producer = kafka.producer({ allowAutoTopicCreation: true });
  const consumer = kafka.consumer({ groupId: `devstack-test-${randomUUID()}` });
  try {
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'k', value: 'hello from devstack' }] });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<string>((resolve, reject) => {
      consumer.run({ eachMessage: async ({ message }) => resolve(message.value?.toString() ?? '') }).catch(reject);
    });
  } finally {
    await Promise.all([producer.disconnect(), consumer.disconnect()]);
  }
}

// Each test starts one or two JVMs; on a busy machine a start alone can take a minute, so
// the deadline is generous rather than the root config's 60 s for the whole test.
const JVM_TESTS = { timeout: 300_000 };

describe('provideKafka without KAFKA_BROKERS', () => {
  it('runs a real broker, and a second start uses the cached classpath', JVM_TESTS, async () => {
    const stateDir = tempDir();
    const kafka = await provideKafka({ env, stateDir });
    let jvmPids: number[] = [];
    try {
      expect(kafka.source).toBe('local-kraft');
      expect(kafka.brokers).toHaveLength(1);
      expect(kafka.logFile && fs.existsSync(kafka.logFile)).toBe(true);
      jvmPids = pidsMentioning(stateDir);
      expect(jvmPids).toHaveLength(1);
      expect(await roundTrip(kafka.brokers)).toBe('hello from devstack');
    } finally {
      await kafka.stop();
    }
    expect(pidsMentioning(stateDir)).toEqual([]);
    expect(pidsMentioning(`devstack-watchdog ${jvmPids[0]} `, { watchdogs: true })).toEqual([]);
    // A caller's stateDir is kept; only directories devstack made are deleted.
    expect(fs.existsSync(path.join(stateDir, 'kafka-data'))).toBe(true);

    const lines: string[] = [];
    const again = await provideKafka({ env, log: (line) => lines.push(line) });
    const ownDir = path.dirname(path.dirname(again.logFile ?? ''));
    try {
      expect(lines.some((line) => line.startsWith('kafka: classpath from cache'))).toBe(true);
      expect(lines.some((line) => line.includes('Maven'))).toBe(false);
      expect(pidsMentioning(ownDir)).toHaveLength(1);
    } finally {
      await again.stop();
    }
    expect(pidsMentioning(ownDir)).toEqual([]);
    expect(fs.existsSync(ownDir)).toBe(false);
  });

  it('does not leave the broker or its files behind when its Node parent is killed', JVM_TESTS, async () => {
    const viteNode = createRequire(import.meta.url).resolve('vite-node/vite-node.mjs');
    const fixture = fileURLToPath(new URL('./fixtures/hold-kafka.ts', import.meta.url));
    const parent = spawn(process.execPath, [viteNode, fixture], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    parent.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const ready = await new Promise<boolean>((resolve) => {
      parent.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve(true);
      });
      parent.once('exit', () => resolve(false));
    });
    expect(ready, stderr).toBe(true);
    const { logFile } = JSON.parse(stdout) as { logFile: string };
    const stateDir = path.dirname(path.dirname(logFile));
    dirs.push(stateDir);
    const [jvm] = pidsMentioning(stateDir);
    expect(jvm).toBeDefined();

    parent.kill('SIGKILL');
    expect(await waitUntil(() => pidsMentioning(stateDir).length === 0, 30_000)).toBe(true);
    // The watchdog waits for the JVM to be reaped, which an init that reaps lazily can delay
    // up to the 5 s grace period.
    expect(
      await waitUntil(() => pidsMentioning(`devstack-watchdog ${jvm} `, { watchdogs: true }).length === 0, 30_000),
    ).toBe(true);
    expect(fs.existsSync(stateDir)).toBe(false);
  });
});
