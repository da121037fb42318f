/**
 * The Open Badges 3.0 REST API through the real system (issue #11): a wallet
 * reads the service description, registers itself (RFC 7591), sends the
 * learner to the sign-in form with a PKCE S256 challenge, exchanges the code
 * with its verifier and lists the learner's credentials, which verify
 * independently; paging headers, refresh token rotation, upsert and the
 * profile. What a client gets wrong (wrong verifier, a code used twice, a
 * scope not granted, no or a bad token, malformed input) is a 4xx
 * imsx_StatusInfo, never a 5xx.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';
import { verifyCredentialProof, fetchOverHttp } from '@laurel/testkit/ob3-verifier';

type Doc = Record<string, unknown>;
let system: TestSystem;
const BASE = '/ims/ob/v3p0';
const SCOPE = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/';
const ALL = ['credential.readonly', 'credential.upsert', 'profile.readonly', 'profile.update'].map(
  (s) => `${SCOPE}${s}`,
);
const REDIRECT = 'https://wallet.example.org/callback';
const PASSWORD = 'correct horse battery';
let client = { client_id: '', client_secret: '' };

const master = (method: string, path: string, body?: unknown) =>
  badgekitRequest(system.gatewayUrl, {
    method,
    path,
    secret: TEST_MASTER_SECRET,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
const url = (path: string) => `${system.gatewayUrl}${BASE}${path}`;
/** A 4xx whose body is imsx_StatusInfo. */
async function expectStatusInfo(res: Response, status: number, codeMinor?: string): Promise<Doc> {
  const body = (await res.json()) as Doc;
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body).toMatchObject({
    imsx_codeMajor: 'failure',
    imsx_severity: 'error',
    imsx_description: expect.any(String),
  });
  if (codeMinor)
    expect(body.imsx_codeMinor).toEqual({
      imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: codeMinor }],
    });
  return body;
}

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

function authorizeUrl(params: Record<string, string>): string {
  return `${url('/oauth/authorize')}?${new URLSearchParams({ response_type: 'code', client_id: client.client_id, redirect_uri: REDIRECT, state: 'xyz', code_challenge_method: 'S256', site: 'wallet-city', ...params }).toString()}`;
}

/** Opens the form and posts it as a browser would; the answer (a redirect, or the form again). */
async function signIn(
  params: Record<string, string>,
  login = { username: 'learner', password: PASSWORD },
  decision = 'allow',
): Promise<Response> {
  const page = await fetch(authorizeUrl(params), { redirect: 'manual' });
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  const html = await page.text();
  const sealed = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(sealed).not.toBe('');
  return fetch(url('/oauth/authorize'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: sealed, site: 'wallet-city', ...login, decision }).toString(),
  });
}

/** A fresh authorization code for `scope`, with its verifier. */
async function codeFor(scope = ALL.join(' ')): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = pkce();
  const res = await signIn({ scope, code_challenge: challenge });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  expect(location.searchParams.get('state')).toBe('xyz');
  return { code: location.searchParams.get('code') ?? '', verifier };
}

const basic = () => `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`;
const token = (params: Record<string, string>, authorization = basic()) =>
  fetch(url('/oauth/token'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
    body: new URLSearchParams(params).toString(),
  });
const exchange = (code: string, verifier: string) =>
  token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
const bearer = (path: string, accessToken: string, init: RequestInit = {}) =>
  fetch(url(path), {
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${accessToken}` },
  });

interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}
let tokens: Tokens;

beforeAll(async () => {
  system = await startSystem('ob3-api');
  const made = async (path: string, body: Doc) => {
    const res = await master('POST', path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  await made('/systems', {
    slug: 'wallet-city',
    name: 'Wallet City',
    url: 'https://wallet-city.example.org',
    email: 'badges@wallet-city.example.org',
  });
  const members = await master('POST', '/admin/systems/wallet-city/members', [
    { username: 'learner', email: 'Learner@example.org', password: PASSWORD },
    { username: 'other', email: 'other@example.org', password: PASSWORD },
  ]);
  expect(members.status, JSON.stringify(members.body)).toBe(201);
  for (const [slug, day] of [
    ['first', '01'],
    ['second', '02'],
    ['third', '03'],
  ] as const) {
    await made('/systems/wallet-city/badges', {
      slug,
      name: `Badge ${slug}`,
      strapline: 's',
      earnerDescription: 'e',
      consumerDescription: 'c',
      unique: 1,
      imageUrl: 'https://example.org/b.png',
      criteriaUrl: 'https://example.org/c',
    });
    await made(`/systems/wallet-city/badges/${slug}/instances`, {
      email: 'learner@example.org',
      issuedOn: `2026-03-${day}T10:00:00Z`,
    });
  }
  await made('/systems/wallet-city/badges/first/instances', {
    email: 'other@example.org',
    issuedOn: '2026-03-04T10:00:00Z',
  });
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

describe('discovery and registration', () => {
  it('describes the service without authorization', async () => {
    const res = await fetch(url('/discovery'));
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc).toMatchObject({
      openapi: expect.any(String),
      info: {
        title: expect.any(String),
        version: '3.0',
        termsOfService: expect.any(String),
        'x-imssf-privacyPolicyUrl': expect.any(String),
      },
    });
    const scheme = (doc.components as { securitySchemes: { OAuth2ACG: Doc } }).securitySchemes.OAuth2ACG;
    expect(scheme).toMatchObject({
      type: 'oauth2',
      'x-imssf-registrationUrl': url('/oauth/register'),
      flows: {
        authorizationCode: {
          authorizationUrl: url('/oauth/authorize'),
          tokenUrl: url('/oauth/token'),
          refreshUrl: url('/oauth/token'),
        },
      },
    });
    expect(
      Object.keys((scheme.flows as { authorizationCode: { scopes: Doc } }).authorizationCode.scopes).sort(),
    ).toEqual([...ALL].sort());
  });

  it('registers a client and answers its credentials', async () => {
    const res = await fetch(url('/oauth/register'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_name: 'Test Wallet',
        client_uri: 'https://wallet.example.org',
        redirect_uris: [REDIRECT],
        scope: ALL.join(' '),
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      }),
    });
    const body = (await res.json()) as Doc;
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({
      client_id: expect.any(String),
      client_secret: expect.any(String),
      client_secret_expires_at: 0,
      redirect_uris: [REDIRECT],
      scope: ALL.join(' '),
    });
    client = body as typeof client;
  });

  it('refuses bad registrations with 400 imsx_StatusInfo', async () => {
    const register = (body: unknown, type = 'application/json') =>
      fetch(url('/oauth/register'), {
        method: 'POST',
        headers: { 'content-type': type },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    for (const body of [
      { client_name: 'x' },
      { client_name: 'x', redirect_uris: ['http://evil.example.org/cb'] },
      { client_name: 'x', redirect_uris: ['https://ok.example.org/cb#frag'] },
      { client_name: 'x', redirect_uris: ['not a url'] },
      { client_name: 'x', redirect_uris: [REDIRECT], scope: 'openid' },
      { client_name: 'x', redirect_uris: [REDIRECT], grant_types: ['password'] },
      '{"client_name":',
      [],
    ]) {
      const answer = await expectStatusInfo(await register(body), 400, 'invalid_data');
      expect(['invalid_client_metadata', 'invalid_redirect_uri']).toContain(answer.error);
    }
    await expectStatusInfo(await register('client_name=x', 'application/x-www-form-urlencoded'), 415);
  });
});

describe('authorization code with PKCE', () => {
  it('issues tokens for the code and its verifier, once', async () => {
    const { code, verifier } = await codeFor();
    const res = await exchange(code, verifier);
    const body = (await res.json()) as Tokens;
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({
      token_type: 'Bearer',
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: expect.any(Number),
      scope: ALL.join(' '),
    });
    expect(body.expires_in).toBeGreaterThan(3500);
    expect(body.expires_in).toBeLessThanOrEqual(3600);
    tokens = body;
    const again = await expectStatusInfo(await exchange(code, verifier), 400);
    expect(again.error).toBe('invalid_grant');
  });

  it('refuses a wrong verifier, and the code is spent by the attempt', async () => {
    const { code, verifier } = await codeFor();
    expect((await expectStatusInfo(await exchange(code, pkce().verifier), 400)).error).toBe('invalid_grant');
    expect((await expectStatusInfo(await exchange(code, verifier), 400)).error).toBe('invalid_grant');
  });

  it('refuses a missing verifier, a wrong client secret and an unknown grant type', async () => {
    const { code } = await codeFor();
    expect(
      (await expectStatusInfo(await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }), 400))
        .error,
    ).toMatch(/invalid_(grant|request)/);
    const wrongSecret = await token(
      { grant_type: 'authorization_code', code: 'x', redirect_uri: REDIRECT, code_verifier: pkce().verifier },
      `Basic ${Buffer.from(`${client.client_id}:nope`).toString('base64')}`,
    );
    expect(wrongSecret.status).toBeGreaterThanOrEqual(400);
    expect(wrongSecret.status).toBeLessThan(500);
    expect(((await wrongSecret.json()) as Doc).error).toBe('invalid_client');
    expect(
      (await expectStatusInfo(await token({ grant_type: 'password', username: 'a', password: 'b' }), 400)).error,
    ).toMatch(/^(unsupported_grant_type|unauthorized_client)$/);
    expect((await expectStatusInfo(await token({ grant_type: 'urn:example:nothing' }), 400)).error).toBe(
      'unsupported_grant_type',
    );
    await expectStatusInfo(
      await fetch(url('/oauth/token'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      400,
    );
  });

  it('sends the client back with an error when PKCE is missing or plain, the scope unknown or the member declines', async () => {
    const errorOf = async (params: Record<string, string>) => {
      const res = await fetch(authorizeUrl(params), { redirect: 'manual' });
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('location') ?? '');
      expect(location.searchParams.get('state')).toBe('xyz');
      return location.searchParams.get('error');
    };
    expect(await errorOf({})).toBe('invalid_request');
    expect(await errorOf({ code_challenge: pkce().verifier, code_challenge_method: 'plain' })).toBe('invalid_request');
    expect(await errorOf({ code_challenge: pkce().challenge, scope: 'openid' })).toBe('invalid_scope');
    expect(await errorOf({ code_challenge: pkce().challenge, response_type: 'token' })).toBe(
      'unsupported_response_type',
    );
    const declined = await signIn(
      { code_challenge: pkce().challenge },
      { username: 'learner', password: PASSWORD },
      'deny',
    );
    expect(new URL(declined.headers.get('location') ?? '').searchParams.get('error')).toBe('access_denied');
  });

  it('answers an unknown client or redirect URI itself, never redirecting there', async () => {
    await expectStatusInfo(
      await fetch(authorizeUrl({ client_id: 'nobody', code_challenge: pkce().challenge }), { redirect: 'manual' }),
      400,
    );
    await expectStatusInfo(
      await fetch(authorizeUrl({ redirect_uri: 'https://evil.example.org/cb', code_challenge: pkce().challenge }), {
        redirect: 'manual',
      }),
      400,
    );
    const withoutRedirect = new URL(authorizeUrl({ code_challenge: pkce().challenge }));
    withoutRedirect.searchParams.delete('redirect_uri');
    await expectStatusInfo(await fetch(withoutRedirect, { redirect: 'manual' }), 400);
    await expectStatusInfo(
      await fetch(`${authorizeUrl({ code_challenge: pkce().challenge })}&client_id=again`, { redirect: 'manual' }),
      400,
      'invalid_query_parameter',
    );
  });

  it('shows the form again for a wrong password or site, and refuses a forged form', async () => {
    const wrong = await signIn({ code_challenge: pkce().challenge }, { username: 'learner', password: 'wrong' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('name="password"');
    const forged = await fetch(url('/oauth/authorize'), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        request: 'eyJwIjp7fSwiZSI6OTk5OTk5OTk5OTk5OX0.forged',
        site: 'wallet-city',
        username: 'learner',
        password: PASSWORD,
        decision: 'allow',
      }).toString(),
    });
    await expectStatusInfo(forged, 400);
  });
});

describe('the sign-in page in a browser', () => {
  it('signs the member in through the form and sends the browser to the client with a code, nothing blocked by its CSP', async () => {
    const CHROMIUM = '/usr/bin/chromium';
    if (!existsSync(CHROMIUM))
      throw new Error(`The browser test needs Debian's chromium at ${CHROMIUM}; \`npm test\` installs it.`);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      const { verifier, challenge } = pkce();
      await page.goto(authorizeUrl({ code_challenge: challenge, scope: ALL[0] ?? '' }));
      expect(await page.inputValue('#site')).toBe('wallet-city');
      await page.fill('#username', 'learner');
      await page.fill('#password', PASSWORD);
      // The client's callback is not on this machine: the browser's request for it is what counts (its failing to load is not).
      const [arrival] = await Promise.all([
        page.waitForRequest((r) => r.url().startsWith(REDIRECT)),
        page.click('button[value="allow"]', { noWaitAfter: true }),
      ]);
      const arrived = new URL(arrival.url());
      const code = arrived.searchParams.get('code') ?? '';
      expect(arrived.searchParams.get('state')).toBe('xyz');
      expect(problems.filter((p) => !p.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
      const res = await exchange(code, verifier);
      expect(res.status).toBe(200);
      expect(((await res.json()) as Tokens).scope).toBe(ALL[0]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe('credentials', () => {
  it("lists the member's credentials, newest first, which verify independently", async () => {
    const res = await bearer('/credentials', tokens.access_token);
    const body = (await res.json()) as { credential: Doc[] };
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(res.headers.get('x-total-count')).toBe('3');
    expect(body.credential.map((c) => c.validFrom)).toEqual([
      '2026-03-03T10:00:00Z',
      '2026-03-02T10:00:00Z',
      '2026-03-01T10:00:00Z',
    ]);
    for (const credential of body.credential) {
      expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      expect(await verifyCredentialProof(credential, fetchOverHttp)).toEqual({ verified: true });
    }
  });

  it('pages with limit and offset, X-Total-Count and Link, and filters by since', async () => {
    const first = await bearer('/credentials?limit=2', tokens.access_token);
    expect(((await first.json()) as { credential: Doc[] }).credential).toHaveLength(2);
    expect(first.headers.get('x-total-count')).toBe('3');
    const link = first.headers.get('link') ?? '';
    expect(link).toContain('offset=2>; rel="next"');
    expect(link).toContain('offset=0>; rel="first"');
    expect(link).toContain('offset=2>; rel="last"');
    expect(link).not.toContain('rel="prev"');
    const second = await bearer('/credentials?limit=2&offset=2', tokens.access_token);
    expect(((await second.json()) as { credential: Doc[] }).credential.map((c) => c.validFrom)).toEqual([
      '2026-03-01T10:00:00Z',
    ]);
    expect(second.headers.get('link')).toContain('offset=0>; rel="prev"');
    const since = await bearer('/credentials?since=2026-03-01T12:00:00Z', tokens.access_token);
    expect(since.headers.get('x-total-count')).toBe('2');
    for (const bad of ['limit=0', 'limit=abc', 'offset=-1', 'since=yesterday', 'limit=1&limit=2']) {
      await expectStatusInfo(await bearer(`/credentials?${bad}`, tokens.access_token), 400, 'invalid_query_parameter');
    }
  });

  it('answers 401 with WWW-Authenticate without a valid token', async () => {
    const none = await fetch(url('/credentials'));
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expectStatusInfo(none, 401, 'unauthorizedrequest');
    const bad = await bearer('/credentials', 'not-a-token');
    expect(bad.headers.get('www-authenticate')).toContain('invalid_token');
    await expectStatusInfo(bad, 401, 'unauthorizedrequest');
  });

  it("answers 403 for a token without the route's scope", async () => {
    const { code, verifier } = await codeFor(`${SCOPE}profile.readonly`);
    const narrow = (await (await exchange(code, verifier)).json()) as Tokens;
    expect(narrow.scope).toBe(`${SCOPE}profile.readonly`);
    const res = await bearer('/credentials', narrow.access_token);
    expect(res.headers.get('www-authenticate')).toContain('insufficient_scope');
    await expectStatusInfo(res, 403, 'forbidden');
    expect((await bearer('/profile', narrow.access_token)).status).toBe(200);
  });

  it('keeps an upserted credential: 201 created, 304 unchanged, 200 replaced, then listed', async () => {
    const credential = {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: 'https://elsewhere.example.org/credentials/1',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'https://elsewhere.example.org/issuer', type: ['Profile'], name: 'Elsewhere' },
      validFrom: '2026-01-01T00:00:00Z',
      name: 'Elsewhere badge',
      credentialSubject: {
        type: ['AchievementSubject'],
        achievement: {
          id: 'https://elsewhere.example.org/a/1',
          type: ['Achievement'],
          name: 'Elsewhere',
          criteria: { narrative: 'x' },
        },
      },
    };
    const upsert = (body: string, type = 'application/json') =>
      bearer('/credentials', tokens.access_token, { method: 'POST', headers: { 'content-type': type }, body });
    const created = await upsert(JSON.stringify(credential));
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual(credential);
    expect((await upsert(JSON.stringify(credential))).status).toBe(304);
    expect((await upsert(JSON.stringify({ ...credential, name: 'Renamed' }))).status).toBe(200);
    const listed = await bearer('/credentials', tokens.access_token);
    expect(listed.headers.get('x-total-count')).toBe('4');
    expect(((await listed.json()) as { credential: Doc[] }).credential.some((c) => c.name === 'Renamed')).toBe(true);
    for (const bad of [
      '{',
      '[]',
      '{"type":["VerifiableCredential"]}',
      JSON.stringify({ ...credential, credentialSubject: 'x' }),
    ]) {
      await expectStatusInfo(await upsert(bad), 400, 'invalid_data');
    }
    await expectStatusInfo(await upsert('not a jws', 'text/plain'), 400, 'invalid_data');
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const jws = `${part({ alg: 'EdDSA' })}.${part({ jti: 'urn:uuid:5b2f3c1e-0000-4000-8000-000000000001', vc: { type: ['VerifiableCredential', 'OpenBadgeCredential'] } })}.c2ln`;
    const pushed = await upsert(jws, 'text/plain');
    expect(pushed.status).toBe(201);
    expect(await pushed.text()).toBe(jws);
    expect((await upsert(jws, 'text/plain')).status).toBe(304);
    const withJws = (await (await bearer('/credentials', tokens.access_token)).json()) as {
      credential: Doc[];
      compactJwsString?: string[];
    };
    expect(withJws.compactJwsString).toEqual([jws]);
    expect(withJws.credential).toHaveLength(4);
    await expectStatusInfo(await upsert('<xml/>', 'application/xml'), 415);
  });
});

describe('refresh token', () => {
  it('rotates: a new pair for the refresh token, which is then spent', async () => {
    const res = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    const fresh = (await res.json()) as Tokens;
    expect(res.status, JSON.stringify(fresh)).toBe(200);
    expect(fresh.refresh_token).not.toBe(tokens.refresh_token);
    expect((await bearer('/credentials', fresh.access_token)).status).toBe(200);
    tokens = fresh;
  });

  it('ends the whole authorization when a rotated refresh token is used again', async () => {
    const { code, verifier } = await codeFor();
    const first = (await (await exchange(code, verifier)).json()) as Tokens;
    const second = (await (
      await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })
    ).json()) as Tokens;
    expect((await bearer('/profile', second.access_token)).status).toBe(200);
    expect(
      (await expectStatusInfo(await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token }), 400))
        .error,
    ).toBe('invalid_grant');
    await expectStatusInfo(await bearer('/profile', second.access_token), 401, 'unauthorizedrequest');
    expect(
      (await expectStatusInfo(await token({ grant_type: 'refresh_token', refresh_token: second.refresh_token }), 400))
        .error,
    ).toBe('invalid_grant');
    // Other authorizations of the same member are not touched.
    expect((await bearer('/profile', tokens.access_token)).status).toBe(200);
  });
});

describe('profile', () => {
  it("answers the member's profile and keeps what PUT changes, but not who they are", async () => {
    const res = await bearer('/profile', tokens.access_token);
    const profile = (await res.json()) as Doc;
    expect(res.status).toBe(200);
    expect(profile).toMatchObject({
      type: ['Profile'],
      email: 'Learner@example.org',
      name: 'learner',
      id: expect.stringMatching(/^urn:/),
    });
    const put = await bearer('/profile', tokens.access_token, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...profile, name: 'Lea Learner', email: 'someone@else.org', description: 'Reads a lot' }),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({
      name: 'Lea Learner',
      description: 'Reads a lot',
      email: 'Learner@example.org',
      id: profile.id,
    });
    expect((await (await bearer('/profile', tokens.access_token)).json()) as Doc).toMatchObject({
      name: 'Lea Learner',
    });
    await expectStatusInfo(
      await bearer('/profile', tokens.access_token, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{"type":"Achievement"}',
      }),
      400,
    );
  });
});

describe('edges', () => {
  it('answers unknown routes, oversized and malformed requests as imsx_StatusInfo', async () => {
    await expectStatusInfo(await fetch(url('/nothing-here')), 404, 'not_found');
    await expectStatusInfo(
      await fetch(url('/oauth/register'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }),
      }),
      413,
    );
    await expectStatusInfo(await fetch(`${system.gatewayUrl}${BASE}/credentials%ZZ`), 400);
  });
});
