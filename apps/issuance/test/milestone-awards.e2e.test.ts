/**
 * Automatic milestone awards (badgekit-api.md §13.3, D-16 fixed) through the
 * real system: BadgeKit instance and bulk awards start a check, the primary
 * badge is awarded once the threshold of distinct support badges is held,
 * exactly once whatever follows, milestone awards do not chain, and a check
 * left behind (a process stopped between commit and check) is picked up by
 * the sweep. The database is read to see the checks drain and the keys used.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { laurelProtos } from '@laurel/protos';
import { ServiceClient } from '@laurel/service-kit';
import { badgekitRequest, eventually, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';

let system: TestSystem;
let db: pg.Client;
const call = (request: Omit<Parameters<typeof badgekitRequest>[1], 'secret'>) =>
  badgekitRequest(system.gatewayUrl, { secret: TEST_MASTER_SECRET, ...request });
const post = (path: string, body: unknown) => call({ method: 'POST', path, body: JSON.stringify(body) });
const get = (path: string) => call({ method: 'GET', path });

const S = '/systems/miles';
const ids: Record<string, number> = {};
let siteId: string;
let milestoneId: number;
let receiver: Server;
const received: { headers: IncomingHttpHeaders; body: Record<string, unknown> }[] = [];

async function createBadge(slug: string): Promise<void> {
  const res = await post(`${S}/badges`, {
    slug,
    name: `Badge ${slug}`,
    strapline: 'A strapline',
    earnerDescription: 'For earners',
    consumerDescription: 'For consumers',
    criteriaUrl: 'https://example.org/criteria',
    unique: 1,
    type: 'Skill',
    imageUrl: 'https://example.org/badge.png',
  });
  expect(res.status).toBe(201);
  ids[slug] = (res.body as { badge: { id: number } }).badge.id;
}

const award = async (slug: string, email: string) =>
  expect((await post(`${S}/badges/${slug}/instances`, { email })).status).toBe(201);

const pendingChecks = async () =>
  Number((await db.query<{ n: string }>('select count(*) as n from issuance.milestone_checks')).rows[0]?.n);
const drained = () => eventually(pendingChecks, (n) => n === 0);
const holders = async (slug: string) =>
  ((await get(`${S}/badges/${slug}/instances`)).body as { instances: { email: string }[] }).instances.map(
    (i) => i.email,
  );

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>,
      });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  system = await startSystem('milestone-awards');
  db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  const res = await post('/systems', { slug: 'miles', name: 'Miles', url: 'https://miles.example.org' });
  siteId = String((res.body as { system: { id: number } }).system.id);
  const catalog = new ServiceClient(
    laurelProtos().catalog.v1.Catalog.service,
    `127.0.0.1:${system.ports['badge-catalog']}`,
    { deadlineMs: 10_000 },
  );
  await catalog.call('PutWebhook', {
    systemSlug: 'miles',
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
    secret: 'webhook-secret-0123456789',
  });
  catalog.close();
  for (const slug of ['primary', 's1', 's2', 's3', 'chained']) await createBadge(slug);
  const milestone = await post(`${S}/milestones`, {
    numberRequired: 2,
    primaryBadgeId: ids.primary,
    supportBadges: [ids.s1, ids.s2, ids.s3],
    action: 'issue',
  });
  expect(milestone.status).toBe(201);
  milestoneId = (milestone.body as { milestone: { id: number } }).milestone.id;
  // Would chain from the primary badge if milestone awards started checks.
  expect(
    (await post(`${S}/milestones`, { numberRequired: 1, primaryBadgeId: ids.chained, supportBadges: [ids.primary] }))
      .status,
  ).toBe(201);
}, 120_000);

afterAll(async () => {
  await db?.end();
  await system?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('automatic milestone awards', () => {
  it('awards nothing below the threshold', async () => {
    await award('s1', 'earner@example.org');
    await drained();
    expect(await holders('primary')).toEqual([]);
  });

  it('awards the primary badge once the threshold is reached, outside the award’s answer', async () => {
    const res = await post(`${S}/badges/s2/instances`, { email: 'EARNER@example.org' });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body as object)).toEqual(['status', 'instance']);
    const held = await eventually(
      () => holders('primary'),
      (list) => list.length > 0,
    );
    // To the email as the triggering award was made.
    expect(held).toEqual(['EARNER@example.org']);
    const { rows } = await db.query<{ idempotency_key: string; channel: string }>(
      'select idempotency_key, channel from issuance.earned_badges where badge_id = $1',
      [ids.primary],
    );
    expect(rows).toEqual([{ idempotency_key: `milestone:${milestoneId}:earner@example.org`, channel: 'direct' }]);
  });

  it('never awards it again, and milestone awards do not chain', async () => {
    await award('s3', 'earner@example.org');
    await drained();
    expect(await holders('primary')).toEqual(['EARNER@example.org']);
    expect(await holders('chained')).toEqual([]);
  });

  it('sends the award webhook of the milestone award with the primary badge (D-16)', async () => {
    const primaryUid = (
      (await get(`${S}/badges/primary/instances/earner@example.org`)).body as { instance: { slug: string } }
    ).instance.slug;
    const hooks = await eventually(
      async () => received.filter((r) => r.body.uid === primaryUid),
      (list) => list.length > 0,
    );
    expect(hooks).toHaveLength(1);
    expect(hooks[0]?.headers['laurel-award-channel']).toBe('direct');
    expect(hooks[0]?.body).toMatchObject({
      action: 'award',
      uid: primaryUid,
      email: 'EARNER@example.org',
      badge: { id: ids.primary, slug: 'primary' },
    });
    // A milestone award's message has BadgeKit's key set without `comment` (§14.4).
    expect(Object.keys(hooks[0]?.body ?? {})).toEqual(['action', 'uid', 'badge', 'email', 'assertionUrl', 'issuedOn']);
  });

  it('follows bulk awards too', async () => {
    const res = await post(`${S}/badges/s1/instances/bulk`, { emails: ['bulk1@example.org', 'bulk2@example.org'] });
    expect(res.status).toBe(201);
    expect(
      (await post(`${S}/badges/s3/instances/bulk`, { emails: ['bulk1@example.org', 'bulk2@example.org'] })).status,
    ).toBe(201);
    const held = await eventually(
      () => holders('primary'),
      (list) => list.length === 3,
    );
    expect(held.slice(1).sort()).toEqual(['bulk1@example.org', 'bulk2@example.org']);
  });

  it('picks up a check left behind by a stopped process (the sweep)', async () => {
    await award('s1', 'late@example.org');
    await award('s2', 'other@example.org');
    await drained();
    // A check as the award transaction records it, never run: s2 now counts for late@ together with s1.
    await db.query(
      'insert into issuance.earned_badges (site_id, badge_id, email, uid, channel, idempotency_key, badge_unique, issued_on) values ($1, $2, $3, $4, $5, $6, true, now())',
      [siteId, ids.s2, 'late@example.org', 'f'.repeat(40), 'direct', `direct:${ids.s2}:late@example.org`],
    );
    await db.query('insert into issuance.milestone_checks (site_id, email, badge_id) values ($1, $2, $3)', [
      siteId,
      'late@example.org',
      ids.s2,
    ]);
    await eventually(
      () => holders('primary'),
      (list) => list.includes('late@example.org'),
      30_000,
    );
    await drained();
  });
});
