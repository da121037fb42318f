/**
 * BadgeKit claim codes (§8) through the real gateway, catalog, claim-code and
 * issuance processes: every route of the seed in each of its three contexts,
 * its bodies and errors, the boolean-likes of D-8, the 409 of D-9, claims
 * that award (model.md), exactly-once claims under concurrency, and claims
 * that end with exactly one earned badge when claim-code or issuance is
 * killed with SIGKILL in the middle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  badgekitRequest,
  eventually,
  startSystem,
  TEST_MASTER_SECRET,
  type JsonResponse,
  type TestSystem,
} from '@laurel/testkit';

let system: TestSystem;
let db: pg.Client;

const call = (
  method: string,
  path: string,
  body?: unknown,
  contentType?: string,
  headers?: Record<string, string>,
): Promise<JsonResponse> =>
  badgekitRequest(system.gatewayUrl, {
    secret: TEST_MASTER_SECRET,
    method,
    path,
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    ...(contentType && { contentType }),
    ...(headers && { headers }),
  });

type Json = Record<string, unknown>;
interface CodeJson {
  id: number;
  code: string;
  claimed: boolean;
  email?: string | null;
  multiuse: boolean;
}
const codeOf = (res: JsonResponse) => (res.body as { claimCode: CodeJson }).claimCode;
const bodyOf = (res: JsonResponse) => res.body as Json;

const S = '/systems/chicago';
const I = `${S}/issuers/library`;
const P = `${I}/programs/reading`;
const CONTEXTS = [
  { name: '{S}', path: S, badge: 'sys-badge' },
  { name: '{I}', path: I, badge: 'issuer-badge' },
  { name: '{P}', path: P, badge: 'program-badge' },
] as const;

const BOUNDARY = 'laurel-claim-code-boundary';
const multipart = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('') + `--${BOUNDARY}--\r\n`;
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
const FORM = 'application/x-www-form-urlencoded';

const badgeBody = (slug: string): Json => ({
  slug,
  name: `Badge ${slug}`,
  earnerDescription: 'What you did',
  consumerDescription: 'What they did',
  criteriaUrl: 'http://example.org/criteria',
  unique: 1,
  image: 'http://example.org/badge.png',
  type: 'skill',
});

/** Earned badges issuance holds for one claim (its key is `claim:{claimCodeId}:{email}`). */
async function awardsOf(codeId: number, email: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `select count(*)::int as n from issuance.earned_badges where idempotency_key = $1`,
    [`claim:${codeId}:${email.toLowerCase()}`],
  );
  return rows.rows[0]?.n ?? 0;
}

async function awardsOfCode(codeId: number): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `select count(*)::int as n from issuance.earned_badges where idempotency_key like $1`,
    [`claim:${codeId}:%`],
  );
  return rows.rows[0]?.n ?? 0;
}

async function createCode(base: string, body: Json): Promise<CodeJson> {
  const res = await call('POST', `${base}/codes`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return codeOf(res);
}

async function bulkCodes(base: string, count: number, extra: Json = {}): Promise<CodeJson[]> {
  const res = await call('POST', `${base}/codes/random`, { count, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { claimCodes: CodeJson[] }).claimCodes;
}

beforeAll(async () => {
  system = await startSystem('badgekit-claim-codes');
  db = new pg.Client({ connectionString: system.database.url });
  await db.connect();
  const org = (slug: string) => ({ slug, name: slug, url: `http://${slug}.example.org` });
  for (const [path, body] of [
    ['/systems', org('chicago')],
    ['/systems', org('boston')],
    [`${S}/issuers`, org('library')],
    [`${I}/programs`, org('reading')],
    [`${S}/badges`, badgeBody('sys-badge')],
    [`${I}/badges`, badgeBody('issuer-badge')],
    [`${P}/badges`, badgeBody('program-badge')],
    [`${S}/badges`, badgeBody('retired')],
    [`${S}/badges`, badgeBody('crowd')],
    ['/systems/boston/badges', badgeBody('boston-badge')],
  ] as const) {
    const res = await call('POST', path, body);
    expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(201);
  }
  const archived = await call('PUT', `${S}/badges/retired`, { archived: true });
  expect(archived.status, JSON.stringify(archived.body)).toBe(200);
}, 120_000);

afterAll(async () => {
  await db?.end();
  await system?.stop();
});

describe.each(CONTEXTS)('claim codes in $name', ({ path, badge }) => {
  const base = `${path}/badges/${badge}`;

  it('creates a code from JSON, urlencoded and multipart bodies, with D-8 flags', async () => {
    const json = await call('POST', `${base}/codes`, { code: `Json-${badge}` });
    expect(json.status).toBe(201);
    expect(bodyOf(json)).toMatchObject({ status: 'created', badge: { slug: badge } });
    expect(codeOf(json)).toEqual({ id: expect.any(Number), code: `Json-${badge}`, claimed: false, multiuse: false });
    expect(Object.keys(codeOf(json))).toEqual(['id', 'code', 'claimed', 'multiuse']);

    const form = await call(
      'POST',
      `${base}/codes`,
      `code=form-${badge}&multiuse=true&claimed=0&email=preset%40example.org`,
      FORM,
    );
    expect(form.status, JSON.stringify(form.body)).toBe(201);
    expect(codeOf(form)).toEqual({
      id: expect.any(Number),
      code: `form-${badge}`,
      claimed: false,
      multiuse: true,
      email: 'preset@example.org',
    });

    const multi = await call(
      'POST',
      `${base}/codes`,
      multipart({ code: `multi-${badge}`, multiuse: 'on', claimed: 'false' }),
      MULTIPART,
    );
    expect(multi.status, JSON.stringify(multi.body)).toBe(201);
    expect(codeOf(multi)).toMatchObject({ code: `multi-${badge}`, claimed: false, multiuse: true });

    // D-8: the value decides, not presence.
    const falsy = await createCode(base, { code: `falsy-${badge}`, multiuse: 'false', claimed: 0 });
    expect(falsy).toMatchObject({ multiuse: false, claimed: false });
    const truthy = await createCode(base, { code: `truthy-${badge}`, multiuse: 1, claimed: true });
    expect(truthy).toMatchObject({ multiuse: true, claimed: true });
  });

  it('answers 409 for a code the badge already has (case-insensitively), 400 for bad fields, 404 for a missing badge', async () => {
    const dup = await call('POST', `${base}/codes`, { code: `JSON-${badge.toUpperCase()}` });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({
      code: 'ResourceConflict',
      message: 'claimCode with that `code` already exists',
      details: { code: `JSON-${badge.toUpperCase()}` },
    });

    const missing = await call('POST', `${base}/codes`, { email: 'not-an-email' });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      code: 'ValidationError',
      message: 'Could not validate required fields',
      details: [
        { field: 'code', value: '' },
        { message: 'Invalid email', field: 'email', value: 'not-an-email' },
      ],
    });
    const tooLong = await call('POST', `${base}/codes`, { code: 'x'.repeat(256) });
    expect(tooLong.body).toMatchObject({
      code: 'ValidationError',
      details: [{ field: 'code', message: 'String is not in range' }],
    });

    const noBadge = await call('POST', `${path}/badges/nope/codes`, { code: 'whatever' });
    expect(noBadge.status).toBe(404);
    expect(noBadge.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find badge field: `slug`, value: `nope`',
    });
  });

  it('creates random codes: 16 lowercase hex, an empty body without a body claim, flags applied, the bulk extension', async () => {
    const empty = await call('POST', `${base}/codes/random`);
    expect(empty.status, JSON.stringify(empty.body)).toBe(201);
    expect(bodyOf(empty)).toMatchObject({ status: 'created', badge: { slug: badge } });
    expect(codeOf(empty)).toEqual({
      id: expect.any(Number),
      code: expect.stringMatching(/^[0-9a-f]{16}$/),
      claimed: false,
      multiuse: false,
    });

    const flagged = await call('POST', `${base}/codes/random`, 'multiuse=1&code=ignored&email=ana%40example.org', FORM);
    expect(flagged.status).toBe(201);
    expect(codeOf(flagged)).toMatchObject({
      code: expect.stringMatching(/^[0-9a-f]{16}$/),
      multiuse: true,
      email: 'ana@example.org',
    });

    const multi = await call('POST', `${base}/codes/random`, multipart({ claimed: '1' }), MULTIPART);
    expect(codeOf(multi)).toMatchObject({ claimed: true, multiuse: false });

    const bulk = await bulkCodes(base, 25);
    expect(bulk).toHaveLength(25);
    expect(new Set(bulk.map((c) => c.code)).size).toBe(25);
    expect(bulk.every((c) => /^[0-9a-f]{16}$/.test(c.code))).toBe(true);

    for (const count of [0, 10_001, 'x']) {
      const bad = await call('POST', `${base}/codes/random`, { count });
      expect(bad.status, String(count)).toBe(400);
      expect(bad.body).toMatchObject({
        code: 'ValidationError',
        details: [expect.objectContaining({ field: 'count' })],
      });
    }
    const badEmail = await call('POST', `${base}/codes/random`, { email: 'nope' });
    expect(badEmail.body).toMatchObject({
      code: 'ValidationError',
      details: [{ field: 'email', message: 'Invalid email' }],
    });
  });

  it('lists codes in creation order, with pageData only when paged', async () => {
    const all = await call('GET', `${base}/codes`);
    expect(all.status).toBe(200);
    const codes = (all.body as { claimCodes: CodeJson[] }).claimCodes;
    expect(codes.length).toBeGreaterThanOrEqual(30);
    expect(codes.map((c) => c.id)).toEqual([...codes.map((c) => c.id)].sort((a, b) => a - b));
    expect(Object.keys(codes[0] ?? {})).toEqual(['id', 'code', 'claimed', 'email', 'multiuse']);
    expect(codes[0]?.email).toBeNull();
    expect(bodyOf(all)).toMatchObject({ badge: { slug: badge } });
    expect(bodyOf(all)).not.toHaveProperty('pageData');

    const page = await call('GET', `${base}/codes?page=2&count=2`);
    expect(bodyOf(page).pageData).toEqual({ page: 2, count: 2, total: codes.length });
    expect((page.body as { claimCodes: CodeJson[] }).claimCodes.map((c) => c.id)).toEqual(
      codes.slice(2, 4).map((c) => c.id),
    );

    const noBadge = await call('GET', `${path}/badges/nope/codes`);
    expect(noBadge.status).toBe(404);
  });

  it('gets one code case-insensitively, and 404s a missing one', async () => {
    const res = await call('GET', `${base}/codes/JSON-${badge}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      badge: { slug: badge },
      claimCode: { code: `Json-${badge}`, claimed: false, email: null, multiuse: false },
    });
    const missing = await call('GET', `${base}/codes/absent`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find claimCode field: `code`, value: `absent`',
    });
  });

  it('claims a single-use code once, awarding the badge', async () => {
    const code = await createCode(base, { code: `single-${badge}` });
    const first = await call('POST', `${base}/codes/single-${badge}/claim`, { email: 'Earner@example.org' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'updated', badge: { slug: badge } });
    expect(codeOf(first)).toEqual({
      id: code.id,
      code: `single-${badge}`,
      claimed: true,
      email: 'Earner@example.org',
      multiuse: false,
    });
    expect(await awardsOf(code.id, 'earner@example.org')).toBe(1);

    for (const email of ['earner@example.org', 'other@example.org']) {
      const again = await call(
        'POST',
        `${base}/codes/single-${badge}/claim`,
        `email=${encodeURIComponent(email)}`,
        FORM,
      );
      expect(again.status).toBe(400);
      expect(again.body).toEqual({
        code: 'CodeAlreadyUsed',
        message: `Claim code \`single-${badge}\` has already been claimed`,
      });
    }
    expect(await awardsOfCode(code.id)).toBe(1);

    const unknown = await call('POST', `${base}/codes/absent/claim`, { email: 'x@example.org' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find claimCode field: `code`, value: `absent`',
    });
  });

  it('claims a multi-use code once per email; the same email again is 200 without a second award', async () => {
    const code = await createCode(base, { code: `multi-use-${badge}`, multiuse: true });
    for (const email of ['a@example.org', 'b@example.org', 'A@example.org']) {
      const res = await call('POST', `${base}/codes/multi-use-${badge}/claim`, multipart({ email }), MULTIPART);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(codeOf(res)).toMatchObject({ claimed: true, multiuse: true, email });
    }
    expect(await awardsOf(code.id, 'a@example.org')).toBe(1);
    expect(await awardsOf(code.id, 'b@example.org')).toBe(1);
    expect(await awardsOfCode(code.id)).toBe(2);
  });

  it('claims without a body: the code is marked claimed with no email and nothing is awarded', async () => {
    const code = await createCode(base, { code: `bodiless-${badge}` });
    const res = await call('POST', `${base}/codes/bodiless-${badge}/claim`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(codeOf(res)).toMatchObject({ claimed: true, email: null });
    expect(await awardsOfCode(code.id)).toBe(0);
  });

  it('finds the badge of a code in the context, with claimed 1 only for a used-up single-use code', async () => {
    const fresh = await call('GET', `${path}/codes/JSON-${badge}`);
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
    expect(fresh.body).toMatchObject({ badge: { slug: badge, claimed: 0 } });
    const used = await call('GET', `${path}/codes/single-${badge}`);
    expect(used.body).toMatchObject({ badge: { slug: badge, claimed: 1 } });
    const multi = await call('GET', `${path}/codes/multi-use-${badge}`);
    expect(multi.body).toMatchObject({ badge: { slug: badge, claimed: 0 } });
    const missing = await call('GET', `${path}/codes/absent`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find the requested claim code absent',
    });
  });

  it('deletes a code, keeping the awards made with it', async () => {
    const res = await call('DELETE', `${base}/codes/SINGLE-${badge}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'deleted',
      claimCode: { code: `single-${badge}`, claimed: true, email: 'Earner@example.org', multiuse: false },
      badge: { slug: badge },
    });
    expect((await call('GET', `${base}/codes/single-${badge}`)).status).toBe(404);
    const again = await call('DELETE', `${base}/codes/single-${badge}`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({
      code: 'ResourceNotFound',
      message: `Could not find claimCode field: \`code\`, value: \`single-${badge}\``,
    });
    expect(await awardsOf(codeOf(res).id, 'earner@example.org')).toBe(1);
  });
});

describe('scoping and refusals', () => {
  it('finds codes downward only: a program badge’s code from {S} and {I}, an issuer badge’s not from {P}', async () => {
    expect((await call('GET', `${S}/codes/json-program-badge`)).body).toMatchObject({
      badge: { slug: 'program-badge' },
    });
    expect((await call('GET', `${I}/codes/json-program-badge`)).body).toMatchObject({
      badge: { slug: 'program-badge' },
    });
    expect((await call('GET', `${P}/codes/json-issuer-badge`)).status).toBe(404);
    expect((await call('GET', `${I}/codes/json-sys-badge`)).status).toBe(404);
    // Another site never sees chicago's codes.
    expect((await call('GET', '/systems/boston/codes/json-sys-badge')).status).toBe(404);
    const noIssuer = await call('GET', `${S}/issuers/nope/codes/json-sys-badge`);
    expect(noIssuer.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find issuer field: `slug`, value: `nope`',
    });
  });

  it('lets two badges carry the same code, and the lowest badge id wins the lookup', async () => {
    await createCode(`${S}/badges/crowd`, { code: 'json-sys-badge' });
    expect((await call('GET', `${S}/codes/json-sys-badge`)).body).toMatchObject({ badge: { slug: 'sys-badge' } });
  });

  it('refuses to claim a code of an archived badge, leaving the code unclaimed', async () => {
    const code = await createCode(`${S}/badges/retired`, { code: 'too-late' });
    const res = await call('POST', `${S}/badges/retired/codes/too-late/claim`, { email: 'late@example.org' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'ValidationError', details: [expect.objectContaining({ field: 'badge' })] });
    expect(await awardsOfCode(code.id)).toBe(0);
    expect(codeOf(await call('GET', `${S}/badges/retired/codes/too-late`)).claimed).toBe(false);
  });

  it('replays a claim retried with the same Idempotency-Key', async () => {
    const code = await createCode(`${S}/badges/crowd`, { code: 'retry-me' });
    const headers = { 'idempotency-key': 'retry-1' };
    const first = await call(
      'POST',
      `${S}/badges/crowd/codes/retry-me/claim`,
      { email: 'r@example.org' },
      undefined,
      headers,
    );
    const again = await call(
      'POST',
      `${S}/badges/crowd/codes/retry-me/claim`,
      { email: 'r@example.org' },
      undefined,
      headers,
    );
    expect([first.status, again.status]).toEqual([200, 200]);
    const other = await call('POST', `${S}/badges/crowd/codes/retry-me/claim`, { email: 'r@example.org' }, undefined, {
      'idempotency-key': 'retry-2',
    });
    expect(other.status).toBe(400);
    expect(await awardsOfCode(code.id)).toBe(1);
  });
});

describe('a changed badge is seen by the very next request', () => {
  // Each change is followed at once by requests that had just resolved the badge, so an
  // answer kept from before the change (a per-process cache) would show here.
  it('archiving refuses the next claim', async () => {
    await call('POST', `${S}/badges`, badgeBody('fading'));
    await createCode(`${S}/badges/fading`, { code: 'fading-1' });
    expect((await call('GET', `${S}/badges/fading/codes/fading-1`)).status).toBe(200);
    expect((await call('PUT', `${S}/badges/fading`, { archived: true })).status).toBe(200);
    const claim = await call('POST', `${S}/badges/fading/codes/fading-1/claim`, { email: 'fading@example.org' });
    expect(claim.status).toBe(400);
    expect(claim.body).toMatchObject({
      code: 'ValidationError',
      details: [expect.objectContaining({ field: 'badge' })],
    });
  });

  it('renaming answers 404 under the old slug and the new badge under the new one', async () => {
    await call('POST', `${S}/badges`, badgeBody('old-name'));
    await createCode(`${S}/badges/old-name`, { code: 'renamed-1' });
    expect((await call('GET', `${S}/badges/old-name/codes`)).status).toBe(200);
    expect((await call('PUT', `${S}/badges/old-name`, { slug: 'new-name' })).status).toBe(200);
    const old = await call('GET', `${S}/badges/old-name/codes/renamed-1`);
    expect(old.status).toBe(404);
    expect(old.body).toMatchObject({ code: 'ResourceNotFound' });
    expect((await call('POST', `${S}/badges/old-name/codes/random`, {})).status).toBe(404);
    const moved = await call('GET', `${S}/badges/new-name/codes/renamed-1`);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ badge: { slug: 'new-name' } });
  });

  it('deleting answers 404 on every claim-code route of the badge', async () => {
    await call('POST', `${S}/badges`, badgeBody('doomed'));
    await createCode(`${S}/badges/doomed`, { code: 'doomed-1' });
    const base = `${S}/badges/doomed/codes`;
    expect((await call('GET', `${base}/doomed-1`)).status).toBe(200);
    expect((await call('DELETE', `${S}/badges/doomed`)).status).toBe(200);
    for (const [method, path, body] of [
      ['GET', base, undefined],
      ['POST', base, { code: 'doomed-2' }],
      ['POST', `${base}/random`, {}],
      ['GET', `${base}/doomed-1`, undefined],
      ['DELETE', `${base}/doomed-1`, undefined],
      ['POST', `${base}/doomed-1/claim`, { email: 'doomed@example.org' }],
    ] as const) {
      const res = await call(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body, `${method} ${path}`).toMatchObject({ code: 'ResourceNotFound' });
    }
  });
});

describe('exactly-once claims', () => {
  it('answers 50 concurrent claims of one single-use code with one 200 and 49 CodeAlreadyUsed, and one earned badge', async () => {
    const code = await createCode(`${S}/badges/crowd`, { code: 'rush' });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call('POST', `${S}/badges/crowd/codes/rush/claim`, { email: `rush-${i}@example.org` }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const refused = answers.filter((a) => a.status === 400);
    expect(refused).toHaveLength(49);
    expect(refused.every((a) => (a.body as Json).code === 'CodeAlreadyUsed')).toBe(true);
    expect(await awardsOfCode(code.id)).toBe(1);
    const winner = codeOf(answers.find((a) => a.status === 200) ?? (answers[0] as JsonResponse)).email ?? '';
    expect(await awardsOf(code.id, winner)).toBe(1);
  });

  it('awards a multi-use code once per email when the same emails race', async () => {
    const code = await createCode(`${S}/badges/crowd`, { code: 'party', multiuse: true });
    const emails = Array.from({ length: 10 }, (_, i) => `party-${i}@example.org`);
    const answers = await Promise.all(
      [...emails, ...emails, ...emails].map((email) => call('POST', `${S}/badges/crowd/codes/party/claim`, { email })),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await awardsOfCode(code.id)).toBe(10);
  });
});

/**
 * Claims of distinct single-use codes by clients that retry a failed request
 * (5xx or a broken connection) with the same Idempotency-Key, while one
 * process is killed and restarted. Every claim answered 200 must end with
 * exactly one earned badge, and so, once the sweep ran, must every recorded claim.
 */
async function claimThroughCrash(app: 'claim-code' | 'issuance', label: string): Promise<void> {
  const codes = await bulkCodes(`${S}/badges/crowd`, 120);
  const ok = new Map<number, string>();
  let killed = false;
  const clients = 6;
  const runClient = async (c: number) => {
    for (let i = c; i < codes.length; i += clients) {
      const code = codes[i] as CodeJson;
      const email = `${label}-${i}@example.org`;
      for (let attempt = 0; ; attempt += 1) {
        const res = await call('POST', `${S}/badges/crowd/codes/${code.code}/claim`, { email }, undefined, {
          'idempotency-key': `${label}-${i}`,
        }).catch(() => undefined);
        if (res?.status === 200) {
          ok.set(code.id, email);
          break;
        }
        if (res && res.status < 500) throw new Error(`claim ${i}: ${res.status} ${JSON.stringify(res.body)}`);
        if (attempt > 100) throw new Error(`claim ${i} never succeeded`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (!killed && ok.size >= codes.length / 3) {
        killed = true;
        void system
          .process(app)
          .kill('SIGKILL')
          .then(() => system.process(app).restart());
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => runClient(c)));
  expect(killed).toBe(true);
  expect(ok.size).toBe(codes.length);
  for (const [id, email] of ok) expect(await awardsOf(id, email), `${id} ${email}`).toBe(1);
  // Nothing is left pending: every recorded claim has its one award.
  await eventually(
    async () =>
      (await db.query<{ n: number }>(`select count(*)::int as n from claim_codes.claims where state = 'pending'`))
        .rows[0],
    (r) => r?.n === 0,
    30_000,
  );
  const per = await db.query<{ n: number }>(
    `select count(e.id)::int as n from claim_codes.claims c
       left join issuance.earned_badges e on e.idempotency_key = 'claim:' || c.claim_code_id || ':' || lower(c.email)
      where c.email like $1 group by c.id`,
    [`${label}-%`],
  );
  expect(per.rows.every((r) => r.n === 1)).toBe(true);
}

describe('crashes', () => {
  it('keeps every claim exactly once when claim-code is killed with SIGKILL mid-stream', async () => {
    await claimThroughCrash('claim-code', 'cc-crash');
  }, 120_000);

  it('keeps every claim exactly once when issuance is killed with SIGKILL mid-stream', async () => {
    await claimThroughCrash('issuance', 'is-crash');
  }, 120_000);
});
