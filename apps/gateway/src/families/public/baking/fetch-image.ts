/**
 * Fetching a badge image that lives at an external URL, for baking. The URL
 * is the badge owner's, but the fetch is set off by anyone asking for a
 * public baked image, so it is fenced: http and https only (on every
 * redirect too), at most a few redirects, one deadline for the whole
 * fetch, a size limit enforced while reading, and — unless allowed for
 * development — no loopback, private, link-local or other special
 * addresses. The address check runs inside the connection's own DNS lookup,
 * so the address checked is the address connected to (no rebinding between
 * the two).
 *
 * node:http rather than fetch: Node's fetch takes neither a lookup function
 * nor a size limit, and its own dispatchers would need a second copy of
 * undici kept in step with Node's.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

export type ImageFetchFailure =
  /** Refused before connecting: not http(s), or an address we do not fetch from. */
  | 'forbidden-url'
  /** DNS failed, the connection failed or broke, or the server answered no image (a status other than 200, too many redirects). */
  | 'unreachable'
  | 'timeout'
  | 'too-large';

export class ImageFetchError extends Error {
  constructor(
    readonly failure: ImageFetchFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ImageFetchError';
  }
}

export interface ImageFetchLimits {
  timeoutMs: number;
  maxBytes: number;
  /** Development and tests only: let images come from loopback and private networks. */
  allowPrivateHosts: boolean;
}

const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Addresses that are not the public internet (RFC 6890 and friends): loopback, private, link-local (cloud metadata), CGNAT, multicast, reserved. */
const SPECIAL_ADDRESSES = (() => {
  const list = new BlockList();
  for (const [network, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.0.2.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['198.51.100.0', 24],
    ['203.0.113.0', 24],
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
  ] as const)
    list.addSubnet(network, prefix, 'ipv4');
  // No rule for IPv4-mapped IPv6 (::ffff:0:0/96): BlockList checks those against the IPv4 rules, and such a rule would match every IPv4 address.
  for (const [network, prefix] of [
    ['::', 128],
    ['::1', 128],
    ['64:ff9b::', 96],
    ['100::', 64],
    ['2001:db8::', 32],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
  ] as const)
    list.addSubnet(network, prefix, 'ipv6');
  return list;
})();

export const isSpecialAddress = (address: string): boolean => {
  const family = isIP(address);
  return family === 0 || SPECIAL_ADDRESSES.check(address, family === 6 ? 'ipv6' : 'ipv4');
};

const forbiddenAddress = (host: string) =>
  new ImageFetchError('forbidden-url', `The badge image's host ${host} is not on the public internet`);

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup, refusing the whole answer if any address is special (the connection may try each). */
function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    if (addresses.length === 0 || addresses.some((a) => isSpecialAddress(a.address)))
      return callback(forbiddenAddress(hostname), '');
    if (options.all) return callback(null, addresses);
    const [first] = addresses as [LookupAddress];
    return callback(null, first.address, first.family);
  });
}

/** Parses and checks one URL of the chain (the badge's, or a redirect's target). */
function checkedUrl(raw: string, base: URL | undefined, limits: ImageFetchLimits): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new ImageFetchError(
      base ? 'unreachable' : 'forbidden-url',
      `${base ? 'A redirect of the badge image' : 'The badge image URL'} is not a URL`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ImageFetchError(
      'forbidden-url',
      `The badge image ${base ? 'redirects to' : 'is'} a ${url.protocol.replace(':', '')} URL; only http and https are fetched`,
    );
  }
  if (url.username || url.password)
    throw new ImageFetchError('forbidden-url', 'The badge image URL carries credentials; it is not fetched');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!limits.allowPrivateHosts && isIP(host) !== 0 && isSpecialAddress(host)) throw forbiddenAddress(host);
  return url;
}

function get(url: URL, limits: ImageFetchLimits, signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        // No Accept-Encoding: the bytes come as the image is, so the size limit is the image's.
        headers: { accept: 'image/png, image/svg+xml;q=0.9, */*;q=0.1', 'user-agent': 'Laurel badge baker' },
        agent: false,
        signal,
        ...(!limits.allowPrivateHosts && { lookup: guardedLookup }),
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new ImageFetchError('too-large', `The badge image is larger than ${maxBytes} bytes, the most that is baked`);
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      response.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The bytes at `rawUrl`, following up to three redirects, within the limits; ImageFetchError says what went wrong. */
export async function fetchImage(rawUrl: string, limits: ImageFetchLimits, cancel?: AbortSignal): Promise<Buffer> {
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const signal = cancel ? AbortSignal.any([deadline, cancel]) : deadline;
  let url = checkedUrl(rawUrl, undefined, limits);
  try {
    for (let hop = 0; ; hop += 1) {
      const response = await get(url, limits, signal);
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        response.resume();
        const location = response.headers.location;
        if (!location || hop === MAX_REDIRECTS)
          throw new ImageFetchError(
            'unreachable',
            `The badge image's server redirects ${location ? 'too often' : 'without a Location'}`,
          );
        url = checkedUrl(location, url, limits);
        continue;
      }
      if (status !== 200) {
        response.resume();
        throw new ImageFetchError('unreachable', `The badge image's server answered HTTP ${status}`);
      }
      return await readBody(response, limits.maxBytes);
    }
  } catch (error) {
    if (error instanceof ImageFetchError) throw error;
    if (deadline.aborted)
      throw new ImageFetchError('timeout', `The badge image's server did not answer within ${limits.timeoutMs} ms`);
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new ImageFetchError(
      'unreachable',
      `The badge image's server could not be reached${code ? ` (${code})` : ''}`,
    );
  }
}
