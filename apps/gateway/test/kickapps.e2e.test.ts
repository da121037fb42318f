/**
 * The KickApps family through the real system: Create Token with a developer
 * key, admin calls and their error numbers in the stated order, JSONP, string
 * typing of list items, recorded user actions awarding a badge, the seed's
 * Edit Badge Requirement re-evaluating members, and tokens shared with v2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, eventually, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';

let system: TestSystem;
let site = '';
let developerKey = '';
let admin = '';
let memberToken = '';
const userIds: Record<string, string> = {};

const master = (method: string, path: string, body?: unknown) =>
  badgekitRequest(system.gatewayUrl, {
    method,
    path,
    secret: TEST_MASTER_SECRET,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

type Payload = Record<string, unknown>;

async function rest(
  path: string,
  params: Record<string, string>,
  method: 'GET' | 'POST' = 'POST',
): Promise<{ status: number; body: Payload; text: string; type: string }> {
  const form = new URLSearchParams(params).toString();
  const res =
    method === 'POST'
      ? await fetch(`${system.gatewayUrl}/rest${path}`, {
          method,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form,
        })
      : await fetch(`${system.gatewayUrl}/rest${path}?${form}`);
  const text = await res.text();
  let body: Payload = {};
  try {
    body = JSON.parse(text) as Payload;
  } catch {
    /* JSONP */
  }
  return { status: res.status, body, text, type: res.headers.get('content-type') ?? '' };
}

const ok = async (path: string, params: Record<string, string>): Promise<Payload> => {
  const res = await rest(path, params);
  expect(res.body).toMatchObject({ status: 1 });
  return res.body;
};

const error = (errorId: number): unknown => expect.objectContaining({ status: -1, errorId: String(errorId) });

beforeAll(async () => {
  system = await startSystem('kickapps');
  expect((await master('POST', '/systems', { slug: 'kick', name: 'Kick', url: 'https://example.org' })).status).toBe(
    201,
  );
  const { system: made } = (await master('GET', '/systems/kick')).body as { system: { id: number } };
  site = String(made.id);
  const consumer = await master('POST', '/admin/systems/kick/consumers', {
    name: 'developer',
    permissions: ['kickapps-developer'],
  });
  developerKey = (consumer.body as { consumer: { secret: string } }).consumer.secret;
  for (const [username, role] of [
    ['webmaster', 'WEBMASTER'],
    ['fan', 'MEMBER'],
    ['other', 'MEMBER'],
  ] as const) {
    const res = await master('POST', '/admin/systems/kick/members', {
      username,
      email: `${username}@example.org`,
      password: 'correct horse battery',
      role,
    });
    userIds[username] = String((res.body as { members: { userId: number }[] }).members[0]?.userId);
  }
  const token = async (login: string) => {
    const res = await rest(`/token/create/${login}/${site}`, { developerKey, password: 'correct horse battery' });
    return String(res.body.TOKEN);
  };
  admin = await token('webmaster');
  memberToken = await token('fan@example.org');
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

describe('Create Token', () => {
  it('answers with string status and the member, and refuses bad keys, passwords and GET', async () => {
    const res = await rest(`/token/create/Fan/${site}`, { developerKey });
    expect(res.body).toMatchObject({
      status: '1',
      error: '',
      userId: userIds.fan,
      username: 'fan',
      role: 'MEMBER',
      PRIVILEGES: 'RW',
      payload_type: 'json',
    });
    expect(String(res.body.TOKEN)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await rest(`/token/create/fan/${site}`, { developerKey: 'nope' })).body).toEqual({
      status: '-1',
      errorId: '101',
      error: 'developerKey missing or disabled',
    });
    expect((await rest(`/token/create/fan/${site}`, { developerKey, password: 'wrong' })).body).toMatchObject({
      status: '-1',
      errorId: '102',
    });
    expect((await rest(`/token/create/nobody/${site}`, { developerKey })).body).toMatchObject({
      status: '-1',
      errorId: '102',
    });
    expect((await rest(`/token/create/fan/${site}`, { developerKey }, 'GET')).body).toMatchObject({
      status: '-1',
      errorId: '105',
    });
  });
});

describe('common checks', () => {
  it('runs 104, 44, 1, 18 in that order with HTTP 200, and 100 with 404 for unknown calls', async () => {
    const bad = await rest(`/badges/list/${site}`, { callback: '1bad' });
    expect(bad.status).toBe(200);
    expect(bad.body).toEqual({ status: -1, errorId: '104', error: 'invalid callback name' });
    expect((await rest(`/badges/list/${site}`, {})).body).toEqual(error(44));
    expect((await rest(`/badges/list/${site}`, { t: 'unknown' })).body).toEqual(error(1));
    expect((await rest(`/badges/list/${String(Number(site) + 1000)}`, { t: admin })).body).toEqual(error(1));
    expect((await rest(`/badges/list/${site}`, { t: memberToken })).body).toEqual({
      status: -1,
      errorId: '18',
      error: 'Insufficient user permissions for this operation',
    });
    const unknown = await rest(`/nothing/here/${site}`, {});
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ status: -1, errorId: '100', error: 'unknown API call' });
  });

  it('wraps answers in the callback (JSONP), over GET too', async () => {
    const res = await rest(`/badgeactions/list/${site}`, { t: admin, callback: 'My.cb' }, 'GET');
    expect(res.type).toContain('application/javascript');
    expect(res.text).toMatch(/^My\.cb\(\{"status":1,"actions":\[.*\]\}\);$/);
  });
});

describe('badges, actions and requirements', () => {
  let badgeId = '';
  let actionId = '';
  let requirementId = '';

  it('adds, edits, gets and lists badges with string-typed items', async () => {
    expect(
      (
        await rest(`/badge/add/${site}`, {
          t: admin,
          location: 'music',
          verbosename: 'v',
          url: 'https://example.org/b.png',
          link: 'https://example.org',
        })
      ).body,
    ).toEqual(error(4));
    expect(
      (
        await rest(`/badge/add/${site}`, {
          t: admin,
          name: 'x',
          location: '',
          verbosename: 'v',
          url: 'https://example.org/b.png',
          link: 'l',
        })
      ).body,
    ).toEqual(error(8));
    expect(
      (
        await rest(`/badge/add/${site}`, {
          t: admin,
          name: 'x',
          location: 'music',
          verbosename: 'v',
          url: 'ftp://x',
          link: 'l',
        })
      ).body,
    ).toEqual(error(112));
    expect(
      (
        await rest(`/badge/add/${site}`, {
          t: admin,
          name: 'x',
          location: 'music',
          verbosename: 'v',
          url: 'https://example.org/b.png',
          link: 'l',
          published: 'maybe',
        })
      ).body,
    ).toEqual(error(7));
    const added = await ok(`/badge/add/${site}`, {
      t: admin,
      name: 'Fan',
      location: 'music',
      verbosename: 'A fan',
      url: 'https://example.org/b.png',
      link: 'https://example.org/fan',
    });
    expect(added).toEqual({ status: 1, added: true, badgeId: expect.stringMatching(/^\d+$/) });
    badgeId = String(added.badgeId);
    expect(await ok(`/badge/get/${site}`, { t: admin, badgeId })).toEqual({
      status: 1,
      badge: {
        badgeId,
        location: 'music',
        name: 'Fan',
        verbosename: 'A fan',
        published: 'false',
        url: 'https://example.org/b.png',
        link: 'https://example.org/fan',
      },
    });
    expect((await rest(`/badge/get/${site}`, { t: admin, badgeId: '999999' })).body).toEqual(error(9));
    const list = await ok(`/badges/list/${site}`, { t: admin, location: 'music', published: 'false' });
    expect(list.badges).toEqual([expect.objectContaining({ badgeId, published: 'false' })]);
  });

  it('adds actions (3, 4, 110) and requirements (24 on a duplicate)', async () => {
    const added = await ok(`/badgeaction/add/${site}`, { t: admin, name: 'listen' });
    actionId = String(added.actionId);
    expect((await rest(`/badgeaction/add/${site}`, { t: admin, name: 'LISTEN' })).body).toEqual(error(3));
    expect((await rest(`/badgeaction/add/${site}`, { t: admin, name: ' ' })).body).toEqual(error(4));
    expect((await rest(`/badgeaction/add/${site}`, { t: admin, name: 'x'.repeat(33) })).body).toEqual(error(110));
    const requirement = await ok(`/badgerequirement/add/${site}`, {
      t: admin,
      badgeId,
      actionId,
      location: 'music',
      quantity: '3',
      published: 'true',
    });
    requirementId = String(requirement.requirementId);
    expect(
      (await rest(`/badge/requirement/add/${site}`, { t: admin, badgeId, actionId, location: 'music' })).body,
    ).toEqual(error(24));
    expect(
      (await rest(`/badgerequirement/add/${site}`, { t: admin, badgeId, actionId: '999999', location: 'music' })).body,
    ).toEqual(error(10));
    expect(await ok(`/badgerequirement/list/${site}`, { t: admin, badgeId })).toEqual({
      status: 1,
      badgeId,
      requirements: [{ requirementId, badgeId, actionId, location: 'music', published: 'true', quantity: '3' }],
    });
    expect((await rest(`/badgeaction/delete/${site}`, { t: admin, actionId })).body).toEqual(error(117));
  });

  it('checks Add Badge Requirement, Add User Action and Retrieve User’s Badges parameters in §5.7’s order', async () => {
    const fan = userIds.fan ?? '';
    const add = (params: Record<string, string>) => rest(`/badgerequirement/add/${site}`, { t: admin, ...params });
    expect((await add({ badgeId: '999999', actionId: '999999', location: '' })).body).toEqual(error(9));
    expect((await add({ badgeId, actionId: '999999', location: '' })).body).toEqual(error(10));
    expect((await add({ badgeId, actionId: '0', location: '' })).body).toEqual(error(10));
    expect((await add({ badgeId, actionId, location: ' ', quantity: '0', published: 'x' })).body).toEqual(error(8));
    expect((await add({ badgeId, actionId, location: 'x'.repeat(65), quantity: '0' })).body).toEqual(error(20));
    expect((await add({ badgeId, actionId, location: 'elsewhere', quantity: '0', published: 'x' })).body).toEqual(
      error(11),
    );
    expect((await add({ badgeId, actionId, location: 'elsewhere', published: 'x' })).body).toEqual(error(7));

    const record = (params: Record<string, string>) => rest(`/user/action/add/${site}`, { t: admin, ...params });
    expect((await record({ user_id: '999999', actionId: '999999', location: '' })).body).toEqual(error(114));
    expect((await record({ user_id: fan, actionId: '999999', location: '' })).body).toEqual(error(10));
    expect((await record({ user_id: fan, actionId, location: '', quantity: 'x' })).body).toEqual(error(8));
    expect((await record({ user_id: fan, actionId, location: 'x'.repeat(65), quantity: 'x' })).body).toEqual(error(20));
    expect((await record({ user_id: fan, actionId, location: 'music', quantity: 'x' })).body).toEqual(error(115));

    for (const method of ['GET', 'POST'] as const) {
      const badges = (params: Record<string, string>) =>
        rest(`/user/badges/get/${site}`, { t: memberToken, ...params }, method);
      expect((await badges({ user_id: fan, location: '' })).body).toEqual(error(8));
      expect((await badges({ user_id: fan, location: ' ' })).body).toEqual(error(8));
      expect((await badges({ user_id: fan, location: 'x'.repeat(65) })).body).toEqual(error(20));
      expect((await badges({ user_id: '999999', location: '' })).body).toEqual(error(114));
    }
    // A JSON body can give a location that is there but blank in other ways.
    for (const call of ['/user/badges/get', '/user/badges/getstatus']) {
      for (const blank of [null, {}]) {
        const res = await fetch(`${system.gatewayUrl}/rest${call}/${site}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ t: memberToken, user_id: fan, location: blank }),
        });
        expect(await res.json(), `${call} location ${JSON.stringify(blank)}`).toEqual(error(8));
      }
    }
  });

  it('edits a requirement in the seed’s check order', async () => {
    expect(
      (await rest(`/badgerequirement/edit/${site}`, { t: admin, requirementId: '999999', published: 'x' })).body,
    ).toEqual(error(19));
    expect(
      (await rest(`/badgerequirement/edit/${site}`, { t: admin, requirementId, published: '', location: '' })).body,
    ).toEqual(error(12));
    expect((await rest(`/badgerequirement/edit/${site}`, { t: admin, requirementId, published: 'nope' })).body).toEqual(
      error(7),
    );
    expect(
      (await rest(`/badgerequirement/edit/${site}`, { t: admin, requirementId, location: ' ', quantity: '0' })).body,
    ).toEqual(error(8));
    expect(
      (await rest(`/badgerequirement/edit/${site}`, { t: admin, requirementId, location: 'x'.repeat(65) })).body,
    ).toEqual(error(20));
    expect(
      (await rest(`/badgerequirement/edit/${site}`, { t: admin, requirementId, quantity: '0', badgeId: '1x' })).body,
    ).toEqual(error(11));
    expect(
      (await rest(`/badgerequirement/edit/${site}`, { t: admin, requirementId, badgeId: '999999', actionId: '0' }))
        .body,
    ).toEqual(error(9));
    expect(
      (await rest(`/badgerequirement/edit/${site}`, { t: admin, requirementId, actionId: '999999' })).body,
    ).toEqual(error(10));
    expect((await rest(`/badgerequirement/edit/${site}`, { t: memberToken, requirementId })).body).toEqual(error(18));
    expect(await ok(`/badgerequirement/edit/${site}`, { t: admin, requirementId, quantity: '3' })).toEqual({
      status: 1,
      updated: true,
      requirementId,
    });
  });

  it('awards the badge once published and the member’s user actions meet the requirement; lowering the quantity awards others', async () => {
    const fan = userIds.fan ?? '';
    const other = userIds.other ?? '';
    expect(
      (await rest(`/user/action/add/${site}`, { t: admin, user_id: '999999', actionId, location: 'music' })).body,
    ).toEqual(error(114));
    expect(
      (await rest(`/user/action/add/${site}`, { t: admin, user_id: fan, actionId, location: 'music', quantity: '1.5' }))
        .body,
    ).toEqual(error(115));
    for (let i = 0; i < 3; i += 1)
      expect(
        await ok(`/user/action/add/${site}`, { t: admin, user_id: fan, actionId, location: 'music' }),
      ).toMatchObject({ added: true, userActionId: expect.stringMatching(/^\d+$/) });
    await ok(`/user/action/add/${site}`, { t: admin, user_id: other, actionId, location: 'music' });
    // Unpublished badge: nothing yet.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await ok(`/user/badges/get/${site}`, { t: memberToken, user_id: fan })).badges).toEqual([]);

    await ok(`/badge/edit/${site}`, { t: admin, badgeId, published: 'true' });
    const got = await eventually(
      () => ok(`/user/badges/get/${site}`, { t: memberToken, user_id: fan }),
      (b) => (b.badges as unknown[]).length > 0,
    );
    expect(got).toEqual({
      status: 1,
      totSize: 1,
      userId: fan,
      badges: [
        {
          badgeId,
          location: 'music',
          name: 'Fan',
          verbosename: 'A fan',
          url: 'https://example.org/b.png',
          link: 'https://example.org/fan',
        },
      ],
    });

    const status = await ok(`/user/badges/getstatus/${site}`, { t: memberToken, user_id: other, location: 'music' });
    expect(status.badges).toEqual([
      expect.objectContaining({
        badgeId,
        earned: 'false',
        earnedAt: null,
        requirements: [{ requirementId, actionId, location: 'music', quantity: '3', userQuantity: '1', met: 'false' }],
      }),
    ]);

    await ok(`/badgerequirement/edit/${site}`, { t: admin, requirementId, quantity: '1' });
    const earned = await eventually(
      () => ok(`/user/badges/getstatus/${site}`, { t: memberToken, user_id: other }),
      (b) => (b.badges as Payload[])[0]?.earned === 'true',
    );
    expect((earned.badges as Payload[])[0]?.earnedAt).toEqual(expect.any(Number));
    expect((await rest(`/badge/delete/${site}`, { t: admin, badgeId })).body).toEqual(error(116));
  });

  it('deletes requirements, actions and unheld badges', async () => {
    const badge = await ok(`/badge/add/${site}`, {
      t: admin,
      name: 'Temp',
      location: 'x',
      verbosename: 'v',
      url: 'https://example.org/t.png',
      link: 'l',
    });
    const action = await ok(`/badgeaction/add/${site}`, { t: admin, name: 'temp' });
    const requirement = await ok(`/badgerequirement/add/${site}`, {
      t: admin,
      badgeId: String(badge.badgeId),
      actionId: String(action.actionId),
      location: 'x',
    });
    expect(
      await ok(`/badgerequirement/delete/${site}`, { t: admin, requirementId: String(requirement.requirementId) }),
    ).toEqual({ status: 1, deleted: true, requirementId: requirement.requirementId });
    expect(
      (await rest(`/badgerequirement/delete/${site}`, { t: admin, requirementId: String(requirement.requirementId) }))
        .body,
    ).toEqual(error(19));
    expect(
      await ok(`/badgeaction/edit/${site}`, { t: admin, actionId: String(action.actionId), name: 'Temp2' }),
    ).toEqual({ status: 1, edited: true, actionId: action.actionId });
    expect(await ok(`/badgeaction/delete/${site}`, { t: admin, actionId: String(action.actionId) })).toEqual({
      status: 1,
      deleted: true,
      actionId: action.actionId,
    });
    expect(await ok(`/badge/delete/${site}`, { t: admin, badgeId: String(badge.badgeId) })).toEqual({
      status: 1,
      deleted: true,
      badgeId: badge.badgeId,
    });
    expect((await rest(`/badge/get/${site}`, { t: admin, badgeId: String(badge.badgeId) })).body).toEqual(error(9));
  });
});

describe('tokens shared with v2', () => {
  it('accepts a KickApps token as a v2 strToken', async () => {
    const res = await fetch(`${system.gatewayUrl}/api/v2/User/${encodeURIComponent(memberToken)}`);
    expect(await res.json()).toMatchObject({
      resultCode: 0,
      user: { tenant: 'kick', userID: userIds.fan, userName: 'fan', admin: false },
    });
  });
});
