/**
 * Hosted verification (BadgeKit §10, model.md "Public documents" and
 * "Revocation") through the real system: the 1.0 assertion BadgeKit served,
 * Open Badges 2.0 for the assertion, badge class and issuer profile on
 * `?v=2_0` or an Accept header ranking JSON-LD first, each 2.0 document
 * checked against the fields and types the 2.0 specification requires, with
 * `id` equal to the URL that served it; the salted 2.0 recipient, CORS for
 * browser verifiers and ETag revalidation. No network beyond the gateway.
 */
import { createHash } from 'node:crypto';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';

let system: TestSystem;
let db: pg.Client;
const call = (request: Omit<Parameters<typeof badgekitRequest>[1], 'secret'>) =>
  badgekitRequest(system.gatewayUrl, { secret: TEST_MASTER_SECRET, ...request });
const post = (path: string, body: unknown) => call({ method: 'POST', path, body: JSON.stringify(body) });

type Doc = Record<string, unknown>;

async function fetchDoc(url: string, accept?: string): Promise<{ status: number; type: string; body: Doc }> {
  const res = await fetch(url, accept ? { headers: { accept } } : {});
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Doc };
}

// ---- a small Open Badges 2.0 validator: required fields and their types ----

const OB2 = 'https://w3id.org/openbadges/v2';
const isIri = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/[^\s]+$/.test(v);
const isIso = (v: unknown): boolean =>
  typeof v === 'string' &&
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/.test(v) &&
  !Number.isNaN(Date.parse(v));

function problemsOf(doc: Doc, type: 'Assertion' | 'BadgeClass' | 'Profile', servedAt: string): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  need(doc['@context'] === OB2, '@context');
  need(doc.type === type, 'type');
  need(doc.id === servedAt, `id ${String(doc.id)} is not ${servedAt}`);
  if (type === 'Assertion') {
    const recipient = doc.recipient as Doc | undefined;
    need(typeof recipient === 'object' && recipient !== null, 'recipient');
    need(recipient?.type === 'email', 'recipient.type');
    need(typeof recipient?.hashed === 'boolean', 'recipient.hashed');
    need(
      typeof recipient?.identity === 'string' &&
        (!recipient.hashed || /^sha256\$[0-9a-f]{64}$/.test(recipient.identity)),
      'recipient.identity',
    );
    need(recipient?.salt === undefined || typeof recipient.salt === 'string', 'recipient.salt');
    need(isIri(doc.badge), 'badge');
    need((doc.verification as Doc | undefined)?.type === 'hosted', 'verification.type');
    need(isIso(doc.issuedOn), 'issuedOn');
    need(doc.expires === undefined || isIso(doc.expires), 'expires');
    need(doc.evidence === undefined || isIri(doc.evidence), 'evidence');
  }
  if (type === 'BadgeClass') {
    need(typeof doc.name === 'string' && doc.name !== '', 'name');
    need(typeof doc.description === 'string', 'description');
    need(isIri(doc.image), 'image');
    const criteria = doc.criteria as Doc | undefined;
    need(
      typeof criteria === 'object' &&
        criteria !== null &&
        (isIri(criteria.id) || (typeof criteria.narrative === 'string' && criteria.narrative !== '')),
      'criteria',
    );
    need(isIri(doc.issuer), 'issuer');
    need(Array.isArray(doc.tags) && doc.tags.every((t) => typeof t === 'string'), 'tags');
    need(
      Array.isArray(doc.alignment) &&
        (doc.alignment as Doc[]).every((a) => typeof a.targetName === 'string' && isIri(a.targetUrl)),
      'alignment',
    );
  }
  if (type === 'Profile') {
    need(typeof doc.name === 'string' && doc.name !== '', 'name');
    need(isIri(doc.url), 'url');
    need(doc.email === undefined || (typeof doc.email === 'string' && doc.email.includes('@')), 'email');
    need(doc.description === undefined || typeof doc.description === 'string', 'description');
  }
  return problems;
}

// ----

const S = '/systems/verify';
let assertionUrl: string;
let uid: string;
let expiringUrl: string;

beforeAll(async () => {
  system = await startSystem('public-assertions');
  db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  const made = async (path: string, body: Doc) => {
    const res = await post(path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  await made('/systems', {
    slug: 'verify',
    name: 'Verify City',
    url: 'https://verify.example.org',
    email: 'mayor@verify.example.org',
    description: 'The city',
  });
  await made(`${S}/issuers`, { slug: 'library', name: 'Library', url: 'https://library.example.org' });
  await made(`${S}/issuers/library/programs`, {
    slug: 'reading',
    name: 'Reading',
    url: 'https://reading.example.org',
    description: 'Summer reading',
  });
  await made(`${S}/issuers/library/programs/reading/badges`, {
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
    criteria: [{ description: 'Read three books', required: 1 }, { description: 'Write a *short* review' }],
    alignments: [{ name: 'Literacy', url: 'https://example.org/literacy', description: 'Reading standard' }],
  });
  await made(`${S}/badges`, {
    slug: 'plain',
    name: 'Plain',
    strapline: 'Plain',
    earnerDescription: 'Plain',
    consumerDescription: 'Plain',
    unique: 1,
    type: 'Skill',
    imageUrl: 'https://example.org/plain.png',
    criteriaUrl: 'https://example.org/plain-criteria',
  });
  const res = await post(`${S}/issuers/library/programs/reading/badges/reader/instances`, {
    email: 'Reader@Example.org',
    issuedOn: 1400094712,
  });
  expect(res.status).toBe(201);
  ({ slug: uid, assertionUrl } = (res.body as { instance: { slug: string; assertionUrl: string } }).instance);
  const expiring = await post(`${S}/badges/plain/instances`, {
    email: 'old@example.org',
    issuedOn: '2014-01-01T00:00:00Z',
    expires: '2014-06-01T00:00:00Z',
  });
  expiringUrl = (expiring.body as { instance: { assertionUrl: string } }).instance.assertionUrl;
}, 120_000);

afterAll(async () => {
  await db?.end();
  await system?.stop();
});

describe('GET /public/assertions/:uid, BadgeKit 1.0 by default', () => {
  it('serves §10.1 exactly', async () => {
    for (const accept of [undefined, 'application/json', '*/*', 'application/json, application/ld+json;q=0.5']) {
      const { status, body } = await fetchDoc(assertionUrl, accept);
      expect(status).toBe(200);
      expect(body).toEqual({
        uid,
        recipient: {
          identity: `sha256$${createHash('sha256').update('Reader@Example.org').digest('hex')}`,
          type: 'email',
          hashed: true,
        },
        badge: `${system.gatewayUrl}/public${S}/issuers/library/programs/reading/badges/reader`,
        verify: { url: assertionUrl, type: 'hosted' },
        issuedOn: 1400094712,
      });
    }
  });

  it('keeps verifying expired awards, with expires in Unix seconds', async () => {
    const { status, body } = await fetchDoc(expiringUrl);
    expect(status).toBe(200);
    expect(body).toMatchObject({ issuedOn: 1388534400, expires: 1401580800 });
  });

  it('answers 404 for an unknown uid', async () => {
    const { status, body } = await fetchDoc(`${system.gatewayUrl}/public/assertions/nope`);
    expect(status).toBe(404);
    expect(body).toEqual({ code: 'ResourceNotFound', message: 'Could not find badge instance' });
  });
});

describe('Open Badges 2.0 documents', () => {
  const ways = [
    { name: '?v=2_0', url: (u: string) => `${u}?v=2_0`, accept: undefined },
    {
      name: 'Accept ranking JSON-LD first',
      url: (u: string) => u,
      accept: 'application/ld+json, application/json;q=0.9',
    },
    { name: 'Accept with only JSON-LD (never 406)', url: (u: string) => u, accept: 'application/ld+json' },
  ];

  for (const way of ways) {
    it(`serves a valid assertion, badge class and profile chain (${way.name})`, async () => {
      const assertion = await fetchDoc(way.url(assertionUrl), way.accept);
      expect(assertion.status).toBe(200);
      expect(assertion.type).toContain('application/ld+json');
      expect(problemsOf(assertion.body, 'Assertion', way.url(assertionUrl))).toEqual([]);
      expect(assertion.body.issuedOn).toBe('2014-05-14T19:11:52.000Z');

      const badgeUrl = String(assertion.body.badge);
      expect(badgeUrl).toBe(`${system.gatewayUrl}/public${S}/issuers/library/programs/reading/badges/reader?v=2_0`);
      const badgeClass = await fetchDoc(badgeUrl, way.accept);
      expect(badgeClass.status).toBe(200);
      expect(problemsOf(badgeClass.body, 'BadgeClass', badgeUrl)).toEqual([]);
      expect(badgeClass.body).toMatchObject({
        name: 'Reader',
        description: 'They read',
        image: 'https://example.org/reader.png',
        criteria: { id: 'https://example.org/criteria', narrative: '- Read three books\n- Write a *short* review' },
        tags: ['books', 'summer'],
        alignment: [
          { targetName: 'Literacy', targetUrl: 'https://example.org/literacy', targetDescription: 'Reading standard' },
        ],
      });

      const issuerUrl = String(badgeClass.body.issuer);
      expect(issuerUrl).toBe(`${system.gatewayUrl}/public${S}/issuers/library/programs/reading?v=2_0`);
      const profile = await fetchDoc(issuerUrl, way.accept);
      expect(profile.status).toBe(200);
      expect(problemsOf(profile.body, 'Profile', issuerUrl)).toEqual([]);
      expect(profile.body).toMatchObject({
        name: 'Reading',
        url: 'https://reading.example.org',
        description: 'Summer reading',
        email: 'mayor@verify.example.org',
      });
    });

    it(`serves the badge class at /public/badges/:id and the system and issuer profiles (${way.name})`, async () => {
      const { rows } = await db.query<{ id: string }>("select id from catalog.badges where slug = 'plain'");
      const byId = way.url(`${system.gatewayUrl}/public/badges/${rows[0]?.id}`);
      const badgeClass = await fetchDoc(byId, way.accept);
      expect(problemsOf(badgeClass.body, 'BadgeClass', byId)).toEqual([]);
      expect(badgeClass.body).toMatchObject({ tags: [], alignment: [] });
      // No criteria texts: the URL alone, and no empty narrative.
      expect(badgeClass.body.criteria).toEqual({ id: 'https://example.org/plain-criteria' });
      for (const path of [S, `${S}/issuers/library`]) {
        const url = way.url(`${system.gatewayUrl}/public${path}`);
        const profile = await fetchDoc(url, way.accept);
        expect(profile.status).toBe(200);
        expect(problemsOf(profile.body, 'Profile', url)).toEqual([]);
      }
    });
  }

  it('keeps the 1.0 badge class and issuer documents by default', async () => {
    const badgeClass = await fetchDoc(`${system.gatewayUrl}/public${S}/issuers/library/programs/reading/badges/reader`);
    expect(badgeClass.body).not.toHaveProperty('@context');
    expect(badgeClass.body.issuer).toBe(`${system.gatewayUrl}/public${S}/issuers/library/programs/reading`);
    expect((await fetchDoc(`${system.gatewayUrl}/public${S}`)).body).toEqual({
      name: 'Verify City',
      url: 'https://verify.example.org',
      description: 'The city',
      email: 'mayor@verify.example.org',
    });
  });

  it('carries expires in 2.0 when set', async () => {
    const { body } = await fetchDoc(`${expiringUrl}?v=2_0`);
    expect(problemsOf(body, 'Assertion', `${expiringUrl}?v=2_0`)).toEqual([]);
    expect(body).toMatchObject({ issuedOn: '2014-01-01T00:00:00.000Z', expires: '2014-06-01T00:00:00.000Z' });
  });
});

describe('revocation', () => {
  it('answers 410 with revoked true in both versions, and no null reason', async () => {
    expect((await call({ method: 'DELETE', path: `${S}/badges/plain/instances/old@example.org` })).status).toBe(200);
    expect((await fetchDoc(expiringUrl)).body).toEqual({ revoked: true });
    for (const [url, accept, id] of [
      [`${expiringUrl}?v=2_0`, undefined, `${expiringUrl}?v=2_0`],
      [expiringUrl, 'application/ld+json', expiringUrl],
    ] as const) {
      const { status, type, body } = await fetchDoc(url, accept);
      expect(status).toBe(410);
      expect(type).toContain('application/ld+json');
      expect(body).toEqual({ '@context': OB2, type: 'Assertion', id, revoked: true });
    }
  });

  it('answers 404 once the award’s system is gone (D-20)', async () => {
    expect((await post('/systems', { slug: 'doomed', name: 'Doomed', url: 'https://doomed.example.org' })).status).toBe(
      201,
    );
    expect(
      (
        await post('/systems/doomed/badges', {
          slug: 'gone',
          name: 'Gone',
          strapline: 'Gone',
          earnerDescription: 'Gone',
          consumerDescription: 'Gone',
          unique: 1,
          type: 'Skill',
          imageUrl: 'https://example.org/gone.png',
          criteriaUrl: 'https://example.org/gone',
        })
      ).status,
    ).toBe(201);
    const res = await post('/systems/doomed/badges/gone/instances', { email: 'gone@example.org' });
    const url = (res.body as { instance: { assertionUrl: string } }).instance.assertionUrl;
    expect((await fetchDoc(url)).status).toBe(200);
    expect((await call({ method: 'DELETE', path: '/systems/doomed' })).status).toBe(200);
    for (const suffix of ['', '?v=2_0']) expect((await fetchDoc(`${url}${suffix}`)).status).toBe(404);
  });
});

describe('the Open Badges 2.0 recipient is salted', () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('hashes the email with a per-award salt that stays the same on every fetch', async () => {
    const first = (await fetchDoc(`${assertionUrl}?v=2_0`)).body.recipient as Doc;
    const second = (await fetchDoc(assertionUrl, 'application/ld+json')).body.recipient as Doc;
    expect(first).toEqual(second);
    expect(first).toMatchObject({ type: 'email', hashed: true });
    const salt = String(first.salt);
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
    // A verifier holding the earner's email checks it as OB 2.0 says: sha256(email + salt).
    expect(first.identity).toBe(`sha256$${sha256(`Reader@Example.org${salt}`)}`);
    expect(first.identity).not.toBe(`sha256$${sha256('Reader@Example.org')}`);
  });

  it('gives each award its own salt', async () => {
    const res = await post(`${S}/badges/plain/instances`, { email: 'Reader@Example.org' });
    expect(res.status).toBe(201);
    const otherUrl = (res.body as { instance: { assertionUrl: string } }).instance.assertionUrl;
    const mine = (await fetchDoc(`${assertionUrl}?v=2_0`)).body.recipient as Doc;
    const other = (await fetchDoc(`${otherUrl}?v=2_0`)).body.recipient as Doc;
    expect(other.identity).toBe(`sha256$${sha256(`Reader@Example.org${String(other.salt)}`)}`);
    expect(other.salt).not.toBe(mine.salt);
    expect(other.identity).not.toBe(mine.identity);
  });
});

/**
 * A conditional GET as a cache revalidating its copy sends it. Not fetch():
 * a fetch() given If-None-Match also sends `Cache-Control: no-cache`, which
 * rightly asks for the full document.
 */
function revalidate(url: string, etag: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'if-none-match': etag } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('public documents for browser verifiers and caches', () => {
  const documents = () => [
    assertionUrl,
    `${assertionUrl}?v=2_0`,
    `${system.gatewayUrl}/public${S}/issuers/library/programs/reading/badges/reader?v=2_0`,
    `${system.gatewayUrl}/public${S}`,
    `${system.gatewayUrl}/public/badges`,
  ];

  it('allows any origin, and exposes the ETag', async () => {
    for (const url of documents()) {
      const res = await fetch(url, { headers: { origin: 'https://verifier.example.net' } });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), url).toBe('*');
      expect(res.headers.get('access-control-expose-headers') ?? '', url).toMatch(/etag/i);
    }
  });

  it('answers a preflight for any public document', async () => {
    for (const url of documents()) {
      const res = await fetch(url, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://verifier.example.net',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'accept',
        },
      });
      expect(res.status, url).toBe(204);
      expect(res.headers.get('access-control-allow-origin'), url).toBe('*');
      expect(res.headers.get('access-control-allow-methods') ?? '', url).toContain('GET');
    }
  });

  it('keeps the authenticated families same-origin', async () => {
    const res = await fetch(`${system.gatewayUrl}/systems`, { headers: { origin: 'https://verifier.example.net' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${system.gatewayUrl}/systems`, {
      method: 'OPTIONS',
      headers: { origin: 'https://verifier.example.net', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('etag')).toBeNull();
  });

  it('sends a strong ETag, answers If-None-Match with 304, and tells caches to revalidate', async () => {
    for (const url of documents()) {
      const first = await fetch(url);
      const body = await first.text();
      const etag = first.headers.get('etag');
      expect(etag, url).toMatch(/^"[^"]+"$/);
      expect(first.headers.get('cache-control'), url).toBe('public, no-cache');
      const again = await fetch(url);
      expect(again.headers.get('etag'), url).toBe(etag);
      expect(await again.text(), url).toBe(body);
      expect(await revalidate(url, etag ?? ''), url).toEqual({ status: 304, body: '' });
      const stale = await revalidate(url, '"something-else"');
      expect(stale, url).toEqual({ status: 200, body });
    }
  });

  it('changes the ETag when the document changes', async () => {
    const url = `${system.gatewayUrl}/public${S}`;
    const before = (await fetch(url)).headers.get('etag');
    expect(
      (await call({ method: 'PUT', path: S, body: JSON.stringify({ description: 'The changed city' }) })).status,
    ).toBe(200);
    const after = await revalidate(url, before ?? '');
    expect(after.status).toBe(200);
    expect((JSON.parse(after.body) as Doc).description).toBe('The changed city');
    expect((await fetch(url)).headers.get('etag')).not.toBe(before);
  });
});
