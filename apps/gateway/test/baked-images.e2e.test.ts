/**
 * Baked badge images through the real system (issue #11 item 4): badges
 * with uploaded PNG and SVG images and with external ones (served here by a
 * local HTTP server) bake the award's signed OB 3.0 credential — which
 * extracts to exactly what /public/credentials/:uid answers and verifies
 * with the independent verifier — and its OB 2.0 hosted assertion; a
 * revoked award's credential still bakes; an external image is fetched once;
 * an external image that is HTML or JPEG (whatever its server claims) or
 * whose server is down is refused clearly, in BadgeKit's error format.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import {
  authorization,
  badgekitRequest,
  bodyHash,
  startSystem,
  TEST_MASTER_SECRET,
  type TestSystem,
} from '@laurel/testkit';
import { revocationStatus, verifyCredentialProof, fetchOverHttp } from '@laurel/testkit/ob3-verifier';
import { OB2_BAKING, OB3_BAKING } from '../src/domain/baking/formats.js';
import { countPngTextChunks, extractPngText } from '../src/domain/baking/png.js';
import { extractSvgPayload } from '../src/domain/baking/svg.js';

type Doc = Record<string, unknown>;
const S = '/systems/bakery';

let system: TestSystem;
let images: Server;
let imagesUrl: string;
let closedPortUrl: string;
/** Requests the local image server saw, by path: external images must be fetched once. */
const hits = new Map<string, number>();

function samplePng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 1) png.data[i] = (i * 37) & 0xff;
  return PNG.sync.write(png);
}
const UPLOADED_PNG = samplePng(4, 3);
const REMOTE_PNG = samplePng(2, 5);
const svg = (label: string) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>${label}</title><circle cx="5" cy="5" r="4"/></svg>\n`,
  );
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), randomBytes(64)]);

const call = (request: Omit<Parameters<typeof badgekitRequest>[1], 'secret'>) =>
  badgekitRequest(system.gatewayUrl, { secret: TEST_MASTER_SECRET, ...request });
const post = async (path: string, body: unknown) => {
  const res = await call({ method: 'POST', path, body: JSON.stringify(body) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
};

const BADGE_FIELDS = {
  name: 'Baked',
  strapline: 'Baked',
  earnerDescription: 'You baked',
  consumerDescription: 'They baked',
  criteriaUrl: 'https://example.org/criteria',
  unique: '0',
};

/** A badge whose image is an upload, sent as multipart and signed over the exact bytes. */
async function badgeWithUpload(slug: string, image: Buffer, mimeType: string): Promise<void> {
  const boundary = `----laurel${randomBytes(8).toString('hex')}`;
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = Buffer.concat([
    Buffer.from(
      Object.entries({ slug, ...BADGE_FIELDS })
        .map(([k, v]) => field(k, v))
        .join(''),
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="badge"\r\nContent-Type: ${mimeType}\r\n\r\n`,
    ),
    image,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const path = `${S}/badges`;
  const res = await fetch(`${system.gatewayUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: authorization({
        method: 'POST',
        path,
        secret: TEST_MASTER_SECRET,
        claims: { body: bodyHash(body) },
      }),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    body,
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

const badgeWithUrl = (slug: string, imageUrl: string) => post(`${S}/badges`, { slug, ...BADGE_FIELDS, imageUrl });

async function award(badge: string, email: string): Promise<string> {
  const res = await call({ method: 'POST', path: `${S}/badges/${badge}/instances`, body: JSON.stringify({ email }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { instance: { slug: string } }).instance.slug;
}

interface Fetched {
  status: number;
  type: string;
  headers: Headers;
  bytes: Buffer;
}

async function get(path: string, accept?: string): Promise<Fetched> {
  const res = await fetch(`${system.gatewayUrl}${path}`, accept ? { headers: { accept } } : {});
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    headers: res.headers,
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

const json = (fetched: Fetched): Doc => JSON.parse(fetched.bytes.toString('utf8')) as Doc;

/** The credential the PNG or SVG carries, checked to be the only one and placed as the spec says. */
function bakedCredential(image: Fetched, type: 'png' | 'svg'): string {
  if (type === 'png') {
    expect(countPngTextChunks(image.bytes, OB3_BAKING.keyword)).toBe(1);
    return extractPngText(image.bytes, OB3_BAKING.keyword) ?? '';
  }
  const payload = extractSvgPayload(image.bytes, OB3_BAKING);
  expect(payload).toMatchObject({ rootDeclaresNamespace: true, count: 1 });
  expect(payload?.verify).toBeUndefined();
  return payload?.text ?? '';
}

beforeAll(async () => {
  images = createServer((req, res) => {
    const path = req.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    // Every answer claims to be a PNG: the gateway must judge by the bytes.
    const body = {
      '/badge.png': REMOTE_PNG,
      '/badge.svg': svg('remote'),
      '/page.html': Buffer.from('<!DOCTYPE html><html><body>Not found</body></html>'),
      '/photo.jpg': JPEG,
    }[path];
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png' }).end(body);
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imagesUrl = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPortUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone.png`;
  await new Promise((resolve) => closed.close(resolve));

  // The image server is on loopback, which production refuses to fetch from.
  system = await startSystem('baked-images', { env: { BAKED_IMAGE_ALLOW_PRIVATE_HOSTS: 'true' } });
  await post('/systems', {
    slug: 'bakery',
    name: 'Bakery',
    url: 'https://bakery.example.org',
    email: 'badges@bakery.example.org',
  });
  await badgeWithUpload('uploaded-png', UPLOADED_PNG, 'image/png');
  // Stored with a wrong MIME type on purpose: the bytes decide.
  await badgeWithUpload('uploaded-svg', svg('uploaded'), 'application/octet-stream');
  await badgeWithUrl('remote-png', `${imagesUrl}/badge.png`);
  await badgeWithUrl('remote-svg', `${imagesUrl}/badge.svg`);
  await badgeWithUrl('remote-html', `${imagesUrl}/page.html`);
  await badgeWithUrl('remote-jpeg', `${imagesUrl}/photo.jpg`);
  await badgeWithUrl('remote-down', closedPortUrl);
}, 120_000);

afterAll(async () => {
  await system?.stop();
  await new Promise((resolve) => images?.close(resolve));
});

describe('GET /public/credentials/:uid/image.png|svg', () => {
  for (const type of ['png', 'svg'] as const) {
    it(`bakes the signed credential into an uploaded ${type.toUpperCase()}: it extracts to exactly the served credential and verifies`, async () => {
      const uid = await award(`uploaded-${type}`, `${type}@example.org`);
      const image = await get(`/public/credentials/${uid}/image.${type}`);
      expect(image.status, image.bytes.toString()).toBe(200);
      expect(image.type).toBe(type === 'png' ? 'image/png' : 'image/svg+xml');
      expect(image.headers.get('x-content-type-options')).toBe('nosniff');
      const served = (await get(`/public/credentials/${uid}`)).bytes.toString('utf8');
      const baked = bakedCredential(image, type);
      expect(baked).toBe(served);
      const credential = JSON.parse(baked) as Doc;
      expect(await verifyCredentialProof(credential, fetchOverHttp)).toEqual({ verified: true });
      if (type === 'png') {
        const decoded = PNG.sync.read(image.bytes);
        expect(decoded.data.equals(PNG.sync.read(UPLOADED_PNG).data)).toBe(true);
      } else {
        expect(image.bytes.toString()).toContain('<title>uploaded</title>');
      }
    });
  }

  it("still bakes a revoked award's credential, which verifies while its status reads revoked", async () => {
    const uid = await award('uploaded-png', 'revoked@example.org');
    const before = (await get(`/public/credentials/${uid}`)).bytes.toString('utf8');
    expect(
      (await call({ method: 'DELETE', path: `${S}/badges/uploaded-png/instances/revoked@example.org` })).status,
    ).toBe(200);
    const image = await get(`/public/credentials/${uid}/image.png`);
    expect(image.status).toBe(200);
    const credential = JSON.parse(bakedCredential(image, 'png')) as Doc;
    expect(JSON.stringify(credential)).toBe(JSON.stringify(JSON.parse(before)));
    expect(await verifyCredentialProof(credential, fetchOverHttp)).toEqual({ verified: true });
    expect(await revocationStatus(credential, fetchOverHttp)).toMatchObject({ revoked: true, listVerified: true });
  });

  it('answers whatever a client accepts, and 404 for an unknown uid or the other image type', async () => {
    const uid = await award('uploaded-png', 'accept@example.org');
    expect((await get(`/public/credentials/${uid}/image.png`, 'image/png')).status).toBe(200);
    expect((await get(`/public/credentials/${uid}/image.png`, 'text/html,application/xhtml+xml,*/*;q=0.8')).type).toBe(
      'image/png',
    );
    const wrong = await get(`/public/credentials/${uid}/image.svg`);
    expect(wrong.status).toBe(404);
    expect(json(wrong)).toEqual({
      code: 'ResourceNotFound',
      message: `The badge image is PNG: its baked image is ${system.gatewayUrl}/public/credentials/${uid}/image.png`,
    });
    expect(json(await get('/public/credentials/nope/image.png'))).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find badge instance',
    });
  });
});

describe('GET /public/assertions/:uid/image.png|svg (Open Badges 2.0)', () => {
  it('bakes the hosted assertion as /public/assertions/:uid?v=2_0 answers it, with its URL as `verify` in SVG', async () => {
    for (const type of ['png', 'svg'] as const) {
      const uid = await award(`uploaded-${type}`, `v2-${type}@example.org`);
      const hosted = await get(`/public/assertions/${uid}?v=2_0`);
      const image = await get(`/public/assertions/${uid}/image.${type}`);
      expect(image.status, image.bytes.toString()).toBe(200);
      const text = hosted.bytes.toString('utf8');
      expect(json(hosted)).toMatchObject({
        '@context': 'https://w3id.org/openbadges/v2',
        type: 'Assertion',
        id: `${system.gatewayUrl}/public/assertions/${uid}?v=2_0`,
      });
      if (type === 'png') {
        expect(countPngTextChunks(image.bytes, OB2_BAKING.keyword)).toBe(1);
        expect(extractPngText(image.bytes, OB2_BAKING.keyword)).toBe(text);
        expect(extractPngText(image.bytes, OB3_BAKING.keyword)).toBeUndefined();
      } else {
        expect(extractSvgPayload(image.bytes, OB2_BAKING)).toEqual({
          text,
          verify: `${system.gatewayUrl}/public/assertions/${uid}?v=2_0`,
          rootDeclaresNamespace: true,
          count: 1,
        });
      }
    }
  });

  it('answers 410 once the award is revoked, as the hosted assertion does', async () => {
    const uid = await award('uploaded-png', 'v2-gone@example.org');
    expect(
      (await call({ method: 'DELETE', path: `${S}/badges/uploaded-png/instances/v2-gone@example.org` })).status,
    ).toBe(200);
    const image = await get(`/public/assertions/${uid}/image.png`);
    expect(image.status).toBe(410);
    expect(json(image)).toMatchObject({ code: 'Revoked' });
  });
});

describe('external badge images', () => {
  it('bakes a PNG and an SVG fetched from their URL, fetching each once', async () => {
    for (const type of ['png', 'svg'] as const) {
      const uid = await award(`remote-${type}`, `remote-${type}@example.org`);
      const other = await award(`remote-${type}`, `remote-${type}-2@example.org`);
      const [first, second, third] = await Promise.all([
        get(`/public/credentials/${uid}/image.${type}`),
        get(`/public/credentials/${other}/image.${type}`),
        get(`/public/assertions/${uid}/image.${type}`),
      ]);
      for (const image of [first, second, third]) expect(image?.status, image?.bytes.toString()).toBe(200);
      const baked = bakedCredential(first, type);
      expect(baked).toBe((await get(`/public/credentials/${uid}`)).bytes.toString('utf8'));
      expect(await verifyCredentialProof(JSON.parse(baked) as Doc, fetchOverHttp)).toEqual({ verified: true });
      expect((await get(`/public/credentials/${uid}/image.${type}`)).status).toBe(200);
      expect(hits.get(`/badge.${type}`)).toBe(1);
    }
    expect(
      PNG.sync.read(
        (await get(`/public/credentials/${await award('remote-png', 'decode@example.org')}/image.png`)).bytes,
      ).width,
    ).toBe(2);
  });

  it("refuses an HTML page or a JPEG, whatever their server claims, with 422 in BadgeKit's format, remembering the verdict", async () => {
    for (const [badge, kind, path] of [
      ['remote-html', 'an HTML page', '/page.html'],
      ['remote-jpeg', 'a JPEG file', '/photo.jpg'],
    ] as const) {
      const uid = await award(badge, `${badge}@example.org`);
      for (const url of [
        `/public/credentials/${uid}/image.png`,
        `/public/credentials/${uid}/image.svg`,
        `/public/assertions/${uid}/image.png`,
      ]) {
        const refused = await get(url);
        expect(refused.status).toBe(422);
        expect(json(refused)).toEqual({
          code: 'UnbakeableImage',
          message: `The badge image is ${kind}, not a PNG or SVG image, so it cannot be baked`,
        });
      }
      expect(hits.get(path)).toBe(1);
    }
  });

  it("answers 502 when the image's server cannot be reached", async () => {
    const uid = await award('remote-down', 'down@example.org');
    const failed = await get(`/public/credentials/${uid}/image.png`);
    expect(failed.status).toBe(502);
    expect(json(failed)).toMatchObject({
      code: 'ImageUnreachable',
      message: expect.stringMatching(/could not be reached/),
    });
  });
});

describe('documentation', () => {
  it('lists the four baked image routes in /openapi.json with their image media types', async () => {
    const document = json(await get('/openapi.json')) as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    for (const [path, media] of [
      ['/public/credentials/{uid}/image.png', 'image/png'],
      ['/public/credentials/{uid}/image.svg', 'image/svg+xml'],
      ['/public/assertions/{uid}/image.png', 'image/png'],
      ['/public/assertions/{uid}/image.svg', 'image/svg+xml'],
    ]) {
      expect(Object.keys(document.paths[path as string]?.get?.responses['200']?.content ?? {}), path).toEqual([media]);
    }
  });
});
