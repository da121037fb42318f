/**
 * BadgeKit's authorization checks (§3.3) as pure functions: order, messages,
 * and the fixed defects of §17 (D-1 alg none, D-2 undecodable, D-3 body hash).
 */
import { describe, expect, it } from 'vitest';
import { signToken, bodyHash } from '@laurel/testkit';
import { checkClaims, decodeToken, isExpired, verifySignature } from '../src/badgekit-format/jwt.js';

const SECRET = 'secret-of-the-master-key';
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const header = (
  claims: Record<string, unknown>,
  secret = SECRET,
  options: { alg?: string; header?: Record<string, unknown> } = {},
) => `JWT token="${signToken(claims, secret, options)}"`;
const facts = (authorization: string | undefined, overrides: Partial<Parameters<typeof checkClaims>[0]> = {}) => ({
  authorization,
  method: 'GET',
  url: '/systems',
  rawBody: Buffer.alloc(0),
  nowMs: NOW,
  ...overrides,
});
const message = (result: ReturnType<typeof checkClaims>) => (result.ok ? 'ok' : result.message);

describe('checkClaims', () => {
  it('accepts a well-formed master token', () => {
    const result = checkClaims(facts(header({ key: 'master', method: 'get', path: '/systems' })));
    expect(result.ok && result.key).toBe('master');
  });

  it.each([
    [undefined, 'Missing valid Authorization header'],
    ['Bearer abc', 'Missing valid Authorization header'],
    ['JWT token="abc" extra', 'Missing valid Authorization header'],
    ['jwt token="a.b.c"', 'Missing valid Authorization header'],
    ['JWT token="not-a-jwt"', 'Could not decode JWT'],
    ['JWT token="e30.bm90IGpzb24.c2ln"', 'Could not decode JWT'],
  ])('refuses %j with "%s"', (authorization, expected) => {
    expect(message(checkClaims(facts(authorization)))).toBe(expected);
  });

  it('reports the first failing check in the spec’s order', () => {
    expect(message(checkClaims(facts(header({ key: 'master' }))))).toBe('Missing JWT claim: method');
    expect(message(checkClaims(facts(header({ key: 'master', method: 'POST', path: '/x' }))))).toBe(
      '`method` does not match: using "POST" token for "GET" request',
    );
    expect(message(checkClaims(facts(header({ key: 'master', method: 'GET' }))))).toBe('Missing JWT claim: path');
    expect(message(checkClaims(facts(header({ method: 'GET', path: '/systems' }))))).toBe('Missing JWT claim: key');
  });

  it('compares path with the query string, byte for byte', () => {
    const token = header({ key: 'master', method: 'GET', path: '/systems?page=1&count=2' });
    expect(checkClaims(facts(token, { url: '/systems?page=1&count=2' })).ok).toBe(true);
    expect(message(checkClaims(facts(token, { url: '/systems?count=2&page=1' })))).toBe(
      '`path` does not match: trying to use token for "/systems?page=1&count=2" on "/systems?count=2&page=1"',
    );
  });

  it('checks exp in seconds and in milliseconds, with the original’s message', () => {
    const seconds = Math.floor(NOW / 1000);
    expect(
      message(checkClaims(facts(header({ key: 'master', method: 'GET', path: '/systems', exp: seconds - 1 })))),
    ).toBe(`Token is expired (token expiry: ${seconds - 1}, server time: ${seconds}`);
    expect(
      checkClaims(facts(header({ key: 'master', method: 'GET', path: '/systems', exp: NOW + 60_000 }))),
    ).toMatchObject({ ok: true });
    expect(checkClaims(facts(header({ key: 'master', method: 'GET', path: '/systems', exp: NOW - 1 })))).toMatchObject({
      ok: false,
    });
    expect(isExpired(0, NOW)).toBe(false);
  });

  describe('the body hash (D-3)', () => {
    const post = (claims: Record<string, unknown>, body: string) =>
      checkClaims(
        facts(header({ key: 'master', method: 'POST', path: '/systems', ...claims }), {
          method: 'POST',
          rawBody: Buffer.from(body),
        }),
      );

    it('requires the body claim for a non-empty body, and not for an empty one', () => {
      expect(message(post({}, '{"a":1}'))).toBe('Missing JWT claim: body');
      expect(post({}, '').ok).toBe(true);
    });

    it('accepts algorithm names in any case and checks the digest', () => {
      expect(post({ body: bodyHash('{"a":1}', 'SHA256') }, '{"a":1}').ok).toBe(true);
      expect(post({ body: bodyHash('{"a":1}', 'md5') }, '{"a":1}').ok).toBe(true);
      expect(message(post({ body: { alg: 'sha256' } }, 'x'))).toBe('Missing JWT claim: body.hash');
      expect(message(post({ body: { hash: 'x' } }, 'x'))).toBe('Missing JWT claim: body.alg');
      expect(message(post({ body: { alg: 'crc32', hash: 'x' } }, 'x'))).toBe(
        'Could not calculate hash, unsupported algorithm: crc32',
      );
      expect(message(post({ body: { alg: 'sha256', hash: 'abc' } }, 'x'))).toBe(
        `Computed hash does not match given hash: abc != ${bodyHash('x').hash}`,
      );
    });
  });
});

describe('verifySignature', () => {
  const decoded = (token: string) => {
    const d = decodeToken(token);
    if (!d) throw new Error('test token did not decode');
    return d;
  };

  it('accepts HS256, HS384 and HS512 with the right secret only', () => {
    for (const alg of ['HS256', 'HS384', 'HS512']) {
      const token = signToken({ key: 'master' }, SECRET, { alg });
      expect(verifySignature(decoded(token), SECRET)).toBe(true);
      expect(verifySignature(decoded(token), 'other')).toBe(false);
    }
  });

  it('refuses alg none and asymmetric algorithms (D-1)', () => {
    const none = signToken({ key: 'master' }, SECRET, { alg: 'none', header: { typ: 'JWT', alg: 'none' } });
    expect(verifySignature(decoded(none), SECRET)).toBe(false);
    const rs = signToken({ key: 'master' }, SECRET, { alg: 'RS256', header: { typ: 'JWT', alg: 'RS256' } });
    expect(verifySignature(decoded(rs), SECRET)).toBe(false);
  });
});
