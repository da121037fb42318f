/**
 * GET /public/images/:imageSlug (BadgeKit §10.4 with the D-6 fixes) through
 * the real gateway and catalog: uploaded bytes come back as they were sent,
 * with their MIME type; URL images redirect; unknown slugs are 404.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  authorization,
  badgekitRequest,
  bodyHash,
  startSystem,
  TEST_MASTER_SECRET,
  type TestSystem,
} from '@laurel/testkit';

let system: TestSystem;

/** A PNG signature followed by bytes that are not valid UTF-8, so any text mangling would show. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from([0xff, 0xfe, 0x00, 0x80]),
  randomBytes(64),
]);

/** Creates a system from a multipart body with an `image` file part, signed over the exact bytes sent. */
async function createSystemWithUpload(
  slug: string,
  image: Buffer,
  mimeType: string,
): Promise<{ status: number; body: unknown }> {
  const boundary = `----laurel${randomBytes(8).toString('hex')}`;
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = Buffer.concat([
    Buffer.from(field('slug', slug) + field('name', `System ${slug}`) + field('url', 'https://example.org')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="logo"\r\nContent-Type: ${mimeType}\r\n\r\n`,
    ),
    image,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const auth = authorization({
    method: 'POST',
    path: '/systems',
    secret: TEST_MASTER_SECRET,
    claims: { body: bodyHash(body) },
  });
  const response = await fetch(`${system.gatewayUrl}/systems`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
  });
  return { status: response.status, body: await response.json() };
}

const imagePath = (imageUrl: string) => new URL(imageUrl).pathname;

beforeAll(async () => {
  system = await startSystem('public-images');
});

afterAll(async () => {
  await system?.stop();
});

describe('GET /public/images/:imageSlug', () => {
  it('serves uploaded bytes with their stored MIME type, cacheable for good, without a token', async () => {
    const created = await createSystemWithUpload('uploader', PNG, 'image/png');
    expect(created.status).toBe(201);
    const imageUrl = (created.body as { system: { imageUrl: string } }).system.imageUrl;
    expect(imageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/public\/images\/[0-9a-f]{32}$/);

    const response = await fetch(`${system.gatewayUrl}${imagePath(imageUrl)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);

    // The slug is written once, so its ETag answers revalidations with 304. (An explicit
    // cache-control keeps fetch from adding `no-cache`, which would force a full answer.)
    const etag = response.headers.get('etag');
    expect(etag).toBeTruthy();
    const revalidated = await fetch(`${system.gatewayUrl}${imagePath(imageUrl)}`, {
      headers: { 'if-none-match': etag ?? '', 'cache-control': 'max-age=0' },
    });
    expect(revalidated.status).toBe(304);
  });

  it('finds the slug case-insensitively', async () => {
    const created = await createSystemWithUpload('upper', PNG, 'image/png');
    const path = imagePath((created.body as { system: { imageUrl: string } }).system.imageUrl);
    const response = await fetch(
      `${system.gatewayUrl}${path.toUpperCase().replace('/PUBLIC/IMAGES/', '/public/images/')}`,
    );
    expect(response.status).toBe(200);
  });

  it('keeps an upload that claims to be HTML from running on this origin', async () => {
    const created = await createSystemWithUpload('sneaky', Buffer.from('<script>alert(1)</script>'), 'text/html');
    const response = await fetch(
      `${system.gatewayUrl}${imagePath((created.body as { system: { imageUrl: string } }).system.imageUrl)}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('redirects a URL image to its URL with 301 and a JSON body', async () => {
    const logo = 'https://cdn.example.org/logo.png';
    const created = await badgekitRequest(system.gatewayUrl, {
      method: 'POST',
      path: '/systems',
      secret: TEST_MASTER_SECRET,
      body: JSON.stringify({ slug: 'linker', name: 'Linker', url: 'https://example.org', imageUrl: logo }),
    });
    expect(created.status).toBe(201);
    expect((created.body as { system: { imageUrl: string } }).system.imageUrl).toBe(logo);

    // A URL image's slug is not in any response; the catalog's table knows it.
    const db = new pg.Client({ connectionString: system.database.url });
    await db.connect();
    const { rows } = await db.query<{ slug: string }>('select slug from catalog.images where url = $1', [logo]);
    await db.end();
    const slug = rows[0]?.slug;
    expect(slug).toMatch(/^[0-9a-f]{32}$/);

    const response = await fetch(`${system.gatewayUrl}/public/images/${slug}`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(logo);
    expect(await response.json()).toEqual({ location: logo });
  });

  it('answers 404 ResourceNotFound for an unknown slug', async () => {
    const response = await fetch(`${system.gatewayUrl}/public/images/0123456789abcdef0123456789abcdef`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find image field: `slug`, value: `0123456789abcdef0123456789abcdef`',
    });
  });
});
