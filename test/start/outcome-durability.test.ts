/**
 * Issue 9, "Durable local Kafka", end to end: outcomes the gateway acknowledged
 * (v2 resultCode 0, after Kafka's acks -1) while nothing consumed them must
 * survive the whole system stopping and the local broker being SIGKILLed, and be
 * counted exactly once when the broker and the five processes start again on the
 * same state directory and database.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { provideKafka, type ProvidedKafka } from '@laurel/devstack';
import { laurelProtos, type requirementsV1 } from '@laurel/protos';
import { ServiceClient, topicName } from '@laurel/service-kit';
import {
  APPS,
  badgekitRequest,
  eventually,
  REPO_ROOT,
  startProcess,
  startSystem,
  TEST_MASTER_SECRET,
  uniquePrefix,
  type AppName,
  type ProcessHandle,
  type TestSystem,
} from '@laurel/testkit';

const OUTCOMES = 20;
const CODE = 'Quiz';

/** Without KAFKA_BROKERS, so that devstack starts a broker of its own on the state directory. */
const brokerEnv: NodeJS.ProcessEnv = { ...process.env };
delete brokerEnv.KAFKA_BROKERS;
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'laurel-outcome-durability-'));

let broker: ProvidedKafka | undefined;
let system: TestSystem | undefined;
let running: ProcessHandle[] = [];

/** Live (not zombie) processes whose command line mentions `text`. */
function pidsMentioning(text: string): number[] {
  const out = execFileSync('ps', ['axww', '-o', 'pid=,stat=,args='], { encoding: 'utf8' });
  return out.split('\n').flatMap((line) => {
    const match = /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    return match && !match[2]!.startsWith('Z') && match[3]!.includes(text) ? [Number(match[1])] : [];
  });
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Services first (in parallel), the gateway once they answer, as startSystem does; `envFor` adjusts one app's settings. */
async function startApps(
  sys: TestSystem,
  run: string,
  envFor: (app: AppName) => Record<string, string> = () => ({}),
): Promise<void> {
  const logDir = path.join(
    REPO_ROOT,
    '.laurel',
    'test-logs',
    `outcome-durability-${run}-${sys.database.name.slice(-8)}`,
  );
  const start = async (app: AppName) => {
    const handle = await startProcess(app, sys.ports[app], { ...sys.env, ...envFor(app) }, { logDir });
    running.push(handle);
  };
  const services = await Promise.allSettled(APPS.filter((a) => a !== 'gateway').map(start));
  const failed = services.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  await start('gateway');
}

async function stopApps(): Promise<void> {
  await Promise.all(running.map((p) => p.kill('SIGTERM')));
  running = [];
}

async function killBroker(): Promise<void> {
  const jvms = pidsMentioning(stateDir);
  expect(jvms.length).toBeGreaterThan(0);
  for (const pid of jvms) process.kill(pid, 'SIGKILL');
  await until('the broker is gone', () => pidsMentioning(stateDir).length === 0, 30_000);
  await broker?.stop();
  broker = undefined;
}

afterAll(async () => {
  await stopApps();
  for (const pid of pidsMentioning(stateDir)) process.kill(pid, 'SIGKILL');
  await broker?.stop();
  await system?.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
}, 60_000);

describe('outcomes acknowledged before a full stop of the system and its local broker', () => {
  it(
    'are each counted exactly once after everything starts again on the same state',
    { timeout: 240_000 },
    async () => {
      broker = await provideKafka({ env: brokerEnv, stateDir });
      const kafkaPort = Number(broker.brokers[0]!.split(':').pop());
      // No processes yet: the database, ports and settings, pointed at this test's own broker.
      system = await startSystem('outcome-durability', { apps: [], env: { KAFKA_BROKERS: broker.brokers.join(',') } });
      const sys = system;
      // The gateway asks requirements whether the outcome code names an action, so requirements must
      // answer gRPC; its consumers read another topic prefix, so nothing consumes the gateway's outcomes.
      const elsewhere = uniquePrefix('not-consuming');
      await startApps(sys, 'before', (app) => (app === 'requirements' ? { KAFKA_TOPIC_PREFIX: elsewhere } : {}));

      const gateway = sys.gatewayUrl;
      const master = (method: string, p: string, body: unknown) =>
        badgekitRequest(gateway, { method, path: p, secret: TEST_MASTER_SECRET, body: JSON.stringify(body) });
      const v2 = async (p: string, body?: unknown, method: 'GET' | 'POST' = 'POST') => {
        const res = await fetch(`${gateway}/api/v2${p}`, {
          method,
          headers: { 'Content-Type': 'application/json' },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        return (await res.json()) as Record<string, unknown>;
      };
      const rest = async (p: string, params: Record<string, string>) => {
        const res = await fetch(`${gateway}/rest${p}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(params).toString(),
        });
        return (await res.json()) as Record<string, unknown>;
      };

      expect(
        (
          await master('POST', '/systems', {
            slug: 'durable',
            name: 'Durable',
            url: 'https://d.example.org',
            email: 'd@example.org',
          })
        ).status,
      ).toBe(201);
      const members = await master('POST', '/admin/systems/durable/members', [
        { username: 'fan', email: 'fan@example.org', password: 'correct horse battery' },
        { username: 'boss', email: 'boss@example.org', password: 'correct horse battery', role: 'WEBMASTER' },
      ]);
      const fanId = String((members.body as { members: { userId: number }[] }).members[0]?.userId);
      const bossLogin = await v2('/Login', { tenant: 'durable', userName: 'boss', password: 'correct horse battery' });
      const site = String(
        (
          (await badgekitRequest(gateway, { method: 'GET', path: '/systems/durable', secret: TEST_MASTER_SECRET }))
            .body as { system: { id: number } }
        ).system.id,
      );
      const t = String(bossLogin.token);
      const action = await rest(`/badgeaction/add/${site}`, { t, name: CODE });
      const badge = await rest(`/badge/add/${site}`, {
        t,
        name: 'Quizzer',
        location: 'v2',
        verbosename: 'Passed quizzes',
        url: 'https://example.org/q.png',
        link: 'https://example.org/q',
        published: 'true',
      });
      expect(
        await rest(`/badgerequirement/add/${site}`, {
          t,
          badgeId: String(badge.badgeId),
          actionId: String(action.actionId),
          location: 'v2',
          quantity: String(OUTCOMES),
          published: 'true',
        }),
      ).toMatchObject({ status: 1 });
      const fanLogin = await v2('/Login', { tenant: 'durable', userName: 'fan', password: 'correct horse battery' });
      expect(fanLogin.resultCode).toBe(0);
      const token = String(fanLogin.token);

      const refIds: string[] = [];
      for (let i = 0; i < OUTCOMES; i++) {
        const answer = await v2(`/Outcome/${token}/${CODE}`);
        expect(answer, `outcome ${i}`).toMatchObject({ resultCode: 0 });
        refIds.push(String(answer.refId));
      }
      expect(new Set(refIds).size).toBe(OUTCOMES);

      await stopApps();
      await killBroker();
      expect(fs.existsSync(path.join(stateDir, 'kafka-data'))).toBe(true);

      // The same port, so the settings the processes were started with still name the broker.
      broker = await provideKafka({ env: brokerEnv, stateDir, kafkaPort });
      expect(broker.brokers).toEqual(sys.env.KAFKA_BROKERS!.split(','));
      await startApps(sys, 'after');

      const requirements = new ServiceClient<requirementsV1.RequirementsDefinition>(
        laurelProtos().requirements.v1.Requirements.service,
        sys.env.REQUIREMENTS_ADDR!,
        { deadlineMs: 10_000 },
      );
      const kafka = new Kafka({
        clientId: 'outcome-durability-test',
        brokers: broker.brokers,
        logLevel: logLevel.NOTHING,
      });
      const admin = kafka.admin();
      try {
        const counted = async () => {
          const { counts } = await requirements.call('ListMemberCounts', { siteId: site, userId: fanId });
          return counts.map((c) => `${c.actionName}@${c.location}=${c.count}`);
        };
        // Batches may land one after another: wait for at least N, then it must be exactly N.
        const atLeastAll = (c: string[]) =>
          c.some((line) => line.startsWith(`${CODE}@v2=`) && Number(line.split('=')[1]) >= OUTCOMES);
        expect(await eventually(counted, atLeastAll, 90_000)).toEqual([`${CODE}@v2=${OUTCOMES}`]);

        // Once the consumer group has committed past every outcome, nothing is left to be redelivered.
        await admin.connect();
        const topic = topicName(sys.topicPrefix, 'outcomeRecorded');
        const groupId = `${sys.topicPrefix}laurel.requirements.outcomes`;
        const ends = await admin.fetchTopicOffsets(topic);
        expect(ends.reduce((sum, p) => sum + Number(p.high), 0)).toBe(OUTCOMES);
        await until('the outcome consumer has committed every offset', async () => {
          const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
          // A partition no outcome went to has nothing committed (-1); its end is 0.
          return ends.every(
            (end) =>
              Math.max(0, Number(committed!.partitions.find((p) => p.partition === end.partition)?.offset ?? -1)) ===
              Number(end.high),
          );
        });
        expect(await counted()).toEqual([`${CODE}@v2=${OUTCOMES}`]);

        // The badge the N-th outcome earns is awarded once.
        const badges = await eventually(
          () => v2(`/Badges/${token}`, undefined, 'GET'),
          (r) => Array.isArray(r.badges) && r.badges.length > 0,
          60_000,
        );
        expect(badges.badges).toHaveLength(1);
      } finally {
        requirements.close();
        await admin.disconnect();
      }
    },
  );
});
