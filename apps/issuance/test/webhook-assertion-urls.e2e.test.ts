/**
 * Every award message's assertionUrl is absolute, whatever the channel, with
 * and without PUBLIC_BASE_URL: the real catalog and issuance processes award
 * through each channel the way its caller does (the gateway's direct, claim
 * and import awards name the request's origin; requirements and v2 assignment
 * awards name none) and a real HTTP receiver on a free port collects the messages.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, seedBadge, seedSystem, seedWebhook, startSystem, type TestSystem } from '@laurel/testkit';
import { ServiceClient } from '@laurel/service-kit';
import { laurelProtos, type issuanceV1 } from '@laurel/protos';
import { DEVELOPMENT_BASE_URL } from '../src/config.js';

const REQUEST_ORIGIN = 'https://request.example.org';
const CONFIGURED = 'https://badges.example.org/laurel';

interface Received {
  path: string;
  channel: string;
  body: { action: string; uid: string; assertionUrl?: string };
}
let receiver: Server;
let receiverBase = '';
const received: Received[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        channel: String(req.headers['laurel-award-channel'] ?? ''),
        body: JSON.parse(Buffer.concat(chunks).toString()) as Received['body'],
      });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});

/** One award per channel, each to its own recipient; `origin` is whether its caller names the request's origin. */
const CHANNELS = [
  { channel: 'AWARD_CHANNEL_DIRECT', name: 'direct', bulk: false, origin: true },
  { channel: 'AWARD_CHANNEL_CLAIM', name: 'claim', bulk: false, origin: true },
  { channel: 'AWARD_CHANNEL_ASSIGNMENT', name: 'assignment', bulk: false, origin: false },
  { channel: 'AWARD_CHANNEL_IMPORT', name: 'import', bulk: true, origin: true },
  { channel: 'AWARD_CHANNEL_REQUIREMENTS', name: 'requirements', bulk: true, origin: false },
] as const;

const VARIANTS: { label: string; env: Record<string, string>; expectedOrigin: (fromRequest: boolean) => string }[] = [
  {
    label: 'without PUBLIC_BASE_URL',
    env: {},
    expectedOrigin: (fromRequest: boolean) => (fromRequest ? REQUEST_ORIGIN : DEVELOPMENT_BASE_URL),
  },
  // A trailing slash in the setting must not double the path's slash.
  { label: 'with PUBLIC_BASE_URL', env: { PUBLIC_BASE_URL: `${CONFIGURED}/` }, expectedOrigin: () => CONFIGURED },
];

describe.each(VARIANTS)('award messages $label', ({ label, env, expectedOrigin }) => {
  let system: TestSystem;
  let issuance: ServiceClient<issuanceV1.IssuanceDefinition>;
  const ids = { site: '', badge: '' };
  const hookPath = `/hooks/${label.replace(/\W+/g, '-')}`;

  beforeAll(async () => {
    system = await startSystem('webhook-urls', { apps: ['badge-catalog', 'issuance'], env });
    ids.site = (await seedSystem(system, { slug: 'urls', name: 'Urls' })).id;
    ids.badge = (
      await seedBadge(system, {
        systemSlug: 'urls',
        slug: 'everywhere',
        name: 'Everywhere',
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
      deadlineMs: 15_000,
    });
    await seedWebhook(system, {
      systemSlug: 'urls',
      url: `${receiverBase}${hookPath}`,
      secret: 'webhook-secret-0123456789',
    });
  }, 120_000);

  afterAll(async () => {
    issuance?.close();
    await system?.stop();
  });

  it('gives every channel an absolute assertionUrl naming the award', async () => {
    const uids = new Map<string, string>();
    for (const { channel, name, bulk, origin } of CHANNELS) {
      const email = `${name}@example.org`;
      const publicOrigin = origin ? { publicOrigin: REQUEST_ORIGIN } : {};
      if (bulk) {
        const { results } = await issuance.call('BulkAward', {
          siteId: ids.site,
          channel,
          items: [{ badgeId: ids.badge, userId: '0', email, idempotencyKey: `${name}-1` }],
          ...publicOrigin,
        });
        expect(results[0]?.errors ?? []).toEqual([]);
        uids.set(name, results[0]?.earnedBadge?.uid ?? '');
      } else {
        const { earnedBadge } = await issuance.call('Award', {
          siteId: ids.site,
          badgeId: ids.badge,
          email,
          channel,
          idempotencyKey: `${name}-1`,
          ...publicOrigin,
        });
        uids.set(name, earnedBadge?.uid ?? '');
      }
    }

    const mine = () => received.filter((r) => r.path === hookPath && r.body.action === 'award');
    await eventually(
      async () => mine(),
      (messages) => messages.length >= CHANNELS.length,
      60_000,
    );
    for (const { name, origin } of CHANNELS) {
      const message = mine().find((m) => m.channel === name);
      expect(message, `no award message for ${name}`).toBeDefined();
      const url = new URL(message?.body.assertionUrl ?? '');
      expect(['http:', 'https:'], `${name}: ${message?.body.assertionUrl}`).toContain(url.protocol);
      expect(message?.body.assertionUrl, name).toBe(`${expectedOrigin(origin)}/public/assertions/${uids.get(name)}`);
    }
  });
});
