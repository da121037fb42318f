/**
 * Open Badges 3.0 through the real system (issue #11): a badge awarded with
 * the BadgeKit API answers a signed OpenBadgeCredential that an independent
 * verifier accepts — the digitalbazaar verifier resolving the key from the
 * site's issuer Profile as the running gateway serves it, and the 1EdTech
 * JSON Schema with ajv — while a changed credential fails. The credential is
 * signed once (every fetch, concurrent first ones included, answers the same
 * text), is also what /public/assertions/:uid answers on ?v=3_0 or
 * Accept: application/vc+ld+json, stays verifiable once revoked, and the
 * existing 1.0 / 2.0 / page answers of the same URLs do not change.
 */
import { createHash } from 'node:crypto';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { ServiceClient } from '@laurel/service-kit';
import { laurelProtos } from '@laurel/protos';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';
import {
  achievementCredentialSchemaErrors,
  profileSchemaErrors,
  revocationStatus,
  verifyCredentialProof,
  fetchOverHttp,
  fetchText,
} from '@laurel/testkit/ob3-verifier';

let system: TestSystem;
let db: pg.Client;
const call = (request: Omit<Parameters<typeof badgekitRequest>[1], 'secret'>) =>
  badgekitRequest(system.gatewayUrl, { secret: TEST_MASTER_SECRET, ...request });
const post = (path: string, body: unknown) => call({ method: 'POST', path, body: JSON.stringify(body) });

type Doc = Record<string, unknown>;
const S = '/systems/ob3city';

async function award(badgePath: string, email: string): Promise<string> {
  const res = await post(`${badgePath}/instances`, { email, issuedOn: '2026-02-03T04:05:06Z' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { instance: { slug: string } }).instance.slug;
}

/** node:http, not fetch: fetch adds `Cache-Control: no-cache` to a request with If-None-Match, which rules out a 304. */
function revalidatedStatus(url: string, etag: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'if-none-match': etag } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    }).on('error', reject);
  });
}

let uid: string;
const credentialUrl = (u: string) => `${system.gatewayUrl}/public/credentials/${u}`;

beforeAll(async () => {
  system = await startSystem('open-badges-3');
  db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  const made = async (path: string, body: Doc) => {
    const res = await post(path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  await made('/systems', {
    slug: 'ob3city',
    name: 'OB3 City',
    url: 'https://ob3city.example.org',
    email: 'badges@ob3city.example.org',
  });
  await made(`${S}/issuers`, { slug: 'library', name: 'Library', url: 'https://library.example.org' });
  await made(`${S}/issuers/library/badges`, {
    slug: 'reader',
    name: 'Reader',
    strapline: 'Reads',
    earnerDescription: 'You read',
    consumerDescription: 'They read',
    criteriaUrl: 'https://example.org/criteria',
    unique: 1,
    type: 'Skill',
    imageUrl: 'https://example.org/reader.png',
    tags: ['books', 'summer'],
    criteria: [{ description: 'Read three books', required: 1 }],
    alignments: [{ name: 'Literacy', url: 'https://example.org/literacy', description: 'Reading standard' }],
  });
  await made(`${S}/badges`, {
    slug: 'plain',
    name: 'Plain',
    strapline: 'Plain',
    earnerDescription: 'Plain',
    consumerDescription: 'Plain',
    unique: 1,
    imageUrl: 'https://example.org/plain.png',
    criteriaUrl: 'https://example.org/plain-criteria',
  });
  uid = await award(`${S}/issuers/library/badges/reader`, 'Reader@Example.org');
}, 120_000);

afterAll(async () => {
  await db?.end();
  await system?.stop();
});

describe('GET /public/credentials/:uid', () => {
  it('answers a signed OpenBadgeCredential that verifies independently and conforms to the 1EdTech schema', async () => {
    const { status, type, text } = await fetchText(credentialUrl(uid));
    expect(status, text).toBe(200);
    expect(type).toMatch(/^application\/vc\+ld\+json/);
    const credential = JSON.parse(text) as Doc;
    const issuerId = `${system.gatewayUrl}/public/systems/ob3city?v=3_0`;
    expect(credential).toMatchObject({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
      ],
      id: credentialUrl(uid),
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: {
        id: issuerId,
        type: ['Profile'],
        name: 'OB3 City',
        url: 'https://ob3city.example.org',
        email: 'badges@ob3city.example.org',
      },
      validFrom: '2026-02-03T04:05:06Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        achievement: {
          id: `${system.gatewayUrl}/public${S}/issuers/library/badges/reader`,
          type: ['Achievement'],
          name: 'Reader',
          criteria: { id: 'https://example.org/criteria', narrative: '- Read three books' },
          image: { id: 'https://example.org/reader.png', type: 'Image' },
          tag: ['books', 'summer'],
          alignment: [
            {
              type: ['Alignment'],
              targetName: 'Literacy',
              targetUrl: 'https://example.org/literacy',
              targetDescription: 'Reading standard',
            },
          ],
        },
      },
      credentialSchema: [
        {
          id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
          type: '1EdTechJsonSchemaValidator2019',
        },
      ],
    });
    const [identity] = (credential.credentialSubject as { identifier: Doc[] }).identifier;
    expect(identity).toMatchObject({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true });
    expect(identity?.identityHash).toBe(
      `sha256$${createHash('sha256')
        .update(`reader@example.org${String(identity?.salt)}`)
        .digest('hex')}`,
    );
    expect(text.toLowerCase()).not.toContain('reader@example.org');
    const [proof] = credential.proof as Doc[];
    expect(proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
    });
    expect(String(proof?.verificationMethod)).toMatch(new RegExp(`^${issuerId.replace(/[?.]/g, '\\$&')}#z6Mk`));

    expect(achievementCredentialSchemaErrors(credential)).toEqual([]);
    expect(await verifyCredentialProof(credential, fetchOverHttp)).toEqual({ verified: true });
  });

  it('fails verification once any value is changed', async () => {
    const credential = JSON.parse((await fetchText(credentialUrl(uid))).text) as Doc;
    const renamed = { ...credential, validFrom: '2020-01-01T00:00:00Z' };
    expect((await verifyCredentialProof(renamed, fetchOverHttp)).verified).toBe(false);
    const otherHolder = structuredClone(credential);
    ((otherHolder.credentialSubject as { identifier: Doc[] }).identifier[0] as Doc).identityHash =
      `sha256$${'0'.repeat(64)}`;
    expect((await verifyCredentialProof(otherHolder, fetchOverHttp)).verified).toBe(false);
  });

  it('is signed once: every fetch, concurrent first ones included, answers the same text', async () => {
    const other = await award(`${S}/badges/plain`, 'twice@example.org');
    const texts = await Promise.all(
      Array.from({ length: 5 }, async () => (await fetchText(credentialUrl(other))).text),
    );
    expect(new Set(texts).size).toBe(1);
    expect((await fetchText(credentialUrl(other))).text).toBe(texts[0]);
    expect((await fetchText(credentialUrl(uid))).text).toBe((await fetchText(credentialUrl(uid))).text);
    const { rows } = await db.query('select count(*)::int as n from issuance.issuer_keys');
    expect(rows[0]).toEqual({ n: 1 });
  });

  it("answers 404 in BadgeKit's format for an unknown uid, whatever is accepted", async () => {
    for (const accept of [undefined, 'application/vc+ld+json']) {
      const { status, text } = await fetchText(credentialUrl('nope'), accept);
      expect(status).toBe(404);
      expect(JSON.parse(text)).toEqual({ code: 'ResourceNotFound', message: 'Could not find badge instance' });
    }
  });
});

describe('GET /public/assertions/:uid', () => {
  it('answers the same credential on ?v=3_0 or an Accept ranking application/vc+ld+json first', async () => {
    const credential = (await fetchText(credentialUrl(uid))).text;
    const assertion = `${system.gatewayUrl}/public/assertions/${uid}`;
    for (const [url, accept] of [
      [`${assertion}?v=3_0`, undefined],
      [assertion, 'application/vc+ld+json'],
      [assertion, 'application/vc+ld+json, application/ld+json;q=0.9'],
      [`${assertion}?v=3_0`, 'text/html'],
    ] as const) {
      const { status, type, text } = await fetchText(url, accept);
      expect(status).toBe(200);
      expect(type).toMatch(/^application\/vc\+ld\+json/);
      expect(text).toBe(credential);
    }
  });

  it('keeps BadgeKit 1.0, Open Badges 2.0 and the browser page otherwise', async () => {
    const assertion = `${system.gatewayUrl}/public/assertions/${uid}`;
    expect(JSON.parse((await fetchText(assertion)).text)).toMatchObject({ uid, verify: { type: 'hosted' } });
    expect(JSON.parse((await fetchText(assertion, 'application/ld+json')).text)).toMatchObject({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
    });
    expect((await fetchText(assertion, 'text/html,application/xhtml+xml,*/*;q=0.8')).type).toMatch(/^text\/html/);
  });

  it('still answers a verifiable credential once the award is revoked, while 2.0 answers 410', async () => {
    const revoked = await award(`${S}/badges/plain`, 'gone@example.org');
    const before = (await fetchText(credentialUrl(revoked))).text;
    expect((await call({ method: 'DELETE', path: `${S}/badges/plain/instances/gone@example.org` })).status).toBe(200);
    expect((await fetchText(`${system.gatewayUrl}/public/assertions/${revoked}?v=2_0`)).status).toBe(410);
    const after = await fetchText(credentialUrl(revoked));
    expect(after.status).toBe(200);
    expect(after.text).toBe(before);
    expect(await verifyCredentialProof(JSON.parse(after.text) as Doc, fetchOverHttp)).toEqual({ verified: true });
  });
});

describe('revocation by Bitstring Status List', () => {
  it("gives each credential its own entry in the site's signed list, which reads as revoked once the award is revoked", async () => {
    const kept = await award(`${S}/badges/plain`, 'kept@example.org');
    const dropped = await award(`${S}/badges/plain`, 'dropped@example.org');
    const keptCredential = JSON.parse((await fetchText(credentialUrl(kept))).text) as Doc;
    const droppedCredential = JSON.parse((await fetchText(credentialUrl(dropped))).text) as Doc;
    const keptStatus = keptCredential.credentialStatus as Doc;
    const droppedStatus = droppedCredential.credentialStatus as Doc;
    expect(keptStatus).toEqual({
      id: `${String(keptStatus.statusListCredential)}#${String(keptStatus.statusListIndex)}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: expect.stringMatching(/^\d+$/),
      statusListCredential: expect.stringMatching(new RegExp(`^${system.gatewayUrl}/public/status-lists/\\d+/1$`)),
    });
    expect(droppedStatus.statusListCredential).toBe(keptStatus.statusListCredential);
    expect(droppedStatus.statusListIndex).not.toBe(keptStatus.statusListIndex);
    expect(achievementCredentialSchemaErrors(keptCredential)).toEqual([]);
    expect(await verifyCredentialProof(keptCredential, fetchOverHttp)).toEqual({ verified: true });

    expect(await revocationStatus(droppedCredential, fetchOverHttp)).toEqual({
      revoked: false,
      listVerified: true,
      entries: 131_072,
    });
    expect((await call({ method: 'DELETE', path: `${S}/badges/plain/instances/dropped@example.org` })).status).toBe(
      200,
    );
    expect(await revocationStatus(droppedCredential, fetchOverHttp)).toEqual({
      revoked: true,
      listVerified: true,
      entries: 131_072,
    });
    expect(await revocationStatus(keptCredential, fetchOverHttp)).toEqual({
      revoked: false,
      listVerified: true,
      entries: 131_072,
    });
    // The revoked credential itself is unchanged and still verifies: its status is what says revoked.
    expect((await fetchText(credentialUrl(dropped))).text).toBe(JSON.stringify(droppedCredential));
  });

  it('serves the list as a cacheable vc+ld+json document with an ETag, signed again only when a bit changed', async () => {
    const credential = JSON.parse((await fetchText(credentialUrl(uid))).text) as Doc;
    const listUrl = String((credential.credentialStatus as Doc).statusListCredential);
    const first = await fetch(listUrl);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/vc\+ld\+json/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const text = await first.text();
    expect((await fetchText(listUrl)).text).toBe(text);
    expect(await revalidatedStatus(listUrl, etag!)).toBe(304);
    const list = JSON.parse(text) as Doc;
    expect(list).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: listUrl,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: `${system.gatewayUrl}/public/systems/ob3city?v=3_0`,
      credentialSubject: {
        id: `${listUrl}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: expect.stringMatching(/^u[\w-]+$/),
      },
    });
  });

  it('answers 404 for lists that do not exist', async () => {
    for (const path of [
      '/public/status-lists/1/99',
      '/public/status-lists/999999/1',
      '/public/status-lists/x/1',
      '/public/status-lists/1/0',
      '/public/status-lists/1/99999999999999',
    ]) {
      const { status, text } = await fetchText(`${system.gatewayUrl}${path}`, 'application/vc+ld+json');
      expect(status, path).toBe(404);
      expect(JSON.parse(text)).toEqual({ code: 'ResourceNotFound', message: 'Could not find status list' });
    }
  });
});

describe("the site's issuer Profile", () => {
  it("lists the site's key as a Multikey under verificationMethod and assertionMethod on ?v=3_0", async () => {
    const issuerId = `${system.gatewayUrl}/public/systems/ob3city?v=3_0`;
    const { status, type, text } = await fetchText(issuerId);
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/ld\+json/);
    const profile = JSON.parse(text) as Doc;
    expect(profile).toMatchObject({
      id: issuerId,
      type: ['Profile'],
      name: 'OB3 City',
      url: 'https://ob3city.example.org',
    });
    expect(profileSchemaErrors(profile)).toEqual([]);
    const [method] = profile.verificationMethod as Doc[];
    expect(method).toEqual({
      id: `${issuerId}#${String(method?.publicKeyMultibase)}`,
      type: 'Multikey',
      controller: issuerId,
      publicKeyMultibase: expect.stringMatching(/^z6Mk/),
    });
    expect(profile.assertionMethod).toEqual([method?.id]);
    const credential = JSON.parse((await fetchText(credentialUrl(uid))).text) as { proof: Doc[] };
    expect(credential.proof[0]?.verificationMethod).toBe(method?.id);
  });

  it('keeps the BadgeKit document and the Open Badges 2.0 Profile of the same URL', async () => {
    const url = `${system.gatewayUrl}/public/systems/ob3city`;
    const plain = JSON.parse((await fetchText(url)).text) as Doc;
    expect(plain).toMatchObject({ name: 'OB3 City', url: 'https://ob3city.example.org' });
    expect(plain).not.toHaveProperty('verificationMethod');
    expect(plain).not.toHaveProperty('@context');
    expect(JSON.parse((await fetchText(url, 'application/ld+json')).text)).toMatchObject({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Profile',
    });
  });
});

describe('key rotation through issuance gRPC (the admin API and CLI are tested in open-badges-3-keys.e2e)', () => {
  it('lists the new key at once, signs new credentials with it once it is due, and old credentials keep verifying', async () => {
    const old = JSON.parse((await fetchText(credentialUrl(uid))).text) as Doc & { proof: Doc[] };
    const { rows } = await db.query<{ site_id: string }>('select site_id from issuance.earned_badges where uid = $1', [
      uid,
    ]);
    const issuance = new ServiceClient(
      laurelProtos().issuance.v1.Issuance.service,
      `127.0.0.1:${system.ports.issuance}`,
      { deadlineMs: 10_000 },
    );
    try {
      const { key } = await issuance.call('RotateIssuerKey', { siteId: rows[0]!.site_id, graceSeconds: 0 });
      const issuerId = `${system.gatewayUrl}/public/systems/ob3city?v=3_0`;
      const profile = JSON.parse((await fetchText(issuerId)).text) as {
        verificationMethod: Doc[];
        assertionMethod: string[];
      };
      expect(profile.verificationMethod.map((m) => m.publicKeyMultibase)).toEqual([
        expect.stringMatching(/^z6Mk/),
        key!.publicKeyMultibase,
      ]);
      expect(profile.assertionMethod).toEqual(profile.verificationMethod.map((m) => m.id));

      const fresh = JSON.parse(
        (await fetchText(credentialUrl(await award(`${S}/badges/plain`, 'after-rotation@example.org')))).text,
      ) as Doc & { proof: Doc[] };
      expect(fresh.proof[0]?.verificationMethod).toBe(`${issuerId}#${key!.publicKeyMultibase}`);
      expect(old.proof[0]?.verificationMethod).not.toBe(fresh.proof[0]?.verificationMethod);
      expect(await verifyCredentialProof(fresh, fetchOverHttp)).toEqual({ verified: true });
      expect(await verifyCredentialProof(old, fetchOverHttp)).toEqual({ verified: true });
      expect((await fetchText(credentialUrl(uid))).text).toBe(JSON.stringify(old));
    } finally {
      issuance.close();
    }
  });
});
