/**
 * Replay of KickApps mutations by idempotency key (§5.2) through the real
 * system: a repeat by the same member answers the first answer byte for
 * byte without acting again (also when the first call failed, and when the
 * repeats race), another member's same key acts, and bad keys are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';

let system: TestSystem;
let site = '';
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

async function rest(
  path: string,
  params: Record<string, string>,
  key?: string,
): Promise<{ status: number; text: string; body: Payload }> {
  const res = await fetch(`${system.gatewayUrl}/rest${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(key !== undefined && { 'Idempotency-Key': key }),
    },
    body: new URLSearchParams(params).toString(),
  });
  const text = await res.text();
  let body: Payload = {};
  try {
    body = JSON.parse(text) as Payload;
  } catch {
    /* JSONP */
  }
  return { status: res.status, text, body };
}

const actionNames = async (): Promise<string[]> =>
  ((await rest(`/badgeactions/list/${site}`, { t: tokens.webmaster ?? '' })).body.actions as Payload[]).map((a) =>
    String(a.name),
  );

beforeAll(async () => {
  system = await startSystem('kickapps-replay');
  expect(
    (await master('POST', '/systems', { slug: 'replay', name: 'Replay', url: 'https://example.org' })).status,
  ).toBe(201);
  const { system: made } = (await master('GET', '/systems/replay')).body as { system: { id: number } };
  site = String(made.id);
  const consumer = await master('POST', '/admin/systems/replay/consumers', {
    name: 'developer',
    permissions: ['kickapps-developer'],
  });
  const developerKey = (consumer.body as { consumer: { secret: string } }).consumer.secret;
  for (const [username, role] of [
    ['webmaster', 'WEBMASTER'],
    ['editor', 'EDITOR'],
    ['fan', 'MEMBER'],
  ] as const) {
    const res = await master('POST', '/admin/systems/replay/members', {
      username,
      email: `${username}@example.org`,
      password: 'correct horse battery',
      role,
    });
    userIds[username] = String((res.body as { members: { userId: number }[] }).members[0]?.userId);
    tokens[username] = String((await rest(`/token/create/${username}/${site}`, { developerKey })).body.TOKEN);
  }
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

describe('replay by idempotency key', () => {
  it('answers a repeat with the first answer, byte for byte, and acts once (header or parameter, JSONP too)', async () => {
    const first = await rest(`/badgeaction/add/${site}`, { t: tokens.webmaster ?? '', name: 'listen' }, 'key-1');
    expect(first.body).toEqual({ status: 1, added: true, actionId: expect.stringMatching(/^\d+$/) });
    const again = await rest(`/badgeaction/add/${site}`, { t: tokens.webmaster ?? '', name: 'listen' }, 'key-1');
    expect(again.text).toBe(first.text);
    const byParameter = await rest(`/badgeaction/add/${site}`, {
      t: tokens.webmaster ?? '',
      name: 'listen',
      idempotencyKey: 'key-1',
    });
    expect(byParameter.text).toBe(first.text);
    const jsonp = await rest(
      `/badgeaction/add/${site}`,
      { t: tokens.webmaster ?? '', name: 'listen', callback: 'cb' },
      'key-1',
    );
    expect(jsonp.text).toBe(`cb(${first.text});`);
    expect((await actionNames()).filter((n) => n === 'listen')).toHaveLength(1);
    // Without a key the same call acts, and the name is taken.
    expect((await rest(`/badgeaction/add/${site}`, { t: tokens.webmaster ?? '', name: 'listen' })).body).toMatchObject({
      status: -1,
      errorId: '3',
    });
  });

  it("acts for another member's same key", async () => {
    const other = await rest(`/badgeaction/add/${site}`, { t: tokens.editor ?? '', name: 'watch' }, 'key-1');
    expect(other.body).toEqual({ status: 1, added: true, actionId: expect.stringMatching(/^\d+$/) });
    expect(await actionNames()).toContain('watch');
  });

  it('replays a failing first answer even when the repeat would now succeed', async () => {
    const failed = await rest(`/badgeaction/add/${site}`, { t: tokens.webmaster ?? '', name: ' ' }, 'key-2');
    expect(failed.body).toEqual({ status: -1, errorId: '4', error: 'name cannot be null or blank' });
    expect((await rest(`/badgeaction/add/${site}`, { t: tokens.webmaster ?? '', name: 'share' }, 'key-2')).text).toBe(
      failed.text,
    );
    expect(await actionNames()).not.toContain('share');
  });

  it('lets only one of concurrent repeats act', async () => {
    const params = {
      t: tokens.webmaster ?? '',
      name: 'Raced',
      location: 'race',
      verbosename: 'v',
      url: 'https://example.org/r.png',
      link: 'l',
    };
    const answers = await Promise.all(Array.from({ length: 6 }, () => rest(`/badge/add/${site}`, params, 'key-race')));
    expect(answers[0]?.body).toMatchObject({ status: 1, added: true });
    for (const a of answers) expect(a.text).toBe(answers[0]?.text);
    const { body } = await rest(`/badges/list/${site}`, { t: tokens.webmaster ?? '', location: 'race' });
    expect(body.badges).toHaveLength(1);
  });

  it('records a user action and sets criteria once per key', async () => {
    const { actionId } = (await rest(`/badgeaction/add/${site}`, { t: tokens.webmaster ?? '', name: 'cheer' })).body;
    const { badgeId } = (
      await rest(`/badge/add/${site}`, {
        t: tokens.webmaster ?? '',
        name: 'Cheerer',
        location: 'stage',
        verbosename: 'v',
        url: 'https://example.org/c.png',
        link: 'l',
        published: 'true',
      })
    ).body;
    await rest(`/badgerequirement/add/${site}`, {
      t: tokens.webmaster ?? '',
      badgeId: String(badgeId),
      actionId: String(actionId),
      location: 'stage',
      quantity: '5',
      published: 'true',
    });
    const action = {
      t: tokens.webmaster ?? '',
      user_id: userIds.fan ?? '',
      actionId: String(actionId),
      location: 'stage',
    };
    const first = await rest(`/user/action/add/${site}`, action, 'key-cheer');
    expect(first.body).toMatchObject({ status: 1, added: true });
    expect((await rest(`/user/action/add/${site}`, action, 'key-cheer')).text).toBe(first.text);
    const status = await rest(`/user/badges/getstatus/${site}`, {
      t: tokens.fan ?? '',
      user_id: userIds.fan ?? '',
      location: 'stage',
    });
    expect((status.body.badges as { requirements: Payload[] }[])[0]?.requirements[0]).toMatchObject({
      userQuantity: '1',
    });

    const set = await rest(
      `/mostbadged/locationcriteria/set/${site}`,
      { t: tokens.webmaster ?? '', location: 'stage', quantity: '3' },
      'key-criteria',
    );
    expect(set.body).toEqual({ status: 1, location: 'stage', quantity: '3' });
    expect(
      (
        await rest(
          `/mostbadged/locationcriteria/set/${site}`,
          { t: tokens.webmaster ?? '', location: 'stage', quantity: '4' },
          'key-criteria',
        )
      ).text,
    ).toBe(set.text);
  });

  it('refuses keys that are empty or longer than 128 characters (120), after the token checks', async () => {
    const params = { t: tokens.webmaster ?? '', name: 'never' };
    expect((await rest(`/badgeaction/add/${site}`, params, 'k'.repeat(129))).body).toEqual({
      status: -1,
      errorId: '120',
      error: 'idempotencyKey must be 1 to 128 characters',
    });
    expect((await rest(`/badgeaction/add/${site}`, { ...params, idempotencyKey: '' })).body).toMatchObject({
      errorId: '120',
    });
    expect(
      (await rest(`/badgeaction/add/${site}`, { t: tokens.fan ?? '', name: 'never' }, 'k'.repeat(129))).body,
    ).toMatchObject({ errorId: '18' });
    expect((await rest(`/badgeaction/add/${site}`, params, 'k'.repeat(128))).body).toMatchObject({
      status: 1,
      added: true,
    });
    // Reads ignore keys.
    expect(
      (await rest(`/badgeactions/list/${site}`, { t: tokens.webmaster ?? '' }, 'k'.repeat(129))).body,
    ).toMatchObject({ status: 1 });
  });
});
