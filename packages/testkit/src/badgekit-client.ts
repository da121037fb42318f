/**
 * A BadgeKit client for tests and benchmarks: signs each request the way
 * BadgeKit clients do (badgekit-api.md §3.7) and sends exactly the bytes it
 * hashed.
 */
import { createHash, createHmac } from 'node:crypto';

export type JwtAlgorithm = 'HS256' | 'HS384' | 'HS512';
const DIGESTS: Record<JwtAlgorithm, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

export function signToken(
  claims: Record<string, unknown>,
  secret: string,
  options: { alg?: string; header?: Record<string, unknown> } = {},
): string {
  const alg = options.alg ?? 'HS256';
  const header = Buffer.from(JSON.stringify(options.header ?? { typ: 'JWT', alg })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const digest = DIGESTS[alg as JwtAlgorithm];
  const signature = digest ? createHmac(digest, secret).update(`${header}.${payload}`).digest('base64url') : '';
  return `${header}.${payload}.${signature}`;
}

export function bodyHash(body: string | Buffer, alg = 'sha256'): { alg: string; hash: string } {
  return { alg, hash: createHash(alg.toLowerCase()).update(body).digest('hex') };
}

export interface SignedRequest {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
  key?: string;
  secret: string;
  /** Overrides or removes claims, for tests of the checks themselves. */
  claims?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export function authorization(request: SignedRequest): string {
  const claims: Record<string, unknown> = {
    key: request.key ?? 'master',
    method: request.method,
    path: request.path,
    exp: Math.floor(Date.now() / 1000) + 60,
  };
  if (request.body !== undefined && request.method !== 'GET' && request.method !== 'DELETE')
    claims.body = bodyHash(request.body);
  return `JWT token="${signToken({ ...claims, ...request.claims }, request.secret)}"`;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Sends a signed request and parses the JSON answer. */
export async function badgekitRequest(baseUrl: string, request: SignedRequest): Promise<JsonResponse> {
  const headers: Record<string, string> = { authorization: authorization(request), ...request.headers };
  if (request.body !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
  const response = await fetch(baseUrl + request.path, {
    method: request.method,
    headers,
    ...(request.body !== undefined && { body: request.body }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON; the test will see the text
  }
  return { status: response.status, headers: response.headers, body };
}
