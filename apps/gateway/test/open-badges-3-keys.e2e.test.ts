/**
 * Open Badges 3.0 keys through the real system (issue #11 items 2 and 5):
 * the VC-JWT form of a credential, checked with jose against the one JWK its
 * kid answers; and issuer key rotation through the admin API and the
 * command line, after which older credentials keep verifying with the
 * independent verifier; and the site's did:web document, resolved as a DID
 * resolver does, whose keys verify the site's credentials.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProtectedHeader, importJWK, jwtVerify, type JWK } from 'jose';
import { badgekitRequest, REPO_ROOT, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';
import { knownKey, verifyCredentialProof, fetchOverHttp, fetchText } from '@laurel/testkit/ob3-verifier';

let system: TestSystem;
const call = (request: Omit<Parameters<typeof badgekitRequest>[1], 'secret'>) =>
  badgekitRequest(system.gatewayUrl, { secret: TEST_MASTER_SECRET, ...request });
const post = (path: string, body: unknown) => call({ method: 'POST', path, body: JSON.stringify(body) });

type Doc = Record<string, unknown>;
const S = '/systems/keycity';

async function award(email: string, site = S): Promise<string> {
  const res = await post(`${site}/badges/keys/instances`, { email, issuedOn: '2026-02-03T04:05:06Z' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { instance: { slug: string } }).instance.slug;
}

const issuerId = (slug: string) => `${system.gatewayUrl}/public/systems/${slug}?v=3_0`;
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
  for (const slug of ['keycity', 'clicity']) {
    await made('/systems', { slug, name: `Site ${slug}`, url: `https://${slug}.example.org` });
    await made(`/systems/${slug}/badges`, {
      slug: 'keys',
      name: 'Keys',
      strapline: 'Keys',
      earnerDescription: 'Keys',
      consumerDescription: 'Keys',
      unique: 1,
      imageUrl: 'https://example.org/keys.png',
      criteriaUrl: 'https://example.org/keys-criteria',
    });
  }
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
      iss: issuerId('keycity'),
      jti: credentialUrl(uid),
      nbf: Date.parse('2026-02-03T04:05:06Z') / 1000,
      exp: undefined,
      sub: undefined,
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

  it("answers 400 for another format and 404 for an unknown uid or key, in BadgeKit's format", async () => {
    const uid = await award('formats@example.org');
    const bad = await fetchText(`${credentialUrl(uid)}?format=xml`, 'text/html');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({
      code: 'ValidationError',
      details: [{ field: 'format', value: 'xml' }],
    });
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

const adminCall = (method: string, path: string, body?: unknown) =>
  badgekitRequest(system.gatewayUrl, {
    secret: TEST_MASTER_SECRET,
    method,
    path,
    ...(body !== undefined && { body: JSON.stringify(body), contentType: 'application/json' }),
  });

const credentialOf = async (uid: string) =>
  JSON.parse((await fetchText(credentialUrl(uid))).text) as Doc & { proof: Doc[] };
const profileKeys = async (slug: string) =>
  (JSON.parse((await fetchText(issuerId(slug))).text) as { verificationMethod: Doc[] }).verificationMethod.map(
    (m) => m.publicKeyMultibase,
  );

describe('issuer keys through the admin API', () => {
  it("lists the site's keys; a rotation publishes the new key at once while the current one keeps signing, and refuses a second rotation meanwhile", async () => {
    const old = await credentialOf(await award('before-rotation@example.org'));
    const jwt = (await fetchText(jwtUrl(await award('jwt-listed@example.org')))).text;

    const listed = await adminCall('GET', '/admin/systems/keycity/issuer-keys');
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    const first = listed.body as { issuerId: string; keys: Doc[]; jwtKeys: Doc[] };
    expect(first.issuerId).toBe(issuerId('keycity'));
    expect(first.keys).toEqual([
      {
        publicKeyMultibase: expect.stringMatching(/^z6Mk/),
        verificationMethod: old.proof[0]?.verificationMethod,
        state: 'signing',
        createdAt: expect.any(String),
        signsFrom: expect.any(String),
        retiredAt: null,
      },
    ]);
    expect(first.jwtKeys).toEqual([
      { kid: decodeProtectedHeader(jwt).kid, thumbprint: expect.any(String), createdAt: expect.any(String) },
    ]);

    const rotated = await adminCall('POST', '/admin/systems/keycity/issuer-keys/rotate', { graceSeconds: 3600 });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(201);
    const { key } = rotated.body as { key: Doc };
    expect(key).toMatchObject({
      publicKeyMultibase: expect.stringMatching(/^z6Mk/),
      state: 'waiting',
      retiredAt: null,
    });
    expect(Date.parse(String(key.signsFrom)) - Date.now()).toBeGreaterThan(3000 * 1000);
    // Published before it signs: the issuer Profile lists it now.
    expect(await profileKeys('keycity')).toEqual([first.keys[0]?.publicKeyMultibase, key.publicKeyMultibase]);
    const during = await credentialOf(await award('during-grace@example.org'));
    expect(during.proof[0]?.verificationMethod).toBe(old.proof[0]?.verificationMethod);
    expect(await verifyCredentialProof(during, fetchOverHttp)).toEqual({ verified: true });
    expect(await verifyCredentialProof(old, fetchOverHttp)).toEqual({ verified: true });

    const again = await adminCall('POST', '/admin/systems/keycity/issuer-keys/rotate', {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ResourceConflict' });
    const after = (await adminCall('GET', '/admin/systems/keycity/issuer-keys')).body as { keys: Doc[] };
    expect(after.keys.map((k) => k.state)).toEqual(['signing', 'waiting']);
  });

  it("answers 404 for an unknown site and 400 in BadgeKit's format for a bad grace period", async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['POST', {}],
    ] as const) {
      const res = await adminCall(
        method,
        `/admin/systems/atlantis/issuer-keys${method === 'POST' ? '/rotate' : ''}`,
        body,
      );
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        code: 'ResourceNotFound',
        message: 'Could not find system field: `slug`, value: `atlantis`',
      });
    }
    for (const graceSeconds of [-1, 1.5, '60', 2 ** 40, 31 * 24 * 3600]) {
      const res = await adminCall('POST', '/admin/systems/clicity/issuer-keys/rotate', { graceSeconds });
      expect(res.status, String(graceSeconds)).toBe(400);
      expect(res.body).toMatchObject({
        code: 'ValidationError',
        message: 'Could not validate required fields',
        details: [{ field: 'graceSeconds' }],
      });
    }
    expect((await adminCall('GET', '/admin/systems/clicity/issuer-keys')).body).toMatchObject({ keys: [] });
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function admin(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'apps', 'gateway', 'dist', 'src', 'cli.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', GATEWAY_URL: system.gatewayUrl, BADGEKIT_MASTER_SECRET: TEST_MASTER_SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run admin -- issuer-keys:*', () => {
  it('rotates with --grace 0 so the new key signs at once; the retired key stays listed and its credentials keep verifying', async () => {
    const old = await credentialOf(await award('cli-old@example.org', '/systems/clicity'));
    const rotated = await admin(['issuer-keys:rotate', 'clicity', '--grace', '0']);
    expect({ code: rotated.code, stderr: rotated.stderr }).toEqual({ code: 0, stderr: '' });
    const { key } = JSON.parse(rotated.stdout) as { key: Doc };
    expect(key).toMatchObject({ state: 'signing', publicKeyMultibase: expect.stringMatching(/^z6Mk/) });

    const listed = await admin(['issuer-keys:list', 'clicity']);
    expect(listed.code).toBe(0);
    const { keys } = JSON.parse(listed.stdout) as { keys: Doc[] };
    expect(keys.map((k) => k.state)).toEqual(['retired', 'signing']);
    expect(keys[0]?.verificationMethod).toBe(old.proof[0]?.verificationMethod);
    expect(keys[1]?.publicKeyMultibase).toBe(key.publicKeyMultibase);

    const fresh = await credentialOf(await award('cli-new@example.org', '/systems/clicity'));
    expect(fresh.proof[0]?.verificationMethod).toBe(`${issuerId('clicity')}#${String(key.publicKeyMultibase)}`);
    expect(await verifyCredentialProof(fresh, fetchOverHttp)).toEqual({ verified: true });
    expect(await verifyCredentialProof(old, fetchOverHttp)).toEqual({ verified: true });
  });

  it('exits 2 for a grace that is not a whole number, 1 for an unknown site', async () => {
    const bad = await admin(['issuer-keys:rotate', 'clicity', '--grace', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--grace');
    const unknown = await admin(['issuer-keys:list', 'atlantis']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('atlantis');
  });
});

/**
 * did:web resolution (did:web method §3.2): the method-specific id's
 * segments, percent-decoded, are host and path; did.json at the end. The
 * method always means https; the test gateway speaks plain http.
 */
function didWebUrl(did: string): string {
  const [scheme, method, host, ...path] = did.split(':');
  if (scheme !== 'did' || method !== 'web' || !host) throw new Error(`not a did:web DID: ${did}`);
  const url = `https://${decodeURIComponent(host)}/${path.length > 0 ? path.map(decodeURIComponent).join('/') : '.well-known'}/did.json`;
  return url.replace(/^https:/, 'http:');
}

describe('GET /public/systems/:site/did.json', () => {
  it("resolves did:web:<host>:public:systems:<site> to the site's keys as Multikeys, which verify its credentials", async () => {
    const did = `did:web:${encodeURIComponent(new URL(system.gatewayUrl).host)}:public:systems:keycity`;
    const res = await fetch(didWebUrl(did));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/did\+json/);
    const document = (await res.json()) as {
      id: string;
      alsoKnownAs: string[];
      verificationMethod: Doc[];
      assertionMethod: string[];
    };
    expect(document.id).toBe(did);
    expect(document.alsoKnownAs).toEqual([issuerId('keycity')]);
    expect(document.verificationMethod.map((m) => m.publicKeyMultibase)).toEqual(await profileKeys('keycity'));
    for (const method of document.verificationMethod) {
      expect(method).toEqual({
        id: `${did}#${String(method.publicKeyMultibase)}`,
        type: 'Multikey',
        controller: did,
        publicKeyMultibase: expect.stringMatching(/^z6Mk/),
      });
    }
    expect(document.assertionMethod).toEqual(document.verificationMethod.map((m) => m.id));

    // The credential's key, taken from the DID document alone, verifies it; another key of the document does not.
    const credential = await credentialOf(await award('did@example.org'));
    const named = String(credential.proof[0]?.verificationMethod).split('#')[1];
    const own = document.verificationMethod.find((m) => m.publicKeyMultibase === named);
    const other = document.verificationMethod.find((m) => m.publicKeyMultibase !== named);
    expect(own).toBeDefined();
    expect(other).toBeDefined();
    expect(
      await verifyCredentialProof(credential, knownKey(issuerId('keycity'), String(own?.publicKeyMultibase))),
    ).toEqual({ verified: true });
    expect(
      (await verifyCredentialProof(credential, knownKey(issuerId('keycity'), String(other?.publicKeyMultibase))))
        .verified,
    ).toBe(false);
  });

  it('answers 404 for an unknown site', async () => {
    const res = await fetchText(`${system.gatewayUrl}/public/systems/atlantis/did.json`, 'application/did+json');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text)).toMatchObject({ code: 'ResourceNotFound' });
  });
});
