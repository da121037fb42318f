/**
 * BadgeKit's request signature (badgekit-api.md §3.7), for the command
 * line: an HS256 JWT naming the method, the exact path with its query and,
 * for a body, its SHA-256, so the gateway can check the request was not
 * altered or replayed elsewhere.
 */
import { createHash, createHmac } from 'node:crypto';

export interface Signable {
  method: string;
  path: string;
  body?: string;
  key: string;
  secret: string;
  nowMs?: number;
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function authorizationHeader(request: Signable): string {
  const method = request.method.toUpperCase();
  const claims: Record<string, unknown> = {
    key: request.key,
    method,
    path: request.path,
    exp: Math.floor((request.nowMs ?? Date.now()) / 1000) + 60,
  };
  if (request.body !== undefined && !['GET', 'DELETE', 'HEAD'].includes(method)) {
    claims.body = { alg: 'sha256', hash: createHash('sha256').update(request.body).digest('hex') };
  }
  const unsigned = `${encode({ typ: 'JWT', alg: 'HS256' })}.${encode(claims)}`;
  const signature = createHmac('sha256', request.secret).update(unsigned).digest('base64url');
  return `JWT token="${unsigned}.${signature}"`;
}
