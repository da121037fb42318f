/**
 * Laurel's admin API (admin-api.md) through the real processes: consumers,
 * members (single, bulk, concurrent), webhook settings and the delivery log,
 * with BadgeKit's JWT authorization and error bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type JsonResponse, type TestSystem } from '@laurel/testkit';

let system: TestSystem;

interface As {
  key?: string;
  secret?: string;
}

/** A signed admin request; the body is sent as JSON exactly as it was hashed. */
const call = (method: string, path: string, body?: unknown, as: As = {}): Promise<JsonResponse> =>
  badgekitRequest(system.gatewayUrl, {
    method,
    path,
    secret: as.secret ?? TEST_MASTER_SECRET,
    ...(as.key !== undefined && { key: as.key }),
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

interface CreatedConsumer {
  key: string;
  secret: string;
  name: string;
  permissions: string[];
  created: string;
}

async function createConsumer(site: string, name: string, permissions: string[]): Promise<CreatedConsumer> {
  const res = await call('POST', `/admin/systems/${site}/consumers`, { name, permissions });
  expect(res.status).toBe(201);
  return (res.body as { consumer: CreatedConsumer }).consumer;
}

interface MemberJson {
  userId: number;
  username: string;
  email: string;
  role: string;
}

const membersOf = (res: JsonResponse) => (res.body as { members: MemberJson[] }).members;

beforeAll(async () => {
  system = await startSystem('admin-api');
  for (const slug of ['alpha', 'beta']) {
    const res = await call('POST', '/systems', { slug, name: slug.toUpperCase(), url: 'https://example.org' });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await system?.stop();
});

describe('API consumers', () => {
  it('creates a consumer and shows its secret once, in the creation answer', async () => {
    const res = await call('POST', '/admin/systems/alpha/consumers', {
      name: 'Issuer site',
      permissions: ['badge-import', 'badgekit', 'badgekit'],
    });
    expect(res.status).toBe(201);
    const { consumer } = res.body as { status: string; consumer: CreatedConsumer };
    expect(res.body).toMatchObject({ status: 'created' });
    expect(Object.keys(consumer)).toEqual(['key', 'secret', 'name', 'permissions', 'created']);
    expect(consumer).toMatchObject({ name: 'Issuer site', permissions: ['badgekit', 'badge-import'] });
    expect(consumer.key).toMatch(/^[0-9a-f]{40}$/);
    // 32 random bytes, base64url
    expect(Buffer.from(consumer.secret, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(new Date(consumer.created).toISOString()).toBe(consumer.created);

    const list = await call('GET', '/admin/systems/alpha/consumers');
    expect(list.status).toBe(200);
    const listed = (list.body as { consumers: Record<string, unknown>[] }).consumers.find(
      (c) => c.key === consumer.key,
    );
    expect(listed).toEqual({
      key: consumer.key,
      name: 'Issuer site',
      permissions: ['badgekit', 'badge-import'],
      created: consumer.created,
    });
    expect(JSON.stringify(list.body)).not.toContain(consumer.secret);
  });

  it('lists only the site’s own consumers', async () => {
    const other = await createConsumer('beta', 'Beta only', ['badgekit']);
    const alpha = await call('GET', '/admin/systems/alpha/consumers');
    expect((alpha.body as { consumers: { key: string }[] }).consumers.map((c) => c.key)).not.toContain(other.key);
  });

  it('answers 400 naming the bad name and permissions', async () => {
    const res = await call('POST', '/admin/systems/alpha/consumers', { name: '', permissions: ['badgekit', 'root'] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'ValidationError', message: 'Could not validate required fields' });
    const details = (res.body as { details: { field: string }[] }).details;
    expect(details).toContainEqual({ field: 'name', value: '' });
    expect(details).toContainEqual({
      field: 'permissions',
      value: ['badgekit', 'root'],
      message: expect.stringContaining('badge-assignment'),
    });

    const missing = await call('POST', '/admin/systems/alpha/consumers', { name: 'x' });
    expect((missing.body as { details: unknown[] }).details).toEqual([{ field: 'permissions', value: '' }]);
    const empty = await call('POST', '/admin/systems/alpha/consumers', { name: 'x', permissions: [] });
    expect(empty.status).toBe(400);
  });

  it('deletes a consumer, never showing its secret again, and its key stops working at once', async () => {
    const admin = await createConsumer('alpha', 'Short-lived admin', ['admin']);
    const as = { key: admin.key, secret: admin.secret };
    expect((await call('GET', '/admin/systems/alpha/consumers', undefined, as)).status).toBe(200);

    const deleted = await call('DELETE', `/admin/systems/alpha/consumers/${admin.key}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({
      status: 'deleted',
      consumer: { key: admin.key, name: 'Short-lived admin', permissions: ['admin'], created: admin.created },
    });

    const after = await call('GET', '/admin/systems/alpha/consumers', undefined, as);
    expect(after.status).toBe(403);
    expect(after.body).toEqual({ code: 'NotAuthorized', message: 'Could not find consumer for API key' });

    const again = await call('DELETE', `/admin/systems/alpha/consumers/${admin.key}`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({
      code: 'ResourceNotFound',
      message: `Could not find consumer field: \`key\`, value: \`${admin.key}\``,
    });
  });

  it('does not delete another site’s consumer through this site', async () => {
    const other = await createConsumer('beta', 'Beta consumer', ['badgekit']);
    expect((await call('DELETE', `/admin/systems/alpha/consumers/${other.key}`)).status).toBe(404);
    const beta = await call('GET', '/admin/systems/beta/consumers');
    expect((beta.body as { consumers: { key: string }[] }).consumers.map((c) => c.key)).toContain(other.key);
  });

  it('answers 404 for an unknown site', async () => {
    const res = await call('GET', '/admin/systems/atlantis/consumers');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find system field: `slug`, value: `atlantis`',
    });
    expect(
      (await call('POST', '/admin/systems/atlantis/consumers', { name: 'x', permissions: ['admin'] })).status,
    ).toBe(404);
  });
});

describe('authorization', () => {
  let alphaAdmin: As;
  let alphaBadgekitOnly: As;

  beforeAll(async () => {
    const admin = await createConsumer('alpha', 'Alpha admin', ['admin']);
    alphaAdmin = { key: admin.key, secret: admin.secret };
    const bk = await createConsumer('alpha', 'Alpha BadgeKit', ['badgekit']);
    alphaBadgekitOnly = { key: bk.key, secret: bk.secret };
  });

  it('refuses a request without a token', async () => {
    const res = await fetch(`${system.gatewayUrl}/admin/systems/alpha/consumers`);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: 'NotAuthorized', message: 'Missing valid Authorization header' });
  });

  it('lets a consumer with `admin` act on its own site', async () => {
    expect((await call('GET', '/admin/systems/alpha/consumers', undefined, alphaAdmin)).status).toBe(200);
    const created = await call(
      'POST',
      '/admin/systems/alpha/members',
      { username: 'made-by-admin', email: 'made@example.org' },
      alphaAdmin,
    );
    expect(created.status).toBe(201);
  });

  it('refuses it on another site with BadgeKit’s message, before looking the site up', async () => {
    for (const path of ['/admin/systems/beta/consumers', '/admin/systems/atlantis/consumers']) {
      const res = await call('GET', path, undefined, alphaAdmin);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ code: 'NotAuthorized', message: 'Invalid token for system' });
    }
    const post = await call(
      'POST',
      '/admin/systems/beta/members',
      { username: 'intruder', email: 'intruder@example.org' },
      alphaAdmin,
    );
    expect(post.body).toEqual({ code: 'NotAuthorized', message: 'Invalid token for system' });
  });

  it('lets a consumer grant only the permissions it holds itself, creating nothing otherwise', async () => {
    const keysOf = async () =>
      ((await call('GET', '/admin/systems/alpha/consumers')).body as { consumers: { key: string }[] }).consumers
        .map((c) => c.key)
        .sort();
    const before = await keysOf();
    for (const permissions of [['badgekit'], ['admin', 'badge-import'], ['kickapps-developer', 'badge-assignment']]) {
      const res = await call('POST', '/admin/systems/alpha/consumers', { name: 'escalated', permissions }, alphaAdmin);
      expect(res.status, JSON.stringify(permissions)).toBe(403);
      expect(res.body).toEqual({
        code: 'NotAuthorized',
        message: `Cannot grant permissions this key does not hold: ${permissions.filter((p) => p !== 'admin').join(', ')}`,
      });
    }
    expect(await keysOf()).toEqual(before);
    // Still 400 for a bad body: the permissions must be read before they can be judged.
    expect(
      (await call('POST', '/admin/systems/alpha/consumers', { name: '', permissions: ['root'] }, alphaAdmin)).status,
    ).toBe(400);

    const peer = await call(
      'POST',
      '/admin/systems/alpha/consumers',
      { name: 'another admin', permissions: ['admin'] },
      alphaAdmin,
    );
    expect(peer.status).toBe(201);
    const wider = await createConsumer('alpha', 'Alpha admin and BadgeKit', ['admin', 'badgekit']);
    const granted = await call(
      'POST',
      '/admin/systems/alpha/consumers',
      { name: 'BadgeKit by delegation', permissions: ['badgekit'] },
      { key: wider.key, secret: wider.secret },
    );
    expect(granted.status).toBe(201);
    expect((granted.body as { consumer: CreatedConsumer }).consumer.permissions).toEqual(['badgekit']);
  });

  it('treats a consumer without `admin` as unknown', async () => {
    const res = await call('GET', '/admin/systems/alpha/consumers', undefined, alphaBadgekitOnly);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'NotAuthorized', message: 'Could not find consumer for API key' });
  });

  it('checks the signature with the consumer’s secret', async () => {
    const res = await call('GET', '/admin/systems/alpha/consumers', undefined, {
      key: alphaAdmin.key,
      secret: 'not-the-secret-of-this-consumer',
    });
    expect(res.body).toEqual({ code: 'NotAuthorized', message: 'Invalid token signature' });
    const master = await call('GET', '/admin/systems/alpha/consumers', undefined, { secret: 'not-the-master-secret' });
    expect(master.body).toEqual({ code: 'NotAuthorized', message: 'Invalid token signature' });
  });

  it('checks the body hash like BadgeKit', async () => {
    const res = await badgekitRequest(system.gatewayUrl, {
      method: 'POST',
      path: '/admin/systems/alpha/consumers',
      secret: TEST_MASTER_SECRET,
      body: '{"name":"x","permissions":["admin"]}',
      claims: { body: { alg: 'sha256', hash: 'abc' } },
    });
    expect(res.body).toMatchObject({
      code: 'NotAuthorized',
      message: expect.stringMatching(/^Computed hash does not match given hash: abc != /),
    });
  });

  it('takes JSON only, parse errors before authorization', async () => {
    const form = await fetch(`${system.gatewayUrl}/admin/systems/alpha/members`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=x',
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toEqual({
      code: 'UnsupportedMediaTypeError',
      message: 'application/x-www-form-urlencoded',
    });
    const broken = await fetch(`${system.gatewayUrl}/admin/systems/alpha/members`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[{',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({
      code: 'InvalidContent',
      message: expect.stringMatching(/^Invalid JSON: /),
    });
  });

  it('answers 405 with Allow for another method', async () => {
    const res = await fetch(`${system.gatewayUrl}/admin/systems/alpha/members`, { method: 'GET' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toEqual({ code: 'MethodNotAllowedError', message: 'GET is not allowed' });
  });
});

describe('members', () => {
  let alice: MemberJson;

  it('creates one member with the default role, and reads it back', async () => {
    const res = await call('POST', '/admin/systems/alpha/members', {
      username: 'Alice',
      email: 'Alice@Example.org',
      password: 'correct horse',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      status: 'created',
      members: [{ userId: expect.any(Number), username: 'Alice', email: 'Alice@Example.org', role: 'MEMBER' }],
    });
    alice = membersOf(res)[0] as MemberJson;
    expect(alice.userId).toBeGreaterThan(0);

    const got = await call('GET', `/admin/systems/alpha/members/${alice.userId}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ member: alice });
  });

  it('answers 404 for a member the site does not have', async () => {
    const res = await call('GET', '/admin/systems/alpha/members/999999');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find member field: `userId`, value: `999999`',
    });
    expect((await call('GET', '/admin/systems/alpha/members/abc')).status).toBe(404);
    expect((await call('GET', `/admin/systems/beta/members/${alice.userId}`)).status).toBe(404);
    expect((await call('GET', '/admin/systems/atlantis/members/1')).status).toBe(404);
  });

  it('answers 409 naming the field for a username or email that differs only in case', async () => {
    const username = await call('POST', '/admin/systems/alpha/members', {
      username: 'ALICE',
      email: 'other@example.org',
    });
    expect(username.status).toBe(409);
    expect(username.body).toEqual({
      code: 'ResourceConflict',
      message: 'member with that `username` already exists',
      details: [{ field: 'username', value: 'ALICE', message: 'member with that `username` already exists' }],
    });
    const email = await call('POST', '/admin/systems/alpha/members', {
      username: 'alice2',
      email: 'ALICE@example.ORG',
    });
    expect(email.status).toBe(409);
    expect(email.body).toMatchObject({
      code: 'ResourceConflict',
      message: 'member with that `email` already exists',
      details: [{ field: 'email', value: 'ALICE@example.ORG' }],
    });
  });

  it('keeps usernames and emails unique per site only', async () => {
    const res = await call('POST', '/admin/systems/beta/members', {
      username: 'alice',
      email: 'alice@example.org',
      role: 'EDITOR',
    });
    expect(res.status).toBe(201);
    expect(membersOf(res)[0]).toMatchObject({ username: 'alice', role: 'EDITOR' });
  });

  it('answers 400 naming every bad field of one member', async () => {
    const res = await call('POST', '/admin/systems/alpha/members', {
      username: '',
      email: 'nope',
      role: 'ADMIN',
      password: 'short',
    });
    expect(res.status).toBe(400);
    const details = (res.body as { details: unknown[] }).details;
    expect(details).toEqual([
      { field: 'username', value: '' },
      { message: 'Invalid email', field: 'email', value: 'nope' },
      { message: 'String is not in range', field: 'password', value: 'short' },
      { message: 'Unexpected value or invalid argument', field: 'role', value: 'ADMIN' },
    ]);
    const typed = await call('POST', '/admin/systems/alpha/members', { username: 42, email: 'n@example.org' });
    expect((typed.body as { details: unknown[] }).details).toEqual([
      { message: 'Expected a string', field: 'username', value: 42 },
    ]);
    expect((await call('POST', '/admin/systems/alpha/members')).status).toBe(400);
  });

  it('creates a batch in one go with distinct, consecutive userIds', async () => {
    const batch = [1, 2, 3].map((n) => ({
      username: `batch-${n}`,
      email: `batch-${n}@example.org`,
      role: n === 3 ? 'WEBMASTER' : undefined,
    }));
    const res = await call('POST', '/admin/systems/alpha/members', batch);
    expect(res.status).toBe(201);
    const created = membersOf(res);
    expect(created.map((m) => [m.username, m.role])).toEqual([
      ['batch-1', 'MEMBER'],
      ['batch-2', 'MEMBER'],
      ['batch-3', 'WEBMASTER'],
    ]);
    const ids = created.map((m) => m.userId);
    expect(ids[1]).toBe((ids[0] as number) + 1);
    expect(ids[2]).toBe((ids[0] as number) + 2);
  });

  it('rejects a batch with invalid elements, naming each by index, and creates none', async () => {
    const batch = [
      { username: 'fine-1', email: 'fine-1@example.org' },
      { email: 'bad' },
      { username: 'fine-2', email: 'fine-2@example.org' },
      'not a member',
    ];
    const res = await call('POST', '/admin/systems/alpha/members', batch);
    expect(res.status).toBe(400);
    expect((res.body as { details: unknown[] }).details).toEqual([
      { index: 1, field: 'username', value: '' },
      { index: 1, message: 'Invalid email', field: 'email', value: 'bad' },
      { index: 3, message: 'Expected an object', field: 'member', value: '' },
    ]);
    expect((await call('POST', '/admin/systems/alpha/members', batch[0])).status).toBe(201);
  });

  it('rejects a batch with clashing elements, naming each by index, and creates none', async () => {
    const batch = [
      { username: 'clash-new', email: 'clash-new@example.org' },
      { username: 'alice', email: 'clash-other@example.org' },
      { username: 'clash-third', email: 'CLASH-NEW@example.org' },
      { username: 'clash-fourth', email: 'batch-1@EXAMPLE.org' },
    ];
    const within = await call('POST', '/admin/systems/alpha/members', batch);
    expect(within.status).toBe(409);
    expect(within.body).toMatchObject({
      code: 'ResourceConflict',
      message: 'member with that `username` already exists',
    });
    expect((within.body as { details: unknown[] }).details).toEqual([
      { index: 1, field: 'username', value: 'alice', message: 'member with that `username` already exists' },
      { index: 2, field: 'email', value: 'CLASH-NEW@example.org', message: 'same `email` as element 0' },
      { index: 3, field: 'email', value: 'batch-1@EXAMPLE.org', message: 'member with that `email` already exists' },
    ]);

    const withExisting = await call('POST', '/admin/systems/alpha/members', [batch[0], batch[1], batch[3]]);
    expect(withExisting.status).toBe(409);
    expect(withExisting.body).toMatchObject({
      code: 'ResourceConflict',
      message: 'member with that `username` already exists',
    });
    expect((withExisting.body as { details: unknown[] }).details).toEqual([
      { index: 1, field: 'username', value: 'alice', message: 'member with that `username` already exists' },
      { index: 2, field: 'email', value: 'batch-1@EXAMPLE.org', message: 'member with that `email` already exists' },
    ]);
    const alone = await call('POST', '/admin/systems/alpha/members', batch[0]);
    expect(alone.status).toBe(201);
  });

  it('takes 1 to 1000 members per request', async () => {
    const empty = await call('POST', '/admin/systems/alpha/members', []);
    expect(empty.status).toBe(400);
    expect((empty.body as { details: unknown[] }).details).toEqual([
      { message: 'Expected 1 to 1000 members', field: 'members', value: '' },
    ]);
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ username: `many-${i}`, email: `many-${i}@example.org` }));
    expect((await call('POST', '/admin/systems/alpha/members', tooMany)).status).toBe(400);

    const thousand = await call('POST', '/admin/systems/beta/members', tooMany.slice(0, 1000));
    expect(thousand.status).toBe(201);
    const ids = new Set(membersOf(thousand).map((m) => m.userId));
    expect(ids.size).toBe(1000);
  });

  it('gives 20 concurrent creates 20 distinct userIds', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('POST', '/admin/systems/alpha/members', { username: `racer-${i}`, email: `racer-${i}@example.org` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const ids = answers.map((a) => membersOf(a)[0]?.userId);
    expect(new Set(ids).size).toBe(20);
  });

  it('updates email, role and password, and removes a password with null', async () => {
    const res = await call('PATCH', `/admin/systems/alpha/members/${alice.userId}`, {
      email: 'alice@new.example.org',
      role: 'EDITOR',
      password: 'another secret',
      username: 'ignored',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'updated',
      member: { userId: alice.userId, username: 'Alice', email: 'alice@new.example.org', role: 'EDITOR' },
    });
    expect((await call('PATCH', `/admin/systems/alpha/members/${alice.userId}`, { password: null })).status).toBe(200);
    expect((await call('GET', `/admin/systems/alpha/members/${alice.userId}`)).body).toEqual({
      member: { ...alice, email: 'alice@new.example.org', role: 'EDITOR' },
    });
  });

  it('answers 409 for an email another member has, 400 for bad fields, 404 for an unknown member', async () => {
    const clash = await call('PATCH', `/admin/systems/alpha/members/${alice.userId}`, { email: 'BATCH-2@example.org' });
    expect(clash.status).toBe(409);
    expect(clash.body).toEqual({
      code: 'ResourceConflict',
      message: 'member with that `email` already exists',
      details: [{ field: 'email', value: 'BATCH-2@example.org', message: 'member with that `email` already exists' }],
    });
    const bad = await call('PATCH', `/admin/systems/alpha/members/${alice.userId}`, { email: '', role: 'KING' });
    expect(bad.status).toBe(400);
    expect((bad.body as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(['email', 'role']);
    const nothing = await call('PATCH', `/admin/systems/alpha/members/${alice.userId}`, { username: 'x' });
    expect(nothing.status).toBe(400);
    expect((await call('PATCH', '/admin/systems/alpha/members/999999', { role: 'EDITOR' })).status).toBe(404);
  });
});

describe('webhook settings', () => {
  it('sets, reads and deletes the webhook, never returning its secret', async () => {
    const secret = 'a-webhook-secret-0123456789';
    const put = await call('PUT', '/admin/systems/alpha/webhook', { url: 'https://hooks.example.org/laurel', secret });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      status: 'updated',
      webhook: { url: 'https://hooks.example.org/laurel', created: expect.any(String) },
    });

    const got = await call('GET', '/admin/systems/alpha/webhook');
    expect(got.status).toBe(200);
    expect(got.body).toEqual({
      webhook: {
        url: 'https://hooks.example.org/laurel',
        created: (put.body as { webhook: { created: string } }).webhook.created,
      },
    });
    expect(JSON.stringify(got.body)).not.toContain(secret);

    const deleted = await call('DELETE', '/admin/systems/alpha/webhook');
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ status: 'deleted' });
    const gone = await call('GET', '/admin/systems/alpha/webhook');
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: 'ResourceNotFound' });
  });

  it('answers 400 for a relative URL or a short secret, without echoing the secret', async () => {
    const res = await call('PUT', '/admin/systems/alpha/webhook', { url: 'hooks.example.org/x', secret: 'too-short' });
    expect(res.status).toBe(400);
    expect((res.body as { details: unknown[] }).details).toEqual([
      { message: 'Invalid URL', field: 'url', value: 'hooks.example.org/x' },
      { message: 'String is not in range', field: 'secret' },
    ]);
    expect((await call('PUT', '/admin/systems/alpha/webhook', {})).status).toBe(400);
  });

  it('answers 404 for an unknown site and 403 for another site’s consumer', async () => {
    expect((await call('GET', '/admin/systems/atlantis/webhook')).status).toBe(404);
    const betaAdmin = await createConsumer('beta', 'Beta admin', ['admin']);
    const res = await call(
      'PUT',
      '/admin/systems/alpha/webhook',
      { url: 'https://x.example.org', secret: 'a-webhook-secret-0123456789' },
      { key: betaAdmin.key, secret: betaAdmin.secret },
    );
    expect(res.body).toEqual({ code: 'NotAuthorized', message: 'Invalid token for system' });
  });

  it('lists the delivery log, with pageData only when paging', async () => {
    const all = await call('GET', '/admin/systems/alpha/webhook/deliveries');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ deliveries: [] });
    const paged = await call('GET', '/admin/systems/alpha/webhook/deliveries?page=1&count=10');
    expect(paged.body).toEqual({ deliveries: [], pageData: { page: 1, count: 10, total: 0 } });
    expect((await call('GET', '/admin/systems/atlantis/webhook/deliveries')).status).toBe(404);
  });
});
