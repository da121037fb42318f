// Shared set-up of the requirements benchmarks: a site, one action, a
// published badge with one requirement, through the real gateway (admin,
// KickApps and v2 calls), plus direct database handles to watch progress.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { badgekitRequest, TEST_MASTER_SECRET } from '@laurel/testkit';

export const master = (system, method, path, body) =>
  badgekitRequest(system.gatewayUrl, {
    method,
    path,
    secret: TEST_MASTER_SECRET,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

export async function kickapps(system, path, params) {
  const res = await fetch(`${system.gatewayUrl}/rest${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  const body = await res.json();
  if (body.status !== 1 && body.status !== '1') throw new Error(`${path}: ${JSON.stringify(body)}`);
  return body;
}

/** A site with a webmaster token, action `bench`, and a published badge requiring `quantity` of it at `location`. */
export async function setupSite(system, { slug = 'bench', quantity, location = 'v2', members = [] }) {
  const password = 'bench password 123';
  if ((await master(system, 'POST', '/systems', { slug, name: slug, url: 'https://bench.example.org' })).status !== 201)
    throw new Error('system not created');
  const site = String((await master(system, 'GET', `/systems/${slug}`)).body.system.id);
  const consumer = await master(system, 'POST', `/admin/systems/${slug}/consumers`, {
    name: 'developer',
    permissions: ['kickapps-developer'],
  });
  const developerKey = consumer.body.consumer.secret;
  const all = [
    { username: 'webmaster', email: 'webmaster@bench.example.org', password, role: 'WEBMASTER' },
    ...members.map((m) => ({ ...m, password })),
  ];
  const userIds = [];
  for (let i = 0; i < all.length; i += 1000) {
    const res = await master(system, 'POST', `/admin/systems/${slug}/members`, all.slice(i, i + 1000));
    if (res.status !== 201) throw new Error(`members: ${res.status} ${JSON.stringify(res.body)}`);
    userIds.push(...res.body.members.map((m) => String(m.userId)));
  }
  const token = (await kickapps(system, `/token/create/webmaster/${site}`, { developerKey, password })).TOKEN;
  const actionId = (await kickapps(system, `/badgeaction/add/${site}`, { t: token, name: 'bench' })).actionId;
  const badgeId = (
    await kickapps(system, `/badge/add/${site}`, {
      t: token,
      name: 'Bench',
      location,
      verbosename: 'Benchmarked',
      url: 'https://bench.example.org/b.png',
      link: 'https://bench.example.org',
      published: 'true',
    })
  ).badgeId;
  const requirementId = (
    await kickapps(system, `/badgerequirement/add/${site}`, {
      t: token,
      badgeId,
      actionId,
      location,
      quantity: String(quantity),
      published: 'true',
    })
  ).requirementId;
  return { site, slug, token, actionId, badgeId, requirementId, password, userIds: userIds.slice(1) };
}

export async function database(system) {
  const client = new pg.Client({ connectionString: system.database.url });
  await client.connect();
  return client;
}

export async function waitFor(probe, done, { timeoutMs = 600_000, everyMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export const newEventId = () => randomUUID();
