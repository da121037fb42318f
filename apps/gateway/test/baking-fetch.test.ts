/**
 * Fetching external badge images for baking (families/public/baking/
 * fetch-image.ts) against a real local HTTP server: redirects within
 * http(s) only and a few at most, the size limit whether or not the server
 * declares a length, the deadline, non-200 answers, and — unless allowed —
 * no loopback or private addresses, by literal or by name. Plus the
 * settings those limits come from.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@laurel/service-kit';
import { loadGatewayConfig } from '../src/config.js';
import { LIMITS } from '../src/http/limits.js';
import {
  fetchImage,
  ImageFetchError,
  isSpecialAddress,
  type ImageFetchLimits,
} from '../src/families/public/baking/fetch-image.js';

const BYTES = Buffer.from('\x89PNG fake image bytes', 'latin1');
let server: Server;
let base: string;
const open = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/image':
        res.end(BYTES);
        return;
      case '/redirect':
        res.writeHead(302, { location: '/image' }).end();
        return;
      case '/to-file':
        res.writeHead(301, { location: 'file:///etc/passwd' }).end();
        return;
      case '/loop':
        res.writeHead(307, { location: '/loop' }).end();
        return;
      case '/declared-big':
        res.writeHead(200, { 'content-length': '5000' }).end(Buffer.alloc(5000));
        return;
      case '/streamed-big':
        res.writeHead(200);
        for (let i = 0; i < 10; i += 1) res.write(Buffer.alloc(500));
        res.end();
        return;
      case '/never':
        open.add(res);
        return;
      default:
        res.writeHead(404).end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const local: ImageFetchLimits = { timeoutMs: 2000, maxBytes: 1024, allowPrivateHosts: true };

async function failureOf(url: string, limits: ImageFetchLimits = local): Promise<string> {
  try {
    await fetchImage(url, limits);
    return 'fetched';
  } catch (error) {
    if (error instanceof ImageFetchError) return `${error.failure}: ${error.message}`;
    throw error;
  }
}

describe('fetchImage', () => {
  it('fetches the bytes, following a redirect', async () => {
    expect((await fetchImage(`${base}/image`, local)).equals(BYTES)).toBe(true);
    expect((await fetchImage(`${base}/redirect`, local)).equals(BYTES)).toBe(true);
  });

  it('refuses other schemes, at the start and on redirect, and endless redirects', async () => {
    expect(await failureOf('ftp://example.org/badge.png')).toMatch(/^forbidden-url: .*ftp URL/);
    expect(await failureOf('file:///etc/passwd')).toMatch(/^forbidden-url: /);
    expect(await failureOf('not a url')).toMatch(/^forbidden-url: /);
    expect(await failureOf(`${base}/to-file`)).toMatch(/^forbidden-url: .*redirects to a file URL/);
    expect(await failureOf(`${base}/loop`)).toMatch(/^unreachable: .*redirects too often/);
  });

  it('stops at the size limit, declared or streamed', async () => {
    expect(await failureOf(`${base}/declared-big`)).toMatch(/^too-large: .*1024 bytes/);
    expect(await failureOf(`${base}/streamed-big`)).toMatch(/^too-large: /);
  });

  it('reports a non-200 answer, a closed port and a server that never answers', async () => {
    expect(await failureOf(`${base}/missing`)).toMatch(/^unreachable: .*HTTP 404/);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await failureOf(`http://127.0.0.1:${port}/image`)).toMatch(/^unreachable: .*ECONNREFUSED/);
    expect(await failureOf(`${base}/never`, { ...local, timeoutMs: 200 })).toMatch(/^timeout: .*200 ms/);
  });

  it('does not fetch from loopback or private addresses unless allowed, by address or by name', async () => {
    const strict = { ...local, allowPrivateHosts: false };
    expect(await failureOf(`${base}/image`, strict)).toMatch(
      /^forbidden-url: .*127\.0\.0\.1 is not on the public internet/,
    );
    expect(await failureOf(`${base.replace('127.0.0.1', 'localhost')}/image`, strict)).toMatch(
      /^forbidden-url: .*localhost/,
    );
    expect(await failureOf('http://[::1]/image', strict)).toMatch(/^forbidden-url: /);
    expect(await failureOf('http://169.254.169.254/latest/meta-data', strict)).toMatch(/^forbidden-url: /);
  });
});

describe('isSpecialAddress', () => {
  it('knows the addresses that are not the public internet', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ]) {
      expect([address, isSpecialAddress(address)]).toEqual([address, true]);
    }
    for (const address of ['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111']) {
      expect([address, isSpecialAddress(address)]).toEqual([address, false]);
    }
  });
});

describe('baked image settings', () => {
  const base = { DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'k:9092' };

  it('default to a 5 s deadline, images as large as uploads, a 64 MiB cache and public addresses only', () => {
    expect(loadGatewayConfig(base)).toMatchObject({
      BAKED_IMAGE_FETCH_TIMEOUT_MS: 5000,
      BAKED_IMAGE_MAX_BYTES: LIMITS.uploadBytes,
      BAKED_IMAGE_CACHE_BYTES: 64 * 1024 * 1024,
      BAKED_IMAGE_ALLOW_PRIVATE_HOSTS: false,
    });
    expect(
      loadGatewayConfig({ ...base, BAKED_IMAGE_ALLOW_PRIVATE_HOSTS: 'true' }).BAKED_IMAGE_ALLOW_PRIVATE_HOSTS,
    ).toBe(true);
  });

  it('refuse a cache that could not keep the largest image twice', () => {
    expect(() =>
      loadGatewayConfig({ ...base, BAKED_IMAGE_MAX_BYTES: '1048576', BAKED_IMAGE_CACHE_BYTES: '1048576' }),
    ).toThrow(ConfigError);
    expect(() =>
      loadGatewayConfig({ ...base, BAKED_IMAGE_MAX_BYTES: '1048576', BAKED_IMAGE_CACHE_BYTES: '1048576' }),
    ).toThrow(/BAKED_IMAGE_CACHE_BYTES/);
    expect(
      loadGatewayConfig({ ...base, BAKED_IMAGE_MAX_BYTES: '1048576', BAKED_IMAGE_CACHE_BYTES: '2097152' })
        .BAKED_IMAGE_CACHE_BYTES,
    ).toBe(2097152);
  });
});
