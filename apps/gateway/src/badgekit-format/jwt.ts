/**
 * Part of the BadgeKit wire format (src/badgekit-format/), shared by the
 * badgekit and admin families.
 *
 * BadgeKit request authorization (badgekit-api.md §3), as pure functions: the
 * checks run in the spec's order and the first failure's message is what the
 * client sees (always 403 NotAuthorized). The signature is checked last, as
 * the original did. Defects of the original are fixed as §17 recommends:
 * only HMAC algorithms (D-1), undecodable tokens are a 403 (D-2), and the body
 * hash covers the raw bytes of every content type, with an empty body allowed
 * to omit the claim (D-3).
 */
import { createHash, createHmac, getHashes, timingSafeEqual } from 'node:crypto';

export type AuthResult = { ok: true; key: string } | { ok: false; message: string };

interface Claims {
  key?: unknown;
  method?: unknown;
  path?: unknown;
  exp?: unknown;
  body?: unknown;
}

interface DecodedToken {
  header: Record<string, unknown>;
  claims: Claims | null;
  signingInput: string;
  signature: Buffer;
}

const HEADER_PATTERN = /^JWT token="(.+?)"$/;
const HMAC_ALGORITHMS: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const BODYLESS_METHODS = new Set(['GET', 'DELETE', 'HEAD']);
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * A claim as the original (JavaScript) compared and quoted it: String() of
 * the decoded JSON value, so a claim that is an object reads
 * "[object Object]" and fails its comparison, as it did there.
 */
const claimText = (value: unknown): string => String(value);

export function extractToken(authorization: string | undefined): string | undefined {
  return authorization?.match(HEADER_PATTERN)?.[1];
}

function parseSegment(segment: string): unknown {
  if (!BASE64URL.test(segment)) throw new Error('not base64url');
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

export function decodeToken(token: string): DecodedToken | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  try {
    const header = parseSegment(headerPart);
    const payload = parseSegment(payloadPart);
    if (header === null || typeof header !== 'object' || Array.isArray(header)) return undefined;
    if (!BASE64URL.test(signaturePart)) return undefined;
    const claims =
      payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Claims) : null;
    return {
      header: header as Record<string, unknown>,
      claims,
      signingInput: `${headerPart}.${payloadPart}`,
      signature: Buffer.from(signaturePart, 'base64url'),
    };
  } catch {
    return undefined;
  }
}

/** `exp` may be in seconds or, from the official client, in milliseconds (§3.2). */
export function isExpired(exp: number, nowMs: number): boolean {
  if (exp === 0) return false;
  return exp > 1e12 ? exp <= nowMs : exp <= Math.floor(nowMs / 1000);
}

export function hashBody(algorithm: string, body: Buffer): string | undefined {
  const name = algorithm.toLowerCase();
  if (!['md5', 'sha1', 'sha256', 'sha384', 'sha512'].includes(name) || !getHashes().includes(name)) return undefined;
  return createHash(name).update(body).digest('hex');
}

export function verifySignature(token: DecodedToken, secret: string): boolean {
  const alg = token.header.alg;
  const digest = typeof alg === 'string' ? HMAC_ALGORITHMS[alg] : undefined;
  if (!digest) return false; // `none`, RS*, ES* and anything unknown (D-1)
  const expected = createHmac(digest, secret).update(token.signingInput).digest();
  return expected.length === token.signature.length && timingSafeEqual(expected, token.signature);
}

export interface RequestFacts {
  authorization: string | undefined;
  method: string;
  /** The request URL as received after normalization: path plus query string. */
  url: string;
  rawBody: Buffer;
  nowMs: number;
}

/** Checks 1–14 of §3.3: everything before the key is resolved to a secret. */
export function checkClaims(
  facts: RequestFacts,
): { ok: true; token: DecodedToken; key: string } | { ok: false; message: string } {
  const raw = extractToken(facts.authorization);
  if (!raw) return { ok: false, message: 'Missing valid Authorization header' };
  const token = decodeToken(raw);
  if (!token) return { ok: false, message: 'Could not decode JWT' };
  const claims = token.claims;
  if (!claims) return { ok: false, message: 'Missing JWT payload' };
  if (claims.method === undefined || claims.method === null || claims.method === '')
    return { ok: false, message: 'Missing JWT claim: method' };
  const method = claimText(claims.method);
  if (method.toUpperCase() !== facts.method.toUpperCase()) {
    return { ok: false, message: `\`method\` does not match: using "${method}" token for "${facts.method}" request` };
  }
  if (claims.path === undefined || claims.path === null || claims.path === '')
    return { ok: false, message: 'Missing JWT claim: path' };
  const path = claimText(claims.path);
  if (path !== facts.url)
    return { ok: false, message: `\`path\` does not match: trying to use token for "${path}" on "${facts.url}"` };
  if (claims.exp !== undefined && claims.exp !== null) {
    const exp = Number(claims.exp);
    if (!Number.isFinite(exp) || isExpired(exp, facts.nowMs)) {
      return {
        ok: false,
        message: `Token is expired (token expiry: ${claimText(claims.exp)}, server time: ${Math.floor(facts.nowMs / 1000)}`,
      };
    }
  }
  if (!BODYLESS_METHODS.has(facts.method.toUpperCase())) {
    const body = claims.body;
    const emptyBody = facts.rawBody.length === 0;
    if (body === undefined || body === null) {
      if (!emptyBody) return { ok: false, message: 'Missing JWT claim: body' };
    } else {
      const { alg, hash } = body as { alg?: unknown; hash?: unknown };
      if (alg === undefined || alg === null || alg === '') return { ok: false, message: 'Missing JWT claim: body.alg' };
      if (hash === undefined || hash === null || hash === '')
        return { ok: false, message: 'Missing JWT claim: body.hash' };
      const computed = hashBody(claimText(alg), facts.rawBody);
      if (computed === undefined)
        return { ok: false, message: `Could not calculate hash, unsupported algorithm: ${claimText(alg)}` };
      if (claimText(hash) !== computed)
        return { ok: false, message: `Computed hash does not match given hash: ${claimText(hash)} != ${computed}` };
    }
  }
  if (claims.key === undefined || claims.key === null || claims.key === '')
    return { ok: false, message: 'Missing JWT claim: key' };
  return { ok: true, token, key: claimText(claims.key) };
}
