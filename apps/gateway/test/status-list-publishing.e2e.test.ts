/**
 * Revocation by status list, published (issue #11 item 3): a revocation
 * through the BadgeKit API sets the award's bit, and without anyone fetching
 * the list, issuance re-signs it and publishes it as one StatusListPublished
 * event per version through its outbox — read here from Kafka with a real
 * consumer and verified with the independent OB 3.0 verifier. Revocations
 * close together coalesce into versions whose last holds every bit; an
 * issuance killed with SIGKILL between the revocation's commit and the
 * publication publishes it after restarting, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KafkaMessage } from 'kafkajs';
import pg from 'pg';
import { decodeEvent, topicName } from '@laurel/service-kit';
import type { eventsV1 } from '@laurel/protos';
import {
  badgekitRequest,
  collectTopic,
  eventually,
  startSystem,
  TEST_MASTER_SECRET,
  type TestSystem,
  type TopicCollector,
} from '@laurel/testkit';
import { revocationStatus, type FetchDocument } from '@laurel/testkit/ob3-verifier';

type Doc = Record<string, unknown>;
type Published = eventsV1.StatusListPublished__Output;

let system: TestSystem;
let db: pg.Client;
let published: TopicCollector;
const S = '/systems/lists';
const BADGE = `${S}/badges/member`;

const call = (request: Omit<Parameters<typeof badgekitRequest>[1], 'secret'>) =>
  badgekitRequest(system.gatewayUrl, { secret: TEST_MASTER_SECRET, ...request });

/** Awards the badge to `email` and fetches its credential once, which gives it its index in the site's list. */
async function awardedCredential(email: string): Promise<Doc> {
  const res = await call({ method: 'POST', path: `${BADGE}/instances`, body: JSON.stringify({ email }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const uid = (res.body as { instance: { slug: string } }).instance.slug;
  const credential = await fetch(`${system.gatewayUrl}/public/credentials/${uid}`);
  expect(credential.status).toBe(200);
  return (await credential.json()) as Doc;
}

async function revoke(email: string): Promise<void> {
  const res = await call({ method: 'DELETE', path: `${BADGE}/instances/${email}` });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const events = (messages: KafkaMessage[]): Published[] =>
  messages.map((m) => decodeEvent<Published>('StatusListPublished', m.value, m.headers, m.key).event);

/** The list as its row says now: the version its bits are at and the last one published. */
async function listRow(): Promise<{ id: string; version: number; published: number | null }> {
  const { rows } = await db.query<{ id: string; version: string; published_version: string | null }>(
    'select id, version, published_version from issuance.status_lists',
  );
  expect(rows).toHaveLength(1);
  const [row] = rows;
  return {
    id: row!.id,
    version: Number(row!.version),
    published: row!.published_version === null ? null : Number(row!.published_version),
  };
}

/** Waits for the event of `version` and returns every event seen by then. */
const untilVersion = async (version: number): Promise<Published[]> =>
  events(await published.waitFor((m) => events(m).some((e) => Number(e.version) === version), 30_000));

/** Reads a credential's status in the list an event carries: the list is verified with keys from the running gateway. */
function statusIn(event: Published, credential: Doc) {
  const fetchDocument: FetchDocument = async (url) => {
    if (url === event.url) return JSON.parse(event.credential) as Doc;
    const res = await fetch(url, { headers: { accept: 'application/ld+json' } });
    return res.ok ? ((await res.json()) as Doc) : undefined;
  };
  return revocationStatus(credential, fetchDocument);
}

let first: Doc;
beforeAll(async () => {
  system = await startSystem('status-list-publishing');
  db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  for (const [path, body] of [
    ['/systems', { slug: 'lists', name: 'Lists', url: 'https://lists.example.org', email: 'badges@lists.example.org' }],
    [
      `${S}/badges`,
      {
        slug: 'member',
        name: 'Member',
        strapline: 'Member',
        earnerDescription: 'Joined',
        consumerDescription: 'Joined',
        unique: 1,
        imageUrl: 'https://example.org/member.png',
        criteriaUrl: 'https://example.org/member',
      },
    ],
  ] as const) {
    const res = await call({ method: 'POST', path, body: JSON.stringify(body) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  published = await collectTopic(topicName(system.topicPrefix, 'statusListPublished'));
  first = await awardedCredential('first@example.org');
}, 120_000);

afterAll(async () => {
  await published?.stop();
  await db?.end();
  await system?.stop();
});

describe('publishing the status list', () => {
  it('publishes a new list once, then each revocation through BadgeKit as one verified event with the bit set, without a fetch', async () => {
    const opened = await untilVersion(0);
    expect(opened).toHaveLength(1);
    const [created] = opened;
    const listUrl = String((first.credentialStatus as Doc).statusListCredential);
    expect(created).toMatchObject({ listNumber: 1, version: '0', url: listUrl });
    expect(await statusIn(created!, first)).toEqual({ revoked: false, listVerified: true, entries: 131_072 });

    await revoke('first@example.org');
    const all = await untilVersion(1);
    const revokedVersion = all.filter((e) => e.version === '1');
    expect(revokedVersion).toHaveLength(1);
    const [event] = revokedVersion;
    expect(event).toMatchObject({ siteId: created!.siteId, listNumber: 1, url: listUrl });
    expect(published.messages.at(-1)?.key?.toString()).toBe(`${created!.siteId}:1`);
    expect(await statusIn(event!, first)).toEqual({ revoked: true, listVerified: true, entries: 131_072 });
    // What the list URL answers for that version is the very text that was published.
    expect(await (await fetch(listUrl)).text()).toBe(event!.credential);
    // Revoking again changes nothing, so publishes nothing: the next version's event follows the first directly.
    await call({ method: 'DELETE', path: `${BADGE}/instances/first@example.org` });
    const second = await awardedCredential('second@example.org');
    await revoke('second@example.org');
    const later = await untilVersion(2);
    expect(later.map((e) => e.version)).toEqual(['0', '1', '2']);
    expect(await statusIn(later[2]!, second)).toMatchObject({ revoked: true, listVerified: true });
  });

  it('publishes revocations close together in versions whose last holds every bit, none twice', async () => {
    const credentials = await Promise.all(['a', 'b', 'c'].map((who) => awardedCredential(`${who}@example.org`)));
    const before = await listRow();
    await Promise.all(['a', 'b', 'c'].map((who) => revoke(`${who}@example.org`)));
    const target = before.version + 3;
    expect((await listRow()).version).toBe(target);
    const all = await untilVersion(target);
    const versions = all.map((e) => Number(e.version));
    // Strictly increasing: each version is published at most once, in order, and revocations may share one.
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(versions).size).toBe(versions.length);
    const last = all.at(-1)!;
    for (const credential of credentials)
      expect(await statusIn(last, credential)).toMatchObject({ revoked: true, listVerified: true });
    expect(await statusIn(last, first)).toMatchObject({ revoked: true });
  });
});

describe('an issuance killed between the revocation and the publication', () => {
  it('publishes the revoked version after restarting, exactly once', async () => {
    const victim = await awardedCredential('victim@example.org');
    const marker = await awardedCredential('marker@example.org');
    const settled = await eventually(listRow, (row) => row.published === row.version);
    await untilVersion(settled.version);

    // KEY SHARE lets the revocation's update through but holds back the publisher's claim (FOR UPDATE) until after the kill.
    const holder = new pg.Client({ connectionString: system.database.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from issuance.status_lists where id = $1 for key share', [settled.id]);
      await revoke('victim@example.org');
      expect(await listRow()).toMatchObject({ version: settled.version + 1, published: settled.version });
      await system.process('issuance').kill('SIGKILL');
      await holder.query('commit');
    } finally {
      await holder.end();
    }
    expect(events(published.messages).some((e) => Number(e.version) > settled.version)).toBe(false);

    await system.process('issuance').restart();
    const afterRestart = await untilVersion(settled.version + 1);
    const revoked = afterRestart.filter((e) => Number(e.version) === settled.version + 1);
    expect(revoked).toHaveLength(1);
    expect(await statusIn(revoked[0]!, victim)).toMatchObject({ revoked: true, listVerified: true });

    // A later version's event comes after every copy of the earlier one (one key, one partition): still one.
    await revoke('marker@example.org');
    const all = await untilVersion(settled.version + 2);
    expect(all.filter((e) => Number(e.version) === settled.version + 1)).toHaveLength(1);
    expect(await statusIn(all.at(-1)!, marker)).toMatchObject({ revoked: true, listVerified: true });
    expect(await statusIn(all.at(-1)!, victim)).toMatchObject({ revoked: true });
  }, 120_000);
});
