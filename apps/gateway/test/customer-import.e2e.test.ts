/**
 * The customer badge import (customer-badge-import.md §4) through the real
 * processes: authentication (Basic with the secret or its md5, OAuth tokens),
 * every whole-request check, every element error and warning, the date forms,
 * idempotent retries and atomicity, also when issuance dies mid-batch.
 */
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type JsonResponse, type TestSystem } from '@laurel/testkit';
import { laurelProtos, type issuanceV1 } from '@laurel/protos';
import { ServiceClient } from '@laurel/service-kit';
import { DEV_SECRET_ENCRYPTION_KEY } from '../src/config.js';

const PATH = '/api_gateway/v1/badges/import/customerBadges';

let system: TestSystem;
let issuance: ServiceClient<issuanceV1.IssuanceDefinition>;
let siteId: string;
let importer: { key: string; secret: string };
let outsider: { key: string; secret: string };
let users: number[];
const badge: Record<'repeatable' | 'single' | 'retired' | 'draft' | 'foreign', string> = {
  repeatable: '',
  single: '',
  retired: '',
  draft: '',
  foreign: '',
};

const admin = (method: string, path: string, body?: unknown): Promise<JsonResponse> =>
  badgekitRequest(system.gatewayUrl, {
    method,
    path,
    secret: TEST_MASTER_SECRET,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

const basic = (key: string, password: string) => `Basic ${Buffer.from(`${key}:${password}`).toString('base64')}`;
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

interface Answer {
  status: number;
  text: string;
  body: unknown;
}

interface Options {
  method?: string;
  headers?: Record<string, string>;
  contentType?: string | null;
}

async function send(path: string, payload: string, options: Options = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(system.gatewayUrl + path, { method: options.method ?? 'PUT', headers, body: payload });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // the test sees the text
  }
  return { status: response.status, text, body };
}

const importAs = (elements: unknown, options: Options = {}) =>
  send(PATH, typeof elements === 'string' ? elements : JSON.stringify(elements), {
    ...options,
    headers: { authorization: basic(importer.key, importer.secret), ...options.headers },
  });

interface Issue {
  code: number;
  message: string;
  field?: string;
}

interface ResultElement {
  data: {
    badgeMetaId: unknown;
    customerId: unknown;
    earnedBadgeId: string | null;
    expiresOn: number | null;
    expiresOnISO: string | null;
    requestId: string;
  };
  errors: Issue[] | null;
  warnings: Issue[] | null;
}

const results = (answer: Answer) => {
  expect(answer.status, answer.text).toBe(200);
  return answer.body as ResultElement[];
};
const codes = (issues: Issue[] | null) => (issues ?? []).map((i) => i.code);
const envelope = (answer: Answer, status: number, code: number) => {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body).toEqual({ data: null, errors: [{ code, message: expect.any(String) }], warnings: null });
};

const HOUR = 3600;
const nowS = () => Math.floor(Date.now() / 1000);
const valid = (badgeMetaId: string, customerId: number, extra: Record<string, unknown> = {}) => ({
  badgeMetaId,
  customerId,
  earnEventDate: nowS() - 10 * 24 * HOUR,
  earnExpiresOn: nowS() + 365 * 24 * HOUR,
  ...extra,
});

async function awardsOf(userId: number): Promise<issuanceV1.EarnedBadge__Output[]> {
  const { earnedBadges } = await issuance.call('ListRecipientBadges', {
    siteId,
    userId: String(userId),
    includeExpired: true,
  });
  return earnedBadges;
}

async function createBadge(site: string, slug: string, unique: number): Promise<string> {
  const res = await admin('POST', `/systems/${site}/badges`, {
    slug,
    name: `Badge ${slug}`,
    earnerDescription: 'Earned',
    consumerDescription: 'Earned it',
    criteriaUrl: 'http://example.org/c',
    unique,
    image: 'http://example.org/b.png',
    type: 'skill',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return String((res.body as { badge: { id: number } }).badge.id);
}

beforeAll(async () => {
  system = await startSystem('customer-import');
  const protos = laurelProtos();
  issuance = new ServiceClient(protos.issuance.v1.Issuance.service, `127.0.0.1:${system.ports.issuance}`, {
    deadlineMs: 10_000,
  });
  const catalog = new ServiceClient(protos.catalog.v1.Catalog.service, `127.0.0.1:${system.ports['badge-catalog']}`, {
    deadlineMs: 10_000,
  });
  try {
    for (const slug of ['acme', 'other']) {
      const res = await admin('POST', '/systems', { slug, name: slug, url: 'https://example.org' });
      expect(res.status).toBe(201);
      if (slug === 'acme') siteId = String((res.body as { system: { id: number } }).system.id);
    }
    const consumer = async (permissions: string[]) => {
      const res = await admin('POST', '/admin/systems/acme/consumers', { name: permissions.join(','), permissions });
      expect(res.status).toBe(201);
      return (res.body as { consumer: { key: string; secret: string } }).consumer;
    };
    importer = await consumer(['badge-import']);
    outsider = await consumer(['badgekit']);
    const members = await admin(
      'POST',
      '/admin/systems/acme/members',
      Array.from({ length: 8 }, (_, i) => ({ username: `m${i}`, email: `m${i}@example.org` })),
    );
    expect(members.status).toBe(201);
    users = (members.body as { members: { userId: number }[] }).members.map((m) => m.userId);
    badge.repeatable = await createBadge('acme', 'repeatable', 0);
    badge.single = await createBadge('acme', 'single', 1);
    badge.retired = await createBadge('acme', 'retired', 0);
    expect((await admin('PUT', '/systems/acme/badges/retired', { archived: true })).status).toBe(200);
    badge.foreign = await createBadge('other', 'elsewhere', 0);
    const { badge: draft } = await catalog.call('CreateBadge', {
      context: { systemSlug: 'acme' },
      fields: { slug: 'draft', name: 'Draft', unique: false, published: false, origin: 'import' },
    });
    badge.draft = draft?.id ?? '';
  } finally {
    catalog.close();
  }
}, 120_000);

afterAll(async () => {
  issuance?.close();
  await system?.stop();
});

describe('the seed example', () => {
  it('records two earned badges for two identical elements of a repeatable badge', async () => {
    const user = users[0] as number;
    const element = {
      badgeMetaId: badge.repeatable,
      customerId: user,
      earnEventDate: 1674292011,
      earnExpiresOn: 1705828011,
    };
    const answer = await importAs([element, element]);
    const [first, second] = results(answer);
    expect(first?.data).toEqual({
      badgeMetaId: badge.repeatable,
      customerId: user,
      earnedBadgeId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      expiresOn: 1705828011,
      expiresOnISO: '2024-01-21T09:06:51Z',
      requestId: expect.stringMatching(/^[0-9a-f]{32}_1$/),
    });
    expect(Object.keys(first?.data ?? {})).toEqual([
      'badgeMetaId',
      'customerId',
      'earnedBadgeId',
      'expiresOn',
      'expiresOnISO',
      'requestId',
    ]);
    expect(second?.data.requestId).toBe(first?.data.requestId.replace(/_1$/, '_2'));
    expect(second?.data.earnedBadgeId).not.toBe(first?.data.earnedBadgeId);
    // Expired in 2024: recorded, with the warning.
    expect(first?.errors).toBeNull();
    expect(first?.warnings).toEqual([{ code: 3201, message: expect.any(String), field: 'earnExpiresOn' }]);
    const awards = await awardsOf(user);
    expect(awards.map((a) => a.id).sort()).toEqual([first?.data.earnedBadgeId, second?.data.earnedBadgeId].sort());
    expect(awards.every((a) => a.channel === 'AWARD_CHANNEL_IMPORT' && a.issuedOn === '2023-01-21T09:06:51.000Z')).toBe(
      true,
    );
  });
});

describe('authentication', () => {
  it('accepts Basic with the md5 of the secret, and POST as an alias of PUT', async () => {
    const answer = await importAs([valid(badge.repeatable, users[1] as number)], {
      method: 'POST',
      headers: { authorization: basic(importer.key, md5(importer.secret)) },
    });
    expect(results(answer)[0]?.errors).toBeNull();
  });

  it('answers 401 / 3401 without credentials, for an unknown key, a wrong secret or a bad token', async () => {
    const body = JSON.stringify([valid(badge.repeatable, users[1] as number)]);
    envelope(await send(PATH, body), 401, 3401);
    envelope(await send(PATH, body, { headers: { authorization: basic('nobody', importer.secret) } }), 401, 3401);
    envelope(await send(PATH, body, { headers: { authorization: basic(importer.key, 'wrong') } }), 401, 3401);
    envelope(await send(PATH, body, { headers: { authorization: basic(importer.key, md5('wrong')) } }), 401, 3401);
    envelope(await send(PATH, body, { headers: { 'x-cap-api-oauth-token': 'a.b.c' } }), 401, 3401);
  });

  it('answers 403 / 3403 for a consumer without badge-import', async () => {
    envelope(
      await send(PATH, JSON.stringify([valid(badge.repeatable, users[1] as number)]), {
        headers: { authorization: basic(outsider.key, outsider.secret) },
      }),
      403,
      3403,
    );
    envelope(
      await send('/v3/oauth/token/generate', JSON.stringify({ key: outsider.key, secret: outsider.secret }), {
        method: 'POST',
      }),
      403,
      3403,
    );
  });

  it('issues OAuth tokens accepted in all three headers, and refuses expired or forged ones', async () => {
    const token = await send(
      '/v3/oauth/token/generate',
      JSON.stringify({ key: importer.key, secret: importer.secret }),
      { method: 'POST' },
    );
    expect(token.status).toBe(200);
    expect(token.body).toEqual({
      data: { accessToken: expect.any(String), ttlSeconds: 3600 },
      errors: null,
      warnings: null,
    });
    const accessToken = (token.body as { data: { accessToken: string } }).data.accessToken;
    const variants: Record<string, string>[] = [
      { 'x-cap-api-oauth-token': accessToken },
      { 'cap-api-access-token': accessToken },
      { authorization: `Bearer ${accessToken}` },
    ];
    for (const headers of variants) {
      const answer = await send(PATH, JSON.stringify([valid(badge.repeatable, users[1] as number)]), { headers });
      expect(results(answer)[0]?.errors).toBeNull();
    }
    envelope(
      await send('/v3/oauth/token/generate', JSON.stringify({ key: importer.key, secret: 'nope' }), { method: 'POST' }),
      401,
      3401,
    );
    envelope(
      await send('/v3/oauth/token/generate', JSON.stringify({ key: 'nobody', secret: importer.secret }), {
        method: 'POST',
      }),
      401,
      3401,
    );

    // A token past its expiry, correctly signed with the gateway's derived key.
    const signingKey = createHmac('sha256', DEV_SECRET_ENCRYPTION_KEY)
      .update('laurel/customer-import/oauth-access-token/v1')
      .digest();
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: importer.key, site: siteId, iat: nowS() - 7200, exp: nowS() - 3600 })}`;
    const expired = `${unsigned}.${createHmac('sha256', signingKey).update(unsigned).digest('base64url')}`;
    envelope(
      await send(PATH, JSON.stringify([valid(badge.repeatable, users[1] as number)]), {
        headers: { 'x-cap-api-oauth-token': expired },
      }),
      401,
      3401,
    );
    const [h, p] = accessToken.split('.');
    envelope(
      await send(PATH, JSON.stringify([valid(badge.repeatable, users[1] as number)]), {
        headers: { 'x-cap-api-oauth-token': `${h}.${p}.${'A'.repeat(43)}` },
      }),
      401,
      3401,
    );
  });
});

describe('whole-request checks', () => {
  it('answers each with a single envelope and records nothing', async () => {
    const before = (await awardsOf(users[2] as number)).length;
    const one = [valid(badge.repeatable, users[2] as number)];
    envelope(await importAs(JSON.stringify(one), { contentType: 'text/plain' }), 415, 3415);
    envelope(await importAs(JSON.stringify(one), { contentType: null }), 415, 3415);
    envelope(await importAs(`[${' '.repeat(2 * 1024 * 1024)}]`), 413, 3413);
    envelope(await importAs('[{"badgeMetaId": '), 400, 3001);
    envelope(await importAs({ badgeMetaId: badge.repeatable }), 400, 3001);
    envelope(await importAs([]), 400, 3002);
    envelope(await importAs(Array.from({ length: 1001 }, () => one[0])), 400, 3003);
    envelope(await importAs(one, { headers: { 'idempotency-key': 'not valid!' } }), 400, 3001);
    expect((await awardsOf(users[2] as number)).length).toBe(before);
  });

  it('accepts 1000 elements and a body just under 2 MiB', async () => {
    const answer = await importAs(Array.from({ length: 1000 }, () => valid(badge.repeatable, users[7] as number)));
    expect(results(answer).every((r) => r.errors === null)).toBe(true);
  });
});

describe('element checks', () => {
  it('reports every error and warning code with its field, and records only the valid elements', async () => {
    const u = users[3] as number;
    const now = nowS();
    const elements: unknown[] = [
      'not an object',
      valid('', u),
      valid('9999999', u),
      valid('654e08f2041fd452b3ef5b2e', u),
      valid(badge.foreign, u),
      valid(badge.repeatable, 0),
      valid(badge.repeatable, 987654),
      { badgeMetaId: badge.repeatable, customerId: u, earnExpiresOn: now + HOUR },
      valid(badge.repeatable, u, { earnEventDate: '2024-01-01T00:00:00' }),
      { badgeMetaId: badge.repeatable, customerId: u, earnEventDate: now - HOUR },
      valid(badge.repeatable, u, { earnExpiresOn: 'tomorrow' }),
      valid(badge.repeatable, u, { earnEventDate: now + 2 * 24 * HOUR, earnExpiresOn: now + 3 * 24 * HOUR }),
      valid(badge.repeatable, u, { earnExpiresOn: now - 20 * 24 * HOUR }),
      valid(badge.retired, u),
      valid(badge.single, u),
      valid(badge.single, u),
      valid(badge.repeatable, u, { earnExpiresOn: now - HOUR }),
      valid(badge.repeatable, u, { earnEventDateISO: new Date((now - 5 * 24 * HOUR) * 1000).toISOString() }),
      valid(badge.draft, u),
      { badgeMetaId: 42, customerId: 'abc' },
      valid(badge.repeatable, u, { earnExpiresOn: now + 101 * 365 * 24 * HOUR }),
    ];
    const answer = results(await importAs(elements));
    expect(answer).toHaveLength(elements.length);
    const summary = answer.map((r) => ({
      errors: (r.errors ?? []).map((e) => `${e.code}:${e.field ?? ''}`),
      warnings: (r.warnings ?? []).map((w) => `${w.code}:${w.field ?? ''}`),
    }));
    expect(summary).toEqual([
      { errors: ['3100:'], warnings: [] },
      { errors: ['3101:badgeMetaId'], warnings: [] },
      { errors: ['1054:badgeMetaId'], warnings: [] },
      { errors: ['1054:badgeMetaId'], warnings: [] },
      { errors: ['1054:badgeMetaId'], warnings: [] },
      { errors: ['3102:customerId'], warnings: [] },
      { errors: ['816:customerId'], warnings: [] },
      { errors: ['3103:earnEventDate'], warnings: [] },
      { errors: ['3104:earnEventDate'], warnings: [] },
      { errors: ['3105:earnExpiresOn'], warnings: [] },
      { errors: ['3106:earnExpiresOn'], warnings: [] },
      { errors: ['3107:earnEventDate'], warnings: [] },
      { errors: ['3108:earnExpiresOn'], warnings: ['3201:earnExpiresOn'] },
      { errors: ['3109:badgeMetaId'], warnings: [] },
      { errors: [], warnings: [] },
      { errors: ['3110:badgeMetaId'], warnings: [] },
      { errors: [], warnings: ['3201:earnExpiresOn'] },
      { errors: [], warnings: ['3202:earnEventDateISO'] },
      { errors: [], warnings: ['3203:badgeMetaId'] },
      { errors: ['3101:badgeMetaId', '3102:customerId', '3103:earnEventDate', '3105:earnExpiresOn'], warnings: [] },
      { errors: ['3108:earnExpiresOn'], warnings: [] },
    ]);
    for (const r of answer) {
      expect(r.errors === null || r.errors.length > 0).toBe(true);
      if (r.errors) expect(r.data).toMatchObject({ earnedBadgeId: null, expiresOn: null, expiresOnISO: null });
      else expect(r.data.earnedBadgeId).toEqual(expect.any(String));
    }
    const recorded = answer
      .filter((r) => r.errors === null)
      .map((r) => r.data.earnedBadgeId)
      .sort();
    expect(recorded).toHaveLength(4);
    expect((await awardsOf(u)).map((a) => a.id).sort()).toEqual(recorded);

    // Already held from the earlier batch.
    const again = results(await importAs([valid(badge.single, u)]));
    expect(again[0]?.errors).toEqual([{ code: 3110, message: expect.any(String), field: 'badgeMetaId' }]);
    expect(again[0]?.data.earnedBadgeId).toBeNull();
  });

  it('reads epoch seconds, milliseconds, digit strings and zoned ISO strings', async () => {
    const u = users[4] as number;
    const answer = results(
      await importAs([
        {
          badgeMetaId: badge.repeatable,
          customerId: String(u),
          earnEventDate: 1674292011000,
          earnExpiresOn: '2100-01-21T09:06:51Z',
        },
        { badgeMetaId: badge.repeatable, customerId: u, earnEventDate: '1674292011', earnExpiresOn: 4102444800.5 },
        {
          badgeMetaId: badge.repeatable,
          customerId: u,
          earnEventDateISO: '2025-09-10T15:00:00+05:30',
          earnExpiresOnISO: '2100-09-10T15:00:00.250+05:30',
          earnExpiresOn: 1,
        },
        {
          badgeMetaId: badge.repeatable,
          customerId: u,
          earnEventDate: '2025-09-10',
          earnExpiresOn: '2100-01-01T00:00:00+0530',
        },
      ]),
    );
    expect(answer[0]?.data).toMatchObject({
      customerId: u,
      expiresOn: 4104205611,
      expiresOnISO: '2100-01-21T09:06:51Z',
    });
    expect(answer[1]?.data).toMatchObject({ expiresOn: 4102444800.5, expiresOnISO: '2100-01-01T00:00:00.500Z' });
    expect(answer[2]?.data).toMatchObject({ expiresOn: 4124251800.25, expiresOnISO: '2100-09-10T09:30:00.250Z' });
    expect(codes(answer[2]?.warnings ?? null)).toEqual([3202]);
    expect(answer[3]?.errors?.map((e) => `${e.code}:${e.field}`)).toEqual(['3104:earnEventDate', '3106:earnExpiresOn']);
    const awards = await awardsOf(u);
    expect(awards.map((a) => a.issuedOn).sort()).toEqual([
      '2023-01-21T09:06:51.000Z',
      '2023-01-21T09:06:51.000Z',
      '2025-09-10T09:30:00.000Z',
    ]);
  });
});

describe('idempotency', () => {
  it('replays an Idempotency-Key batch byte for byte and refuses the key with another body', async () => {
    const u = users[5] as number;
    const batch = [valid(badge.repeatable, u), valid(badge.single, u), valid('9999999', u)];
    const first = await importAs(batch, { headers: { 'idempotency-key': 'mig-2026-03-02-part7' } });
    expect(results(first).map((r) => r.data.requestId)).toEqual([
      'mig-2026-03-02-part7_1',
      'mig-2026-03-02-part7_2',
      'mig-2026-03-02-part7_3',
    ]);
    const again = await importAs(batch, { headers: { 'idempotency-key': 'mig-2026-03-02-part7' } });
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(await awardsOf(u)).toHaveLength(2);
    envelope(await importAs([batch[0]], { headers: { 'idempotency-key': 'mig-2026-03-02-part7' } }), 409, 3409);
    expect(await awardsOf(u)).toHaveLength(2);
  });

  it('treats a keyless identical body as a retry, also with keys in another order', async () => {
    const u = users[6] as number;
    const element = valid(badge.repeatable, u);
    const first = await importAs([element]);
    const reordered = JSON.stringify([Object.fromEntries(Object.entries(element).reverse())]);
    const again = await importAs(reordered);
    expect(again.text).toBe(first.text);
    expect(await awardsOf(u)).toHaveLength(1);
    // A new key imports the same earn again on purpose.
    results(await importAs([element], { headers: { 'idempotency-key': 'on-purpose' } }));
    expect(await awardsOf(u)).toHaveLength(2);
  });
});

describe('atomicity', () => {
  it('never doubles a batch when issuance is killed mid-batch and the batch retried', async () => {
    const u = users[0] as number;
    const before = (await awardsOf(u)).length;
    const batch = Array.from({ length: 1000 }, () => valid(badge.repeatable, u));
    const key = 'kill-9-batch';
    const inflight = importAs(batch, { headers: { 'idempotency-key': key } });
    await new Promise((resolve) => setTimeout(resolve, 40));
    await system.process('issuance').kill('SIGKILL');
    const interrupted = await inflight;
    // Either issuance committed before it died, or the gateway says nothing was recorded.
    if (interrupted.status !== 200) envelope(interrupted, 503, 3503);
    await system.process('issuance').restart();
    const retried = await importAs(batch, { headers: { 'idempotency-key': key } });
    expect(results(retried).every((r) => r.errors === null)).toBe(true);
    const ids = new Set(results(retried).map((r) => r.data.earnedBadgeId));
    expect(ids.size).toBe(1000);
    expect((await awardsOf(u)).length).toBe(before + 1000);
    const third = await importAs(batch, { headers: { 'idempotency-key': key } });
    expect(third.text).toBe(retried.text);
    expect((await awardsOf(u)).length).toBe(before + 1000);
  }, 60_000);

  it('answers 503 / 3503 and records nothing while the catalog is down, and imports on retry', async () => {
    const u = users[1] as number;
    const before = (await awardsOf(u)).length;
    // Answers read under the catalog's current change version need no catalog process (service-kit
    // read-through.ts); creating a badge moves the version, so this import must ask the catalog.
    const unread = await createBadge('acme', 'unread', 0);
    const batch = [valid(unread, u)];
    await system.process('badge-catalog').kill('SIGKILL');
    try {
      envelope(await importAs(batch, { headers: { 'idempotency-key': 'catalog-down' } }), 503, 3503);
      expect((await awardsOf(u)).length).toBe(before);
    } finally {
      await system.process('badge-catalog').restart();
    }
    expect(results(await importAs(batch, { headers: { 'idempotency-key': 'catalog-down' } }))[0]?.errors).toBeNull();
    expect((await awardsOf(u)).length).toBe(before + 1);
  }, 60_000);
});
