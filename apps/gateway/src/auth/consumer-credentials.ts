/**
 * Credentials of API consumers outside BadgeKit (customer-badge-import.md §4.2, v2 BadgeAssignment): an API consumer,
 * by Basic credentials (key : secret, or key : md5hex(secret) as Capillary
 * clients send) or by an OAuth access token from POST /v3/oauth/token/generate.
 *
 * Tokens are HS256 JWTs under a key derived from SECRET_ENCRYPTION_KEY with
 * a purpose label, so no new setting is needed and the key protects nothing
 * else. A token names the consumer, and the consumer row is read on every
 * request anyway: a deleted consumer's tokens stop working at once, and a
 * removed permission too.
 *
 * Basic checks cost one scrypt (tens of milliseconds); a bulk client sends
 * the same credentials with every batch, so a verified credential is
 * remembered briefly, keyed by a digest that includes the stored hash (a new
 * secret invalidates it).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Permission } from '../domain/permissions.js';
import { md5Hex, verifySecret } from '../domain/secrets.js';
import type { ConsumerRecord, ConsumerStore } from '../store/consumers.js';

export const TOKEN_TTL_SECONDS = 3600;
const TOKEN_PURPOSE = 'laurel/customer-import/oauth-access-token/v1';
const MD5_HEX = /^[0-9a-f]{32}$/i;
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 1000;

export type AuthOutcome = { ok: true; consumer: ConsumerRecord } | { ok: false; status: 401 | 403; message: string };

interface TokenClaims {
  sub: string;
  site: string;
  iat: number;
  exp: number;
}

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export class ConsumerCredentials {
  private readonly tokenKey: Buffer;
  private readonly verified = new Map<string, number>();

  constructor(
    private readonly consumers: ConsumerStore,
    encryptionKey: string,
    private readonly ttlSeconds = TOKEN_TTL_SECONDS,
  ) {
    this.tokenKey = createHmac('sha256', encryptionKey).update(TOKEN_PURPOSE).digest();
  }

  /** Basic's password part as it is compared: md5 digests as sent, anything else hashed to one. */
  private static md5Form(password: string): string {
    return MD5_HEX.test(password) ? password.toLowerCase() : md5Hex(password);
  }

  private async passwordMatches(consumer: ConsumerRecord, password: string): Promise<boolean> {
    const candidate = ConsumerCredentials.md5Form(password);
    const memo = createHash('sha256')
      .update(`${consumer.key}\n${consumer.secretMd5Hash}\n${candidate}`)
      .digest('base64url');
    const until = this.verified.get(memo);
    if (until !== undefined && until > Date.now()) return true;
    if (!(await verifySecret(candidate, consumer.secretMd5Hash))) return false;
    if (this.verified.size >= VERIFIED_MAX) this.verified.clear();
    this.verified.set(memo, Date.now() + VERIFIED_TTL_MS);
    return true;
  }

  /** Key and secret (or its md5) of a consumer; undefined when they do not match. */
  async checkCredentials(key: string, secret: string): Promise<ConsumerRecord | undefined> {
    if (!key || !secret) return undefined;
    const consumer = await this.consumers.findByKey(key);
    if (!consumer) return undefined;
    return (await this.passwordMatches(consumer, secret)) ? consumer : undefined;
  }

  issueToken(consumer: ConsumerRecord, nowMs = Date.now()): { accessToken: string; ttlSeconds: number } {
    const iat = Math.floor(nowMs / 1000);
    const claims: TokenClaims = { sub: consumer.key, site: consumer.siteId, iat, exp: iat + this.ttlSeconds };
    const unsigned = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify(claims))}`;
    return {
      accessToken: `${unsigned}.${createHmac('sha256', this.tokenKey).update(unsigned).digest('base64url')}`,
      ttlSeconds: this.ttlSeconds,
    };
  }

  /** The claims of a token this gateway signed and that has not expired. */
  readToken(token: string, nowMs = Date.now()): TokenClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = createHmac('sha256', this.tokenKey).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
      if (head.alg !== 'HS256') return undefined;
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
      if (
        typeof claims.sub !== 'string' ||
        typeof claims.site !== 'string' ||
        typeof claims.exp !== 'number' ||
        typeof claims.iat !== 'number'
      )
        return undefined;
      if (claims.exp * 1000 <= nowMs) return undefined;
      return { sub: claims.sub, site: claims.site, iat: claims.iat, exp: claims.exp };
    } catch {
      return undefined;
    }
  }

  /** The consumer a request's credentials name, if it holds `permission` (the import's, v2 BadgeAssignment's). */
  async authenticate(
    headers: Record<string, string | string[] | undefined>,
    permission: Permission,
  ): Promise<AuthOutcome> {
    const header = (name: string) => {
      const value = headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const authorization = header('authorization')?.trim();
    const token =
      header('x-cap-api-oauth-token')?.trim() ||
      header('cap-api-access-token')?.trim() ||
      (authorization && /^bearer\s+/i.test(authorization) ? authorization.replace(/^bearer\s+/i, '') : undefined);
    let consumer: ConsumerRecord | undefined;
    if (token) {
      const claims = this.readToken(token);
      if (!claims) return { ok: false, status: 401, message: 'the access token is invalid or has expired' };
      consumer = await this.consumers.findByKey(claims.sub);
      if (!consumer || consumer.siteId !== claims.site)
        return { ok: false, status: 401, message: 'the access token names no consumer' };
    } else if (authorization && /^basic\s+/i.test(authorization)) {
      const decoded = Buffer.from(authorization.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 1) return { ok: false, status: 401, message: 'Basic credentials must be key:secret' };
      consumer = await this.checkCredentials(decoded.slice(0, colon), decoded.slice(colon + 1));
      if (!consumer) return { ok: false, status: 401, message: 'unknown consumer key or wrong secret' };
    } else return { ok: false, status: 401, message: 'credentials are required: Basic, or an OAuth access token' };
    if (!consumer.permissions.includes(permission))
      return { ok: false, status: 403, message: `this consumer lacks the ${permission} permission` };
    return { ok: true, consumer };
  }
}
