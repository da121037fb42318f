/**
 * The v2 family through the real system: the envelope, login tokens, an
 * outcome published to Kafka and counted once even when retried with the same
 * Idempotency-Key, the badge it earns listed as a Badge object, and badge
 * assignment by an external issuer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, eventually, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';

let system: TestSystem;
let site = '';
let token = '';
let fanId = '';
let assigner = { key: '', secret: '' };

type Envelope = Record<string, unknown> & {
  requestID: number;
  requestDateTime: string;
  resultCode: number;
  resultMessage: string;
};

const master = (method: string, path: string, body?: unknown) =>
  badgekitRequest(system.gatewayUrl, {
    method,
    path,
    secret: TEST_MASTER_SECRET,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

async function v2(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Envelope }> {
  const res = await fetch(`${system.gatewayUrl}/api/v2${path}`, {
    method,
    headers: { ...(body !== undefined && { 'Content-Type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Envelope };
}

async function rest(path: string, params: Record<string, string>): Promise<Record<string, unknown>> {
  const res = await fetch(`${system.gatewayUrl}/rest${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  return (await res.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  system = await startSystem('v2');
  expect(
    (
      await master('POST', '/systems', {
        slug: 'tenant-a',
        name: 'Tenant A',
        url: 'https://a.example.org',
        email: 'a@example.org',
      })
    ).status,
  ).toBe(201);
  site = String(((await master('GET', '/systems/tenant-a')).body as { system: { id: number } }).system.id);
  const members = await master('POST', '/admin/systems/tenant-a/members', [
    { username: 'fan', email: 'fan@example.org', password: 'correct horse battery' },
    { username: 'boss', email: 'boss@example.org', password: 'correct horse battery', role: 'WEBMASTER' },
  ]);
  fanId = String((members.body as { members: { userId: number }[] }).members[0]?.userId);
  const consumer = await master('POST', '/admin/systems/tenant-a/consumers', {
    name: 'assigner',
    permissions: ['badge-assignment', 'kickapps-developer'],
  });
  assigner = (consumer.body as { consumer: { key: string; secret: string } }).consumer;
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

describe('the envelope and login tokens', () => {
  it('logs in, numbers requests from process start and answers domain errors with HTTP 200', async () => {
    const first = await v2('POST', '/Login', {
      tenant: 'tenant-a',
      userName: 'FAN',
      password: 'correct horse battery',
    });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).slice(0, 4)).toEqual([
      'requestID',
      'requestDateTime',
      'resultCode',
      'resultMessage',
    ]);
    expect(first.body).toMatchObject({
      resultCode: 0,
      resultMessage: 'Ok',
      user: { tenant: 'tenant-a', userID: fanId, userName: 'fan', eMail: 'fan@example.org', admin: false },
    });
    expect(first.body.requestDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    token = String(first.body.token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = await v2('GET', `/User/${token}`);
    expect(second.body.requestID).toBe(first.body.requestID + 1);
    expect(second.body.user).toEqual(first.body.user);
  });

  it('reports login errors with the vendor numbers in order', async () => {
    const cases: [unknown, number][] = [
      [{ userName: 'fan', password: 'x' }, -21],
      [{ tenant: 'tenant-a', password: 'x' }, -31],
      [{ tenant: 'tenant-a', eMail: 'fan@example.org' }, -23],
      [{ tenant: 'nowhere', userName: 'fan', password: 'x' }, -1],
      [{ tenant: 'tenant-a', userName: 'fan', password: 'wrong' }, -13],
      [{ tenant: 'tenant-a', userName: 'nobody', password: 'wrong' }, -13],
    ];
    for (const [body, code] of cases) {
      const res = await v2('POST', '/Login', body);
      expect(res.status).toBe(200);
      expect(res.body.resultCode).toBe(code);
    }
    expect((await v2('POST', '/Login', '{oops')).body.resultCode).toBe(-3001);
    const byEmail = await v2('POST', '/Login', {
      tenant: 'tenant-a',
      eMail: 'BOSS@example.org',
      password: 'correct horse battery',
    });
    expect(byEmail.body).toMatchObject({ resultCode: 0, user: { admin: true } });
  });

  it('ends a token with Logout (-101 afterwards) and shares tokens with KickApps', async () => {
    const login = await v2('POST', '/Login', {
      tenant: 'tenant-a',
      userName: 'boss',
      password: 'correct horse battery',
    });
    const boss = String(login.body.token);
    // A v2 token is a KickApps `t`.
    expect(await rest(`/badgeactions/list/${site}`, { t: boss })).toMatchObject({ status: 1 });
    expect((await v2('POST', `/Logout/${boss}`)).body.resultCode).toBe(0);
    expect((await v2('GET', `/User/${boss}`)).body).toMatchObject({ resultCode: -101 });
    expect(await rest(`/badgeactions/list/${site}`, { t: boss })).toMatchObject({ status: -1, errorId: '1' });
    const unknown = await v2('GET', '/Badges/not-a-token');
    expect(unknown.status).toBe(200);
    expect(unknown.body.resultCode).toBe(-101);
    const route = await v2('GET', '/Nothing');
    expect(route.status).toBe(404);
    expect(route.body.resultCode).toBe(404);
  });
});

describe('outcomes', () => {
  let badgeId = '';

  beforeAll(async () => {
    const login = await v2('POST', '/Login', {
      tenant: 'tenant-a',
      userName: 'boss',
      password: 'correct horse battery',
    });
    const t = String(login.body.token);
    const action = await rest(`/badgeaction/add/${site}`, { t, name: 'Quiz' });
    const badge = await rest(`/badge/add/${site}`, {
      t,
      name: 'Quizzer',
      location: 'v2',
      verbosename: 'Passed quizzes',
      url: 'https://example.org/q.png',
      link: 'https://example.org/q',
      published: 'true',
    });
    badgeId = String(badge.badgeId);
    await rest(`/badgerequirement/add/${site}`, {
      t,
      badgeId,
      actionId: String(action.actionId),
      location: 'v2',
      quantity: '2',
      published: 'true',
    });
  });

  it('checks the outcome code (-2073, -2074, exact name) after the token', async () => {
    expect((await v2('POST', `/Outcome/nope/Quiz`)).body.resultCode).toBe(-101);
    expect((await v2('POST', `/Outcome/${token}/${'q'.repeat(33)}`)).body.resultCode).toBe(-2073);
    expect((await v2('POST', `/Outcome/${token}/unknown`)).body.resultCode).toBe(-2074);
    expect((await v2('POST', `/Outcome/${token}/quiz`)).body.resultCode).toBe(-2074);
  });

  it('counts a retried outcome once and awards the badge on the second distinct outcome', async () => {
    const first = await v2('POST', `/Outcome/${token}/Quiz`, undefined, { 'Idempotency-Key': 'attempt-1' });
    expect(first.body).toMatchObject({ resultCode: 0, refId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const retry = await v2('POST', `/Outcome/${token}/Quiz`, undefined, { 'Idempotency-Key': 'attempt-1' });
    expect(retry.body.refId).toBe(first.body.refId);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await v2('GET', `/Badges/${token}`)).body.badges).toEqual([]);

    await v2('POST', `/Outcome/${token}/Quiz`);
    const listed = await eventually(
      () => v2('GET', `/Badges/${token}`),
      (r) => (r.body.badges as unknown[]).length > 0,
    );
    const badges = listed.body.badges as Record<string, unknown>[];
    expect(badges).toHaveLength(1);
    expect(badges[0]).toEqual({
      badgeID: expect.any(String),
      date: expect.stringMatching(/Z$/),
      name: 'Quizzer',
      description: 'Passed quizzes',
      imageURL: 'https://example.org/q.png',
      tags: [],
      issuerName: 'Tenant A',
      issuerDescription: null,
      issuerEmail: 'a@example.org',
      issuerURL: 'https://a.example.org',
    });
    const one = await v2('GET', `/Badge/${token}/${String(badges[0]?.badgeID)}`);
    expect(one.body).toMatchObject({ resultCode: 0, badge: badges[0] });
    const missing = await v2('GET', `/Badge/${token}/00000000-0000-0000-0000-000000000000`);
    expect(missing.body.resultCode).toBe(-2051);
    expect(missing.body).not.toHaveProperty('badge');
  });

  it('assigns a badge to the member behind an outcome refId', async () => {
    const login = await v2('POST', '/Login', {
      tenant: 'tenant-a',
      userName: 'boss',
      password: 'correct horse battery',
    });
    const t = String(login.body.token);
    const other = await rest(`/badge/add/${site}`, {
      t,
      name: 'Assigned',
      location: 'x',
      verbosename: 'Given',
      url: 'https://example.org/a.png',
      link: 'https://example.org/a',
      published: 'true',
    });
    const outcome = await v2('POST', `/Outcome/${token}/Quiz`);
    const refId = String(outcome.body.refId);
    const basic = { Authorization: `Basic ${Buffer.from(`${assigner.key}:${assigner.secret}`).toString('base64')}` };
    const badgeUrl = `${system.gatewayUrl}/public/badges/${String(other.badgeId)}`;
    expect((await v2('POST', '/BadgeAssignment', { refId, outcome: 'Quiz', badgeUrl })).body.resultCode).toBe(-2001);
    expect((await v2('POST', '/BadgeAssignment', { outcome: 'Quiz', badgeUrl }, basic)).body.resultCode).toBe(-2002);
    expect((await v2('POST', '/BadgeAssignment', { refId, badgeUrl }, basic)).body.resultCode).toBe(-2008);
    expect((await v2('POST', '/BadgeAssignment', { refId, outcome: 'Quiz' }, basic)).body.resultCode).toBe(-2005);
    expect(
      (await v2('POST', '/BadgeAssignment', { refId, outcome: 'Quiz', badgeUrl: 'not a url' }, basic)).body.resultCode,
    ).toBe(-2007);
    expect((await v2('POST', '/BadgeAssignment', { refId, outcome: 'Other', badgeUrl }, basic)).body.resultCode).toBe(
      -2003,
    );
    const done = await v2('POST', '/BadgeAssignment', { refId, outcome: 'Quiz', badgeUrl }, basic);
    expect(done.body).toMatchObject({ resultCode: 0, resultMessage: 'Ok' });
    expect((await v2('POST', '/BadgeAssignment', { refId, outcome: 'Quiz', badgeUrl }, basic)).body.resultCode).toBe(0);
    // Bearer with the consumer's token from the token route works the same; a bad token is -2001.
    const tokenAnswer = await fetch(`${system.gatewayUrl}/v3/oauth/token/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: assigner.key, secret: assigner.secret }),
    });
    const accessToken = ((await tokenAnswer.json()) as { data: { accessToken: string } }).data.accessToken;
    expect(
      (
        await v2(
          'POST',
          '/BadgeAssignment',
          { refId, outcome: 'Quiz', badgeUrl },
          { Authorization: `Bearer ${accessToken}` },
        )
      ).body.resultCode,
    ).toBe(0);
    expect(
      (await v2('POST', '/BadgeAssignment', { refId, outcome: 'Quiz', badgeUrl }, { Authorization: 'Bearer forged' }))
        .body.resultCode,
    ).toBe(-2001);
    const names = ((await v2('GET', `/Badges/${token}`)).body.badges as { name: string }[]).map((b) => b.name);
    expect(names).toContain('Assigned');
  });
});

describe('badge images', () => {
  it('gives an uploaded image’s absolute URL as imageURL', async () => {
    const { randomBytes } = await import('node:crypto');
    const { authorization, bodyHash } = await import('@laurel/testkit');
    const boundary = `----laurel${randomBytes(8).toString('hex')}`;
    const field = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const fields = {
      slug: 'uploaded',
      name: 'Uploaded',
      earnerDescription: 'e',
      consumerDescription: 'c',
      criteriaUrl: 'https://a.example.org/c',
      unique: '1',
    };
    const body = Buffer.concat([
      Buffer.from(
        Object.entries(fields)
          .map(([k, v]) => field(k, v))
          .join(''),
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="b.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      randomBytes(32),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const path = '/systems/tenant-a/badges';
    const created = await fetch(`${system.gatewayUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: authorization({
          method: 'POST',
          path,
          secret: TEST_MASTER_SECRET,
          claims: { body: bodyHash(body) },
        }),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
    });
    expect(created.status).toBe(201);
    expect(
      (await master('POST', '/systems/tenant-a/badges/uploaded/instances', { email: 'fan@example.org' })).status,
    ).toBe(201);
    const listed = (await v2('GET', `/Badges/${token}`)).body.badges as { name: string; imageURL: string | null }[];
    const uploaded = listed.find((b) => b.name === 'Uploaded');
    expect(uploaded?.imageURL).toMatch(
      new RegExp(`^${system.gatewayUrl.replace(/[.]/g, '\\.')}/public/images/[0-9a-f]{32}$`),
    );
  });
});
