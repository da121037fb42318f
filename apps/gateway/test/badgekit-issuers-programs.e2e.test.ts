/**
 * BadgeKit issuers and programs (badgekit-api.md §5, §6), and systems showing
 * their issuers (§4), through the real gateway and catalog processes into
 * PostgreSQL: envelopes, the lookup chain's 404s, validation, case-insensitive
 * conflicts decided by the database under concurrency, images and paging.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type JsonResponse, type TestSystem } from '@laurel/testkit';

let system: TestSystem;

interface Call {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
}
const call = (request: Call) => badgekitRequest(system.gatewayUrl, { secret: TEST_MASTER_SECRET, ...request });
const post = (path: string, body: Record<string, unknown>) =>
  call({ method: 'POST', path, body: JSON.stringify(body) });
const put = (path: string, body: Record<string, unknown>) => call({ method: 'PUT', path, body: JSON.stringify(body) });
const get = (path: string) => call({ method: 'GET', path });
const del = (path: string) => call({ method: 'DELETE', path });

const org = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  name: `Name of ${slug}`,
  url: `http://${slug}.example.org`,
  ...extra,
});

async function created(res: Promise<JsonResponse>): Promise<Record<string, unknown>> {
  const answer = await res;
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as Record<string, unknown>;
}

const idOf = (body: Record<string, unknown>, key: string) => (body[key] as { id: number }).id;

/** A multipart body with text fields and an `image` file part, as a browser form sends it. */
function multipart(
  fields: Record<string, string>,
  image: { data: string; type: string },
): { body: string; contentType: string } {
  const boundary = 'laurel-test-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="logo.png"\r\nContent-Type: ${image.type}\r\n\r\n${image.data}\r\n`,
  );
  return { body: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

const UPLOADED_IMAGE_URL = /^http:\/\/127\.0\.0\.1:\d+\/public\/images\/[0-9a-f]{32}$/;

beforeAll(async () => {
  system = await startSystem('badgekit-issuers-programs');
});
afterAll(async () => {
  await system?.stop();
});

describe('issuers', () => {
  let otherSystemId: number;

  beforeAll(async () => {
    await created(post('/systems', org('acme')));
    otherSystemId = idOf(await created(post('/systems', org('elsewhere'))), 'system');
  });

  it('creates an issuer and answers 201, taking its system only from the URL (D-17)', async () => {
    const body = {
      ...org('mozilla'),
      description: 'Makers of the web',
      email: 'badges@mozilla.org',
      image: 'http://example.org/mozilla.png',
      systemId: otherSystemId,
      id: 999_999,
    };
    const res = await created(post('/systems/acme/issuers', body));
    expect(res).toEqual({
      status: 'created',
      issuer: {
        id: expect.any(Number),
        slug: 'mozilla',
        url: 'http://mozilla.example.org',
        name: 'Name of mozilla',
        description: 'Makers of the web',
        email: 'badges@mozilla.org',
        imageUrl: 'http://example.org/mozilla.png',
        programs: [],
      },
    });
    expect(idOf(res, 'issuer')).not.toBe(999_999);
    expect((await get('/systems/elsewhere/issuers')).body).toEqual({ issuers: [] });
  });

  it('answers 409 for a slug that differs only in case and trailing spaces, with the submitted values', async () => {
    const res = await post('/systems/acme/issuers', {
      slug: 'MOZILLA  ',
      name: 'Copy',
      url: 'http://example.org',
      systemId: otherSystemId,
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      code: 'ResourceConflict',
      message: 'issuer with that `slug` already exists',
      details: { slug: 'MOZILLA  ', name: 'Copy', url: 'http://example.org' },
    });
  });

  it('allows the same issuer slug in another system', async () => {
    const res = await created(post('/systems/elsewhere/issuers', org('mozilla')));
    expect(res).toMatchObject({ issuer: { slug: 'mozilla' } });
  });

  it('answers 400 ValidationError naming every bad field', async () => {
    const res = await post('/systems/acme/issuers', {
      slug: '',
      url: 'not a url',
      email: 'nope',
      description: 'x'.repeat(256),
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'ValidationError', message: 'Could not validate required fields' });
    const details = (res.body as { details: { field: string }[] }).details;
    expect(details.map((d) => d.field).sort()).toEqual(['description', 'email', 'name', 'slug', 'url']);
    expect(details).toContainEqual({ field: 'slug', value: '' });
    expect(details).toContainEqual({ field: 'name', value: '' });
    expect(details).toContainEqual({ message: 'Invalid URL', field: 'url', value: 'not a url' });
    expect(details).toContainEqual({ message: 'Invalid email', field: 'email', value: 'nope' });
    expect(details).toContainEqual({ message: 'String is not in range', field: 'description', value: 'x'.repeat(256) });
  });

  it('reports a bad image URL on field `url`', async () => {
    const res = await post('/systems/acme/issuers', org('bad-image', { image: 'data:image/png;base64,AAAA' }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'ValidationError',
      message: 'Could not validate required fields',
      details: [{ message: 'Invalid URL', field: 'url', value: 'data:image/png;base64,AAAA' }],
    });
  });

  it('answers 404 for a missing system, even when the body is also invalid', async () => {
    const res = await post('/systems/atlantis/issuers', { slug: '' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find system field: `slug`, value: `atlantis`',
    });
  });

  it('accepts urlencoded bodies', async () => {
    const res = await created(
      call({
        method: 'POST',
        path: '/systems/acme/issuers',
        body: 'slug=form-issuer&name=Form%20Issuer&url=www.example.org&imageUrl=http%3A%2F%2Fexample.org%2Fform.png',
        contentType: 'application/x-www-form-urlencoded',
      }),
    );
    expect(res).toMatchObject({
      issuer: {
        slug: 'form-issuer',
        name: 'Form Issuer',
        url: 'www.example.org',
        imageUrl: 'http://example.org/form.png',
      },
    });
  });

  it('stores an uploaded image and answers its absolute /public/images URL', async () => {
    const res = await created(
      call({
        method: 'POST',
        path: '/systems/acme/issuers',
        ...multipart(org('uploader'), { data: 'PNG-BYTES', type: 'image/png' }),
      }),
    );
    expect((res.issuer as { imageUrl: string }).imageUrl).toMatch(UPLOADED_IMAGE_URL);
    const read = await get('/systems/acme/issuers/uploader');
    expect((read.body as { issuer: { imageUrl: string } }).issuer.imageUrl).toBe(
      (res.issuer as { imageUrl: string }).imageUrl,
    );
  });

  it('reports an upload without a proper MIME type on field `mimetype`', async () => {
    const res = await call({
      method: 'POST',
      path: '/systems/acme/issuers',
      ...multipart(org('bad-upload'), { data: 'BYTES', type: 'image/we!rd' }),
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      details: [{ message: 'Invalid characters', field: 'mimetype', value: 'image/we!rd' }],
    });
  });

  it('reads an issuer by slug, case-insensitively, with its shallow programs', async () => {
    await created(
      post('/systems/acme/issuers/mozilla/programs', org('webmaker', { image: 'http://example.org/webmaker.png' })),
    );
    const res = await get('/systems/ACME/issuers/Mozilla');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      issuer: {
        id: expect.any(Number),
        slug: 'mozilla',
        url: 'http://mozilla.example.org',
        name: 'Name of mozilla',
        description: 'Makers of the web',
        email: 'badges@mozilla.org',
        imageUrl: 'http://example.org/mozilla.png',
        programs: [
          {
            id: expect.any(Number),
            slug: 'webmaker',
            url: 'http://webmaker.example.org',
            name: 'Name of webmaker',
            description: null,
            email: null,
            imageUrl: null,
          },
        ],
      },
    });
  });

  it('answers 404 naming the first missing level', async () => {
    const noSystem = await get('/systems/atlantis/issuers/mozilla');
    expect(noSystem.status).toBe(404);
    expect(noSystem.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find system field: `slug`, value: `atlantis`',
    });

    // An issuer of another system is not found through this one.
    await created(post('/systems/elsewhere/issuers', org('only-elsewhere')));
    const noIssuer = await get('/systems/acme/issuers/only-elsewhere');
    expect(noIssuer.status).toBe(404);
    expect(noIssuer.body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find issuer field: `slug`, value: `only-elsewhere`',
    });

    expect((await get('/systems/atlantis/issuers')).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find system field: `slug`, value: `atlantis`',
    });
    expect((await put('/systems/acme/issuers/nobody', { name: '' })).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find issuer field: `slug`, value: `nobody`',
    });
    expect((await del('/systems/acme/issuers/nobody')).status).toBe(404);
  });

  it('lists issuers in creation order with images and programs, and pageData only when page and count are both positive', async () => {
    const all = await get('/systems/acme/issuers');
    expect(all.status).toBe(200);
    expect(all.body).not.toHaveProperty('pageData');
    const issuers = (all.body as { issuers: { slug: string; imageUrl: string | null; programs: { slug: string }[] }[] })
      .issuers;
    expect(issuers.map((i) => i.slug)).toEqual(['mozilla', 'form-issuer', 'uploader']);
    expect(issuers[0]).toMatchObject({
      imageUrl: 'http://example.org/mozilla.png',
      programs: [{ slug: 'webmaker', imageUrl: null }],
    });
    expect(issuers[2]?.imageUrl).toMatch(UPLOADED_IMAGE_URL);

    const paged = await get('/systems/acme/issuers?page=2&count=1');
    expect(paged.body).toMatchObject({ issuers: [{ slug: 'form-issuer' }], pageData: { page: 2, count: 1, total: 3 } });
    expect((paged.body as { issuers: unknown[] }).issuers).toHaveLength(1);

    const ignored = await get('/systems/acme/issuers?page=1&count=0');
    expect(ignored.body).not.toHaveProperty('pageData');
    expect((ignored.body as { issuers: unknown[] }).issuers).toHaveLength(3);
  });

  it('updates partially, ignoring id, imageId and systemId in the body (D-17)', async () => {
    const before = (await get('/systems/acme/issuers/form-issuer')).body as { issuer: { id: number } };
    const res = await put('/systems/acme/issuers/form-issuer', {
      name: 'Renamed',
      email: 'form@example.org',
      id: 1,
      imageId: 1,
      systemId: otherSystemId,
      unknown: 'x',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'updated',
      issuer: {
        id: before.issuer.id,
        slug: 'form-issuer',
        url: 'www.example.org',
        name: 'Renamed',
        description: null,
        email: 'form@example.org',
        imageUrl: 'http://example.org/form.png',
        programs: [],
      },
    });
    expect((await get('/systems/elsewhere/issuers/form-issuer')).status).toBe(404);
  });

  it('replaces the image and renames the slug on update', async () => {
    const res = await put('/systems/acme/issuers/form-issuer', {
      slug: 'form-renamed',
      image: 'http://example.org/new.png',
    });
    expect(res.body).toMatchObject({
      status: 'updated',
      issuer: { slug: 'form-renamed', imageUrl: 'http://example.org/new.png' },
    });
    expect((await get('/systems/acme/issuers/form-renamed')).status).toBe(200);
    expect((await get('/systems/acme/issuers/form-issuer')).status).toBe(404);
  });

  it('answers 200 unchanged for a body of only unknown keys', async () => {
    const res = await put('/systems/acme/issuers/form-renamed', { garbage: true });
    expect(res.body).toMatchObject({ status: 'updated', issuer: { slug: 'form-renamed', name: 'Renamed' } });
  });

  it('answers 400 when an update empties a required field or breaks a rule, and changes nothing', async () => {
    const res = await put('/systems/acme/issuers/form-renamed', { name: '', email: 'nope' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'ValidationError',
      message: 'Could not validate required fields',
      details: [
        { field: 'name', value: '' },
        { message: 'Invalid email', field: 'email', value: 'nope' },
      ],
    });
    expect((await get('/systems/acme/issuers/form-renamed')).body).toMatchObject({
      issuer: { name: 'Renamed', email: 'form@example.org' },
    });
  });

  it('answers 409 when an update takes another issuer’s slug, with the submitted values', async () => {
    const res = await put('/systems/acme/issuers/form-renamed', { slug: 'Uploader ', name: 'Clash' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      code: 'ResourceConflict',
      message: 'issuer with that `slug` already exists',
      details: { slug: 'Uploader ', name: 'Clash' },
    });
  });

  it('deletes an issuer with its programs and answers it bare', async () => {
    await created(post('/systems/acme/issuers/uploader/programs', org('doomed')));
    const res = await del('/systems/acme/issuers/uploader');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'deleted',
      issuer: {
        id: expect.any(Number),
        slug: 'uploader',
        url: 'http://uploader.example.org',
        name: 'Name of uploader',
        description: null,
        email: null,
        imageUrl: null,
        programs: [],
      },
    });
    expect((await get('/systems/acme/issuers/uploader')).status).toBe(404);
    expect((await get('/systems/acme/issuers/uploader/programs/doomed')).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find issuer field: `slug`, value: `uploader`',
    });
    // The slug is free again, and the new issuer has no programs.
    expect(await created(post('/systems/acme/issuers', org('uploader')))).toMatchObject({ issuer: { programs: [] } });
  });
});

describe('programs', () => {
  beforeAll(async () => {
    await created(post('/systems', org('guild', { description: 'A guild', email: 'guild@example.org' })));
    await created(post('/systems/guild/issuers', org('smiths')));
    await created(post('/systems/guild/issuers', org('bakers')));
  });

  it('creates a program and answers 201, taking its issuer only from the URL (D-17)', async () => {
    const bakers = (await get('/systems/guild/issuers/bakers')).body as { issuer: { id: number } };
    const res = await created(
      post('/systems/guild/issuers/smiths/programs', {
        ...org('forging'),
        description: 'Hot metal',
        email: 'forge@example.org',
        imageUrl: 'http://example.org/anvil.png',
        issuerId: bakers.issuer.id,
        id: 424_242,
      }),
    );
    expect(res).toEqual({
      status: 'created',
      program: {
        id: expect.any(Number),
        slug: 'forging',
        url: 'http://forging.example.org',
        name: 'Name of forging',
        description: 'Hot metal',
        email: 'forge@example.org',
        imageUrl: 'http://example.org/anvil.png',
      },
    });
    expect(idOf(res, 'program')).not.toBe(424_242);
    expect((await get('/systems/guild/issuers/bakers/programs')).body).toEqual({ programs: [] });
  });

  it('answers 409 for a slug that differs only in case and trailing spaces, per issuer', async () => {
    const res = await post('/systems/guild/issuers/smiths/programs', {
      slug: 'Forging ',
      name: 'Again',
      url: 'http://example.org',
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      code: 'ResourceConflict',
      message: 'program with that `slug` already exists',
      details: { slug: 'Forging ', name: 'Again', url: 'http://example.org' },
    });
    // Another issuer may use the same slug.
    await created(post('/systems/guild/issuers/bakers/programs', org('forging')));
  });

  it('answers 400 ValidationError with details', async () => {
    const res = await post('/systems/guild/issuers/smiths/programs', {
      name: 'x'.repeat(256),
      url: 'mailto:someone@example.org',
    });
    expect(res.status).toBe(400);
    const details = (res.body as { details: unknown[] }).details;
    expect(details).toHaveLength(3);
    expect(details).toContainEqual({ field: 'slug', value: '' });
    expect(details).toContainEqual({ message: 'Invalid URL', field: 'url', value: 'mailto:someone@example.org' });
    expect(details).toContainEqual({ message: 'String is not in range', field: 'name', value: 'x'.repeat(256) });
  });

  it('accepts urlencoded bodies and multipart uploads', async () => {
    const form = await created(
      call({
        method: 'POST',
        path: '/systems/guild/issuers/smiths/programs',
        body: 'slug=casting&name=Casting&url=http%3A%2F%2Fcasting.example.org',
        contentType: 'application/x-www-form-urlencoded',
      }),
    );
    expect(form).toMatchObject({ program: { slug: 'casting', name: 'Casting', imageUrl: null } });
    const upload = await created(
      call({
        method: 'POST',
        path: '/systems/guild/issuers/smiths/programs',
        ...multipart(org('etching'), { data: 'GIF89a', type: 'image/gif' }),
      }),
    );
    expect((upload.program as { imageUrl: string }).imageUrl).toMatch(UPLOADED_IMAGE_URL);
  });

  it('reads a program case-insensitively', async () => {
    const res = await get('/systems/Guild/issuers/SMITHS/programs/Forging');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      program: {
        id: expect.any(Number),
        slug: 'forging',
        url: 'http://forging.example.org',
        name: 'Name of forging',
        description: 'Hot metal',
        email: 'forge@example.org',
        imageUrl: 'http://example.org/anvil.png',
      },
    });
  });

  it('answers 404 for a missing system, issuer or program, whichever comes first', async () => {
    const cases: [string, string][] = [
      ['/systems/nowhere/issuers/nobody/programs/nothing', 'Could not find system field: `slug`, value: `nowhere`'],
      ['/systems/guild/issuers/nobody/programs/nothing', 'Could not find issuer field: `slug`, value: `nobody`'],
      ['/systems/guild/issuers/bakers/programs/casting', 'Could not find program field: `slug`, value: `casting`'],
      ['/systems/guild/issuers/nobody/programs', 'Could not find issuer field: `slug`, value: `nobody`'],
    ];
    for (const [path, message] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).toEqual({ code: 'ResourceNotFound', message });
    }
    expect((await post('/systems/guild/issuers/nobody/programs', {})).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find issuer field: `slug`, value: `nobody`',
    });
    expect((await put('/systems/guild/issuers/smiths/programs/nothing', { slug: '' })).status).toBe(404);
    expect((await del('/systems/guild/issuers/smiths/programs/nothing')).status).toBe(404);
  });

  it('lists the issuer’s programs with pageData only when paging applies', async () => {
    const all = await get('/systems/guild/issuers/smiths/programs');
    expect(all.body).not.toHaveProperty('pageData');
    expect((all.body as { programs: { slug: string }[] }).programs.map((p) => p.slug)).toEqual([
      'forging',
      'casting',
      'etching',
    ]);
    const paged = await get('/systems/guild/issuers/smiths/programs?page=1&count=2');
    expect(paged.body).toMatchObject({
      programs: [{ slug: 'forging' }, { slug: 'casting' }],
      pageData: { page: 1, count: 2, total: 3 },
    });
    expect((paged.body as { programs: unknown[] }).programs).toHaveLength(2);
  });

  it('updates partially, ignoring id, imageId and issuerId in the body (D-17)', async () => {
    const bakers = (await get('/systems/guild/issuers/bakers')).body as { issuer: { id: number } };
    const before = (await get('/systems/guild/issuers/smiths/programs/casting')).body as { program: { id: number } };
    const res = await put('/systems/guild/issuers/smiths/programs/casting', {
      description: 'Molten',
      issuerId: bakers.issuer.id,
      id: 7,
      imageId: 7,
    });
    expect(res.body).toEqual({
      status: 'updated',
      program: {
        id: before.program.id,
        slug: 'casting',
        url: 'http://casting.example.org',
        name: 'Casting',
        description: 'Molten',
        email: null,
        imageUrl: null,
      },
    });
    expect((await get('/systems/guild/issuers/bakers/programs/casting')).status).toBe(404);
  });

  it('answers 400 and 409 on update as on create', async () => {
    const invalid = await put('/systems/guild/issuers/smiths/programs/casting', { url: '' });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({
      code: 'ValidationError',
      message: 'Could not validate required fields',
      details: [{ field: 'url', value: '' }],
    });
    const clash = await put('/systems/guild/issuers/smiths/programs/casting', { slug: 'ETCHING' });
    expect(clash.status).toBe(409);
    expect(clash.body).toEqual({
      code: 'ResourceConflict',
      message: 'program with that `slug` already exists',
      details: { slug: 'ETCHING' },
    });
  });

  it('deletes a program and answers it with imageUrl null', async () => {
    const res = await del('/systems/guild/issuers/smiths/programs/forging');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'deleted',
      program: {
        id: expect.any(Number),
        slug: 'forging',
        url: 'http://forging.example.org',
        name: 'Name of forging',
        description: 'Hot metal',
        email: 'forge@example.org',
        imageUrl: null,
      },
    });
    expect((await get('/systems/guild/issuers/smiths/programs/forging')).status).toBe(404);
    // The other issuer's program of the same slug is untouched.
    expect((await get('/systems/guild/issuers/bakers/programs/forging')).status).toBe(200);
  });
});

describe('systems show their issuers', () => {
  beforeAll(async () => {
    await created(post('/systems', org('campus', { image: 'http://example.org/campus.png' })));
    await created(
      post(
        '/systems/campus/issuers',
        org('library', { description: 'Books', image: 'http://example.org/library.png' }),
      ),
    );
    await created(post('/systems/campus/issuers', org('gym')));
    await created(post('/systems/campus/issuers/library/programs', org('reading', { email: 'read@example.org' })));
    await created(post('/systems/campus/issuers/library/programs', org('writing')));
  });

  const campusIssuers = [
    {
      id: expect.any(Number),
      slug: 'library',
      url: 'http://library.example.org',
      name: 'Name of library',
      description: 'Books',
      email: null,
      imageUrl: null,
      programs: [
        {
          id: expect.any(Number),
          slug: 'reading',
          url: 'http://reading.example.org',
          name: 'Name of reading',
          description: null,
          email: 'read@example.org',
          imageUrl: null,
        },
        {
          id: expect.any(Number),
          slug: 'writing',
          url: 'http://writing.example.org',
          name: 'Name of writing',
          description: null,
          email: null,
          imageUrl: null,
        },
      ],
    },
    {
      id: expect.any(Number),
      slug: 'gym',
      url: 'http://gym.example.org',
      name: 'Name of gym',
      description: null,
      email: null,
      imageUrl: null,
      programs: [],
    },
  ];

  it('GET {S} shows the shallow issuers, each with its shallow programs', async () => {
    const res = await get('/systems/campus');
    expect(res.body).toMatchObject({ system: { slug: 'campus', imageUrl: 'http://example.org/campus.png' } });
    expect((res.body as { system: { issuers: unknown } }).system.issuers).toEqual(campusIssuers);
  });

  it('GET /systems shows every system’s issuers', async () => {
    const res = await get('/systems');
    const systems = (
      res.body as { systems: { slug: string; issuers: { slug: string; programs: { slug: string }[] }[] }[] }
    ).systems;
    const bySlug = new Map(systems.map((s) => [s.slug, s]));
    expect(bySlug.get('campus')?.issuers).toEqual(campusIssuers);
    expect(bySlug.get('acme')?.issuers.map((i) => i.slug)).toEqual(['mozilla', 'form-renamed', 'uploader']);
    expect(bySlug.get('acme')?.issuers[0]?.programs.map((p) => p.slug)).toEqual(['webmaker']);
    expect(bySlug.get('guild')?.issuers.map((i) => i.slug)).toEqual(['smiths', 'bakers']);

    const paged = await get('/systems?page=1&count=1');
    expect(paged.body).toMatchObject({
      systems: [{ slug: 'acme', issuers: [{ slug: 'mozilla' }, { slug: 'form-renamed' }, { slug: 'uploader' }] }],
      pageData: { page: 1, count: 1 },
    });
  });

  it('PUT {S} answers with the issuers; POST /systems with none; DELETE {S} bare', async () => {
    const updated = await put('/systems/campus', { name: 'Campus' });
    expect(updated.body).toMatchObject({ status: 'updated', system: { name: 'Campus' } });
    expect((updated.body as { system: { issuers: unknown } }).system.issuers).toEqual(campusIssuers);

    const fresh = await created(post('/systems', org('fresh')));
    expect(fresh).toMatchObject({ status: 'created', system: { issuers: [] } });

    const deleted = await del('/systems/campus');
    expect(deleted.body).toMatchObject({ status: 'deleted', system: { slug: 'campus', imageUrl: null, issuers: [] } });
    expect((await get('/systems/campus/issuers/library')).body).toEqual({
      code: 'ResourceNotFound',
      message: 'Could not find system field: `slug`, value: `campus`',
    });
  });
});

describe('concurrent creates of one slug', () => {
  const statuses = (answers: JsonResponse[]) => answers.map((a) => a.status).sort();

  it('give exactly one 201 and one 409 for issuers', async () => {
    await created(post('/systems', org('race')));
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all([
        post('/systems/race/issuers', org(`racer-${round}`)),
        post('/systems/race/issuers', { ...org(`racer-${round}`), slug: `RACER-${round} ` }),
      ]);
      expect(statuses(answers)).toEqual([201, 409]);
    }
    expect((await get('/systems/race/issuers')).body).toMatchObject({
      issuers: Array.from({ length: 5 }, (): unknown => expect.anything()),
    });
  });

  it('give exactly one 201 and one 409 for programs', async () => {
    await created(post('/systems/race/issuers', org('track')));
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all([
        post('/systems/race/issuers/track/programs', org(`lap-${round}`)),
        post('/systems/race/issuers/track/programs', org(`Lap-${round}`)),
      ]);
      expect(statuses(answers)).toEqual([201, 409]);
    }
  });

  it('give exactly one 201 and one 409 for systems', async () => {
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all([
        post('/systems', org(`contested-${round}`)),
        post('/systems', org(`Contested-${round}`)),
      ]);
      expect(statuses(answers)).toEqual([201, 409]);
      expect(answers.find((a) => a.status === 409)?.body).toMatchObject({
        code: 'ResourceConflict',
        message: 'system with that `slug` already exists',
      });
    }
  });
});
