/**
 * KickApps super fans (§4.12) through the real system: members earn a
 * location's badges through requirements, then are ranked by count, ties by
 * who completed their count first, with paging, the location's criteria
 * filter and the error numbers of the three calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, eventually, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';

let system: TestSystem;
let site = '';
let developerKey = '';
let admin = '';
const tokens: Record<string, string> = {};
const userIds: Record<string, string> = {};

const master = (method: string, path: string, body?: unknown) =>
  badgekitRequest(system.gatewayUrl, {
    method,
    path,
    secret: TEST_MASTER_SECRET,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

type Payload = Record<string, unknown>;

async function rest(path: string, params: Record<string, string>): Promise<Payload> {
  const res = await fetch(`${system.gatewayUrl}/rest${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Payload;
}

const ok = async (path: string, params: Record<string, string>): Promise<Payload> => {
  const body = await rest(path, params);
  expect(body).toMatchObject({ status: 1 });
  return body;
};

const error = (errorId: number): unknown => expect.objectContaining({ status: -1, errorId: String(errorId) });

const MEMBERS = ['ann', 'bob', 'cat', 'dan', 'eve'] as const;

/** Records `times` listens for the member and waits until they hold `badges` music badges. */
async function listen(actionId: string, who: string, times: number, badges: number): Promise<void> {
  for (let i = 0; i < times; i += 1)
    await ok(`/user/action/add/${site}`, { t: admin, user_id: userIds[who] ?? '', actionId, location: 'music' });
  await eventually(
    () => ok(`/user/badges/get/${site}`, { t: admin, user_id: userIds[who] ?? '', location: 'music' }),
    (b) => b.totSize === badges,
  );
}

beforeAll(async () => {
  system = await startSystem('kickapps-superfans');
  expect((await master('POST', '/systems', { slug: 'fans', name: 'Fans', url: 'https://example.org' })).status).toBe(
    201,
  );
  const { system: made } = (await master('GET', '/systems/fans')).body as { system: { id: number } };
  site = String(made.id);
  const consumer = await master('POST', '/admin/systems/fans/consumers', {
    name: 'developer',
    permissions: ['kickapps-developer'],
  });
  developerKey = (consumer.body as { consumer: { secret: string } }).consumer.secret;
  for (const [username, role] of [['webmaster', 'WEBMASTER'], ...MEMBERS.map((m) => [m, 'MEMBER'] as const)] as const) {
    const res = await master('POST', '/admin/systems/fans/members', {
      username,
      email: `${username}@example.org`,
      password: 'correct horse battery',
      role,
    });
    userIds[username] = String((res.body as { members: { userId: number }[] }).members[0]?.userId);
    tokens[username] = String((await rest(`/token/create/${username}/${site}`, { developerKey })).TOKEN);
  }
  admin = tokens.webmaster ?? '';

  // Three music badges needing 1, 2 and 3 listens; a video badge needing one watch.
  const listenId = String((await ok(`/badgeaction/add/${site}`, { t: admin, name: 'listen' })).actionId);
  const watchId = String((await ok(`/badgeaction/add/${site}`, { t: admin, name: 'watch' })).actionId);
  const badge = async (where: string, name: string, actionId: string, quantity: string) => {
    const { badgeId } = await ok(`/badge/add/${site}`, {
      t: admin,
      name,
      location: where,
      verbosename: name,
      url: 'https://example.org/b.png',
      link: 'l',
      published: 'true',
    });
    await ok(`/badgerequirement/add/${site}`, {
      t: admin,
      badgeId: String(badgeId),
      actionId,
      location: where,
      quantity,
      published: 'true',
    });
  };
  await badge('music', 'One', listenId, '1');
  await badge('music', 'Two', listenId, '2');
  await badge('music', 'Three', listenId, '3');
  await badge('video', 'Watcher', watchId, '1');

  // bob reaches two badges before ann does; eve has three, cat one, dan none.
  await listen(listenId, 'bob', 2, 2);
  await listen(listenId, 'ann', 2, 2);
  await listen(listenId, 'cat', 1, 1);
  await listen(listenId, 'eve', 3, 3);
  await ok(`/user/action/add/${site}`, { t: admin, user_id: userIds.ann ?? '', actionId: watchId, location: 'video' });
  await eventually(
    () => ok(`/user/badges/get/${site}`, { t: admin, user_id: userIds.ann ?? '', location: 'video' }),
    (b) => b.totSize === 1,
  );
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

const names = (body: Payload): unknown[] => (body.superFans as Payload[]).map((f) => f.username);

describe('Retrieve Super Fans', () => {
  it('ranks by badge count, ties by the earlier last badge, in the vendor shape and without a token', async () => {
    const body = await ok(`/mostbadged/users/get/${site}`, { location: 'music' });
    expect(body).toMatchObject({ status: 1, location: 'music', totSize: '4' });
    expect(names(body)).toEqual(['eve', 'bob', 'ann', 'cat']);
    const [first, second] = body.superFans as Payload[];
    expect(first).toEqual({
      userId: userIds.eve,
      username: 'eve',
      pathToPhoto: null,
      numBadges: 3,
      rank: 1,
      timeLastBadgeEarned: expect.any(Number),
    });
    expect(second).toMatchObject({ userId: userIds.bob, numBadges: 2, rank: 2 });
    expect(Math.abs(Number(first?.timeLastBadgeEarned) - Date.now() / 1000)).toBeLessThan(600);
  });

  it('pages with pgNum and pageSize, keeping ranks and the total', async () => {
    const body = await ok(`/mostbadged/users/get/${site}`, { location: 'music', pgNum: '2', pageSize: '2' });
    expect(body.totSize).toBe('4');
    expect((body.superFans as Payload[]).map((f) => [f.username, f.rank])).toEqual([
      ['ann', 3],
      ['cat', 4],
    ]);
    expect(
      (await ok(`/mostbadged/users/get/${site}`, { location: 'music', pgNum: '3', pageSize: '2' })).superFans,
    ).toEqual([]);
    expect(await rest(`/mostbadged/users/get/${site}`, { location: 'music', pageSize: '0' })).toEqual(error(118));
    expect(await rest(`/mostbadged/users/get/${site}`, {})).toEqual(error(8));
    expect(await rest(`/mostbadged/users/get/${site}`, { location: 'x'.repeat(65) })).toEqual(error(20));
    expect(names(await ok(`/mostbadged/users/get/${site}`, { location: 'nowhere' }))).toEqual([]);
  });
});

describe('Set Super Fan Badge Criteria', () => {
  it('checks 44, 1, 18, 8, 20, 11 in that order', async () => {
    expect(await rest(`/mostbadged/locationcriteria/set/${site}`, { location: '', quantity: '0' })).toEqual(error(44));
    expect(await rest(`/mostbadged/locationcriteria/set/${site}`, { t: 'nope', location: '' })).toEqual(error(1));
    expect(await rest(`/mostbadged/locationcriteria/set/${site}`, { t: tokens.ann ?? '', location: '' })).toEqual(
      error(18),
    );
    expect(await rest(`/mostbadged/locationcriteria/set/${site}`, { t: admin, location: ' ', quantity: '0' })).toEqual(
      error(8),
    );
    expect(
      await rest(`/mostbadged/locationcriteria/set/${site}`, { t: admin, location: 'x'.repeat(65), quantity: '0' }),
    ).toEqual(error(20));
    expect(
      await rest(`/mostbadged/locationcriteria/set/${site}`, { t: admin, location: 'music', quantity: '0' }),
    ).toEqual(error(11));
    expect(
      await rest(`/mostbadged/locationcriteria/set/${site}`, { t: admin, location: 'music', quantity: '-2' }),
    ).toEqual(error(11));
  });

  it('filters the ranking to members holding at least the quantity', async () => {
    expect(
      await ok(`/mostbadged/locationcriteria/set/${site}`, { t: admin, location: 'music', quantity: '2' }),
    ).toEqual({ status: 1, location: 'music', quantity: '2' });
    const body = await ok(`/mostbadged/users/get/${site}`, { location: 'music' });
    expect(body.totSize).toBe('3');
    expect(names(body)).toEqual(['eve', 'bob', 'ann']);
  });
});

describe('Get Super Fan Ranking', () => {
  it("answers the token's member's rank per location, 0 where the criteria are not met", async () => {
    expect(await ok(`/mostbadged/userrank/get/${site}`, { t: tokens.bob ?? '', locations: 'music,"video"' })).toEqual({
      status: 1,
      userId: userIds.bob,
      rankings: [
        { location: 'music', rank: 2, numBadges: 2 },
        { location: 'video', rank: 0, numBadges: 0 },
      ],
    });
    expect(
      await ok(`/mostbadged/userrank/get/${site}`, {
        t: tokens.bob ?? '',
        locations: '"music",video',
        user_id: userIds.cat ?? '',
      }),
    ).toEqual({
      status: 1,
      userId: userIds.cat,
      rankings: [
        { location: 'music', rank: 0, numBadges: 0 },
        { location: 'video', rank: 0, numBadges: 0 },
      ],
    });
    expect(
      (
        await ok(`/mostbadged/userrank/get/${site}`, {
          t: tokens.cat ?? '',
          locations: 'video',
          user_id: userIds.ann ?? '',
        })
      ).rankings,
    ).toEqual([{ location: 'video', rank: 1, numBadges: 1 }]);
  });

  it('refuses invalid lists (119), unknown members (114) and missing tokens (44)', async () => {
    expect(await rest(`/mostbadged/userrank/get/${site}`, { locations: 'music' })).toEqual(error(44));
    for (const locations of ['', '"music', 'music,,video', 'mu"sic', '"music"x', 'x'.repeat(65)]) {
      expect(await rest(`/mostbadged/userrank/get/${site}`, { t: tokens.bob ?? '', locations })).toEqual(error(119));
    }
    expect(await rest(`/mostbadged/userrank/get/${site}`, { t: tokens.bob ?? '' })).toEqual(error(119));
    expect(
      await rest(`/mostbadged/userrank/get/${site}`, { t: tokens.bob ?? '', locations: 'music', user_id: '999999' }),
    ).toEqual(error(114));
  });
});

describe("members' earned badges", () => {
  it('count awards made to their email, and hide expired and revoked awards', async () => {
    const { badgeId } = await ok(`/badge/add/${site}`, {
      t: admin,
      name: 'Stage',
      location: 'stage',
      verbosename: 'v',
      url: 'https://example.org/s.png',
      link: 'l',
      published: 'true',
    });
    const { badges } = (await master('GET', '/systems/fans/badges')).body as {
      badges: { id?: number; slug: string; name: string }[];
    };
    const slug = badges.find((b) => b.name === 'Stage')?.slug ?? '';
    expect(slug).not.toBe('');
    const instance = (email: string, extra: Payload = {}) =>
      master('POST', `/systems/fans/badges/${slug}/instances`, { email, ...extra });
    expect((await instance('CAT@example.org', { expires: '2014-10-29' })).status).toBe(201);
    expect((await instance('eve@example.org')).status).toBe(201);
    expect((await master('DELETE', `/systems/fans/badges/${slug}/instances/eve@example.org`)).status).toBe(200);
    expect(names(await ok(`/mostbadged/users/get/${site}`, { location: 'stage' }))).toEqual([]);
    expect((await instance('Dan@Example.org')).status).toBe(201);
    const body = await ok(`/mostbadged/users/get/${site}`, { location: 'stage' });
    expect(body.superFans).toEqual([
      expect.objectContaining({ userId: userIds.dan, username: 'dan', numBadges: 1, rank: 1 }),
    ]);
    expect(String(badgeId)).toMatch(/^\d+$/);
  });
});
