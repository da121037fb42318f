/**
 * OutcomeRecorded events from Kafka become member counts exactly once, through
 * the real requirements process: duplicates are recognised, undecodable and
 * refused messages go to the dead-letter topic without stopping the stream, and
 * a SIGKILL mid-stream loses and doubles nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Producer } from 'kafkajs';
import { collectTopic, eventually, startSystem, testProducer, type TestSystem } from '@laurel/testkit';
import { deadLetterTopic, encodeEvent, ServiceClient, topicName } from '@laurel/service-kit';
import { eventType, laurelProtos, type requirementsV1 } from '@laurel/protos';

let system: TestSystem;
let producer: Producer;
let requirements: ServiceClient<requirementsV1.RequirementsDefinition>;
let topic: string;
const SITE = '7';

const outcome = (memberId: number, action: string, extra: Record<string, unknown> = {}) => ({
  eventId: randomUUID(),
  occurredAt: new Date().toISOString(),
  siteId: SITE,
  memberId: String(memberId),
  action,
  ...extra,
});

async function publish(events: Record<string, unknown>[]): Promise<void> {
  await producer.send({
    topic,
    acks: -1,
    messages: events.map((e) => {
      const encoded = encodeEvent('OutcomeRecorded', e);
      return { key: String(e.memberId), value: encoded.value, headers: encoded.headers };
    }),
  });
}

async function countsOf(memberId: number): Promise<Record<string, string>> {
  const { counts } = await requirements.call('ListMemberCounts', { siteId: SITE, userId: String(memberId) });
  return Object.fromEntries(counts.map((c) => [`${c.actionName}@${c.location}`, c.count]));
}

beforeAll(async () => {
  system = await startSystem('outcomes', { apps: ['requirements'] });
  topic = topicName(system.topicPrefix, 'outcomeRecorded');
  producer = await testProducer();
  requirements = new ServiceClient(
    laurelProtos().requirements.v1.Requirements.service,
    `127.0.0.1:${system.ports.requirements}`,
    { deadlineMs: 10_000 },
  );
  for (const name of ['comment', 'Share']) await requirements.call('CreateAction', { siteId: SITE, name });
});

afterAll(async () => {
  requirements?.close();
  await producer?.disconnect();
  await system?.stop();
});

describe('consuming OutcomeRecorded', () => {
  it('counts an outcome at the default location, matching the action name ignoring case', async () => {
    await publish([
      outcome(1, 'COMMENT'),
      outcome(1, 'comment', { quantity: '2' }),
      outcome(1, 'share', { location: 'blog' }),
    ]);
    expect(
      await eventually(
        () => countsOf(1),
        (c) => c['comment@v2'] === '3' && c['Share@blog'] === '1',
      ),
    ).toEqual({ 'comment@v2': '3', 'Share@blog': '1' });
  });

  it('records an event delivered twice only once', async () => {
    const event = outcome(2, 'comment');
    await publish([event, event]);
    await publish([event, outcome(3, 'comment')]);
    // Member 3's outcome was published after every copy; once it counts, the copies have been consumed.
    await eventually(
      () => countsOf(3),
      (c) => c['comment@v2'] === '1',
    );
    expect(await countsOf(2)).toEqual({ 'comment@v2': '1' });
  });

  it('accepts snake_case proto3 JSON and binary protobuf', async () => {
    const snake = {
      event_id: randomUUID(),
      occurred_at: new Date().toISOString(),
      site_id: SITE,
      member_id: '4',
      action: 'comment',
    };
    await producer.send({ topic, messages: [{ key: '4', value: JSON.stringify(snake) }] });
    const type = eventType('OutcomeRecorded');
    const binary = Buffer.from(type.encode(type.fromObject(outcome(4, 'comment'))).finish());
    await producer.send({
      topic,
      messages: [{ key: '4', value: binary, headers: { 'content-type': 'application/x-protobuf' } }],
    });
    await eventually(
      () => countsOf(4),
      (c) => c['comment@v2'] === '2',
    );
  });

  it('sends undecodable and refused events to the dead-letter topic and keeps going', async () => {
    const dlq = await collectTopic(deadLetterTopic(topic));
    try {
      await producer.send({
        topic,
        messages: [
          { key: '5', value: '{not json' },
          {
            key: '5',
            value: JSON.stringify({ eventId: 'not-a-uuid', siteId: SITE, memberId: '5', action: 'comment' }),
          },
        ],
      });
      await publish([outcome(5, 'no-such-action'), outcome(5, 'comment')]);
      await eventually(
        () => countsOf(5),
        (c) => c['comment@v2'] === '1',
      );
      const letters = await dlq.waitFor((m) => m.length >= 3);
      const reasons = letters.map((m) => m.headers?.['laurel-dlq-reason']?.toString() ?? '');
      expect(reasons).toEqual([
        expect.stringMatching(/cannot decode|not a JSON/),
        'eventId must be a UUID',
        `unknown action "no-such-action" in site ${SITE}`,
      ]);
      expect(letters[0]?.value?.toString()).toBe('{not json');
    } finally {
      await dlq.stop();
    }
  });
});

describe('a requirements process killed with SIGKILL mid-stream', () => {
  it('resumes after a restart with nothing lost and nothing counted twice', async () => {
    const members = 40;
    const perMember = 50;
    const events = Array.from({ length: members * perMember }, (_, i) => outcome(1000 + (i % members), 'comment'));
    const sending = (async () => {
      for (let i = 0; i < events.length; i += 100) {
        // At-least-once producers resend: every tenth batch goes out twice.
        const batch = events.slice(i, i + 100);
        await publish(batch);
        if ((i / 100) % 10 === 0) await publish(batch);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    // Kill once some, but not all, of the stream has been counted.
    await eventually(
      () => countsOf(1000),
      (c) => Number(c['comment@v2'] ?? 0) >= 5,
    );
    await system.process('requirements').kill('SIGKILL');
    await sending;
    await system.process('requirements').restart();

    for (let m = 0; m < members; m += 1) {
      const counts = await eventually(
        () => countsOf(1000 + m),
        (c) => Number(c['comment@v2'] ?? 0) >= perMember,
        60_000,
      );
      expect(counts).toEqual({ 'comment@v2': String(perMember) });
    }
  });
});
