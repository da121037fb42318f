/**
 * Webhook deliveries through the real processes to a real HTTP receiver on
 * this machine: signed as BadgeKit signs them, with BadgeKit's exact key sets,
 * retried while the receiver is down, in order per recipient once it is back,
 * and logged.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { eventually, seedBadge, seedSystem, seedWebhook, startSystem, type TestSystem } from '@laurel/testkit';
import { ServiceClient } from '@laurel/service-kit';
import { laurelProtos, type issuanceV1 } from '@laurel/protos';
import { nextAttemptDelay, RETRY_WINDOW_MS } from '../src/domain/webhook.js';

const SECRET = 'webhook-secret-0123456789';
let system: TestSystem;
let issuance: ServiceClient<issuanceV1.IssuanceDefinition>;
let db: pg.Client;
let receiver: Server;
let receiverUrl: string;
let failuresLeft = 0;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const ids = { site: '', badge: '' };

function verify(headers: IncomingHttpHeaders, body: string): boolean {
  const token = /^JWT token="(.+)"$/.exec(headers.authorization ?? '')?.[1] ?? '';
  const [header, payload, signature] = token.split('.');
  const expected = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as {
    body: { alg: string; hash: string };
  };
  return (
    signature === expected &&
    claims.body.alg === 'sha256' &&
    claims.body.hash === createHash('sha256').update(body).digest('hex')
  );
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.writeHead(503).end();
        return;
      }
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  system = await startSystem('webhooks', { apps: ['badge-catalog', 'issuance'] });
  db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  ids.site = (await seedSystem(system, { slug: 'hooks', name: 'Hooks' })).id;
  ids.badge = (
    await seedBadge(system, {
      systemSlug: 'hooks',
      slug: 'hooked',
      name: 'Hooked',
      unique: false,
      archived: false,
      published: true,
      earnerDescription: 'e',
      consumerDescription: 'c',
      criteriaUrl: 'https://example.org/c',
      type: 't',
    })
  ).id;
  issuance = new ServiceClient(laurelProtos().issuance.v1.Issuance.service, `127.0.0.1:${system.ports.issuance}`, {
    deadlineMs: 10_000,
  });
  await seedWebhook(system, { systemSlug: 'hooks', url: receiverUrl, secret: SECRET });
});

afterAll(async () => {
  issuance?.close();
  await db?.end();
  await system?.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

const award = (key: string, email: string, comment?: string) =>
  issuance.call('Award', {
    siteId: ids.site,
    badgeId: ids.badge,
    email,
    channel: 'AWARD_CHANNEL_CLAIM',
    idempotencyKey: key,
    publicOrigin: 'https://badges.example.org',
    ...(comment !== undefined && { comment }),
  });

describe('webhook deliveries', () => {
  it('sends a signed award message with exactly BadgeKit’s keys and the channel header', async () => {
    const { earnedBadge } = await award('w-1', 'ada@example.org', 'well done');
    const [message] = await eventually(
      async () => received,
      (r) => r.length >= 1,
    );
    expect(verify(message?.headers ?? {}, message?.body ?? '')).toBe(true);
    expect(message?.headers['laurel-award-channel']).toBe('claim');
    const body = JSON.parse(message?.body ?? '{}') as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['action', 'uid', 'badge', 'email', 'assertionUrl', 'issuedOn', 'comment']);
    expect(body).toMatchObject({
      action: 'award',
      uid: earnedBadge?.uid,
      email: 'ada@example.org',
      comment: 'well done',
      assertionUrl: `https://badges.example.org/public/assertions/${earnedBadge?.uid}`,
      badge: { slug: 'hooked', milestones: [] },
    });
    expect(body.issuedOn).toBe(Math.floor(new Date(earnedBadge?.issuedOn ?? '').getTime() / 1000));
  });

  it('retries while the receiver is down and then delivers each recipient’s messages in order', async () => {
    received.length = 0;
    failuresLeft = 3;
    const first = await award('w-2', 'grace@example.org');
    await issuance.call('Revoke', { siteId: ids.site, id: first.earnedBadge?.id ?? '', reason: 'oops' });
    await award('w-3', 'grace@example.org');
    const messages = await eventually(
      async () => received,
      (r) => r.length >= 3,
      45_000,
    );
    const bodies = messages.map((m) => JSON.parse(m.body) as { action: string; uid: string; comment?: unknown });
    expect(bodies.map((b) => b.action)).toEqual(['award', 'revoke', 'award']);
    expect(bodies[1]?.uid).toBe(first.earnedBadge?.uid);
    expect(Object.keys(bodies[1] ?? {})).toEqual(['action', 'uid', 'badge', 'email']);
    expect(bodies[0]?.comment).toBeNull();
  });

  it('logs every delivery with its attempts', async () => {
    // The receiver counts a message before its answer reaches the worker, which records the delivery only then.
    const log = await eventually(
      () => issuance.call('ListWebhookDeliveries', { siteId: ids.site }),
      (l) => l.deliveries.every((d) => d.status === 'WEBHOOK_DELIVERY_STATUS_DELIVERED'),
    );
    expect(log.deliveries.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...log.deliveries.map((d) => d.attempts))).toBeGreaterThan(1);
    const failing = await issuance.call('ListWebhookDeliveries', {
      siteId: ids.site,
      status: 'WEBHOOK_DELIVERY_STATUS_FAILING',
    });
    expect(failing.deliveries).toEqual([]);
  });
});

describe('a site without a webhook', () => {
  it('records no delivery for its awards and revocations, and gets them once a webhook is set', async () => {
    const quiet = (await seedSystem(system, { slug: 'quiet', name: 'Quiet' })).id;
    const badge = (
      await seedBadge(system, {
        systemSlug: 'quiet',
        slug: 'silent',
        name: 'Silent',
        unique: false,
        archived: false,
        published: true,
        earnerDescription: 'e',
        consumerDescription: 'c',
        criteriaUrl: 'https://example.org/c',
        type: 't',
      })
    ).id;
    const awardIn = (email: string) =>
      issuance.call('Award', {
        siteId: quiet,
        badgeId: badge,
        email,
        channel: 'AWARD_CHANNEL_CLAIM',
        idempotencyKey: `quiet:${email}`,
      });
    const recorded = async () =>
      (
        await db.query<{ n: number }>('select count(*)::int as n from issuance.webhook_deliveries where site_id = $1', [
          quiet,
        ])
      ).rows[0]?.n;

    const unheard = await awardIn('unheard@example.org');
    await issuance.call('Revoke', { siteId: quiet, id: unheard.earnedBadge?.id ?? '', reason: 'test' });
    expect(await recorded()).toBe(0);

    await seedWebhook(system, { systemSlug: 'quiet', url: receiverUrl, secret: SECRET });
    await awardIn('heard@example.org');
    expect(await recorded()).toBe(1);
  });
});

describe('the retry schedule', () => {
  it('keeps trying for more than a day, never waiting more than 30 minutes between attempts', () => {
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < RETRY_WINDOW_MS) {
      attempts += 1;
      const wait = nextAttemptDelay(attempts, () => 1);
      expect(wait).toBeLessThanOrEqual(30 * 60 * 1000 * 1.25);
      elapsed += wait;
    }
    expect(RETRY_WINDOW_MS).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
    // A receiver that comes back after an hour is retried within the next half hour.
    expect(nextAttemptDelay(20, () => 0.5)).toBe(30 * 60 * 1000);
    expect(attempts).toBeGreaterThan(40);
  });
});
