/**
 * The public issuer organization documents (badgekit-api.md §10.3), through
 * the real gateway and catalog: no token needed, each key the first non-empty
 * value from program, issuer, then system, keys without a value left out,
 * and the lookup chain's 404s in BadgeKit's format.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgekitRequest, startSystem, TEST_MASTER_SECRET, type TestSystem } from '@laurel/testkit';
import { organizationDocument } from '../src/families/public/organizations.js';

let system: TestSystem;

async function create(path: string, body: Record<string, unknown>): Promise<void> {
  const res = await badgekitRequest(system.gatewayUrl, {
    secret: TEST_MASTER_SECRET,
    method: 'POST',
    path,
    body: JSON.stringify(body),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

/** A plain, unsigned request: these documents are public (§3.5). */
async function fetchPublic(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(system.gatewayUrl + path, init);
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  system = await startSystem('public-organizations');
  await create('/systems', {
    slug: 'chicago',
    name: 'Chicago',
    url: 'http://cityofchicago.org',
    description: 'The City of Chicago',
    email: 'mayor-emanuel@cityofchicago.org',
  });
  await create('/systems/chicago/issuers', {
    slug: 'library',
    name: 'Chicago Public Library',
    url: 'http://chipublib.org',
    email: 'badges@chipublib.org',
  });
  await create('/systems/chicago/issuers/library/programs', {
    slug: 'reading',
    name: 'Summer Reading',
    url: 'http://reading.chipublib.org',
    description: '',
  });
  await create('/systems/chicago/issuers/library/programs', {
    slug: 'writing',
    name: 'Writing Club',
    url: 'http://writing.chipublib.org',
    description: 'Stories',
    email: 'write@chipublib.org',
  });
  await create('/systems', { slug: 'plain', name: 'Plain', url: 'http://plain.example.org' });
  await create('/systems/plain/issuers', { slug: 'bare', name: 'Bare Issuer', url: 'http://bare.example.org' });
});
afterAll(async () => {
  await system?.stop();
});

describe('GET /public/systems/:systemSlug[/issuers/:issuerSlug[/programs/:programSlug]]', () => {
  it('answers the system’s own document without a token', async () => {
    const res = await fetchPublic('/public/systems/chicago');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      name: 'Chicago',
      url: 'http://cityofchicago.org',
      description: 'The City of Chicago',
      email: 'mayor-emanuel@cityofchicago.org',
    });
  });

  it('completes an issuer’s document from its system', async () => {
    const res = await fetchPublic('/public/systems/Chicago/issuers/LIBRARY');
    expect(res.body).toEqual({
      name: 'Chicago Public Library',
      url: 'http://chipublib.org',
      description: 'The City of Chicago',
      email: 'badges@chipublib.org',
    });
  });

  it('completes a program’s document from its issuer, then its system, skipping empty values', async () => {
    const reading = await fetchPublic('/public/systems/chicago/issuers/library/programs/reading');
    expect(reading.body).toEqual({
      name: 'Summer Reading',
      url: 'http://reading.chipublib.org',
      description: 'The City of Chicago',
      email: 'badges@chipublib.org',
    });

    const writing = await fetchPublic('/public/systems/chicago/issuers/library/programs/writing');
    expect(writing.body).toEqual({
      name: 'Writing Club',
      url: 'http://writing.chipublib.org',
      description: 'Stories',
      email: 'write@chipublib.org',
    });
  });

  it('leaves out keys with no value at any level', async () => {
    expect((await fetchPublic('/public/systems/plain')).body).toEqual({
      name: 'Plain',
      url: 'http://plain.example.org',
    });
    expect((await fetchPublic('/public/systems/plain/issuers/bare')).body).toEqual({
      name: 'Bare Issuer',
      url: 'http://bare.example.org',
    });
  });

  it('answers 404 naming the first missing level', async () => {
    const cases: [string, string][] = [
      ['/public/systems/atlantis', 'Could not find system field: `slug`, value: `atlantis`'],
      ['/public/systems/atlantis/issuers/library', 'Could not find system field: `slug`, value: `atlantis`'],
      ['/public/systems/plain/issuers/library', 'Could not find issuer field: `slug`, value: `library`'],
      [
        '/public/systems/atlantis/issuers/nobody/programs/reading',
        'Could not find system field: `slug`, value: `atlantis`',
      ],
      [
        '/public/systems/chicago/issuers/nobody/programs/reading',
        'Could not find issuer field: `slug`, value: `nobody`',
      ],
      ['/public/systems/plain/issuers/bare/programs/reading', 'Could not find program field: `slug`, value: `reading`'],
    ];
    for (const [path, message] of cases) {
      const res = await fetchPublic(path);
      expect(res.status, path).toBe(404);
      expect(res.body).toEqual({ code: 'ResourceNotFound', message });
    }
  });

  it('answers 405 for other methods', async () => {
    const res = await fetchPublic('/public/systems/chicago', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.body).toEqual({ code: 'MethodNotAllowedError', message: 'DELETE is not allowed' });
  });
});

describe('organizationDocument', () => {
  it('takes each key from the deepest level that has a non-empty value, in the document’s key order', () => {
    const program = { name: 'P', url: 'http://p.example.org', description: '', email: undefined };
    const issuer = { name: 'I', url: 'http://i.example.org', email: 'i@example.org' };
    const site = { name: 'S', url: 'http://s.example.org', description: 'From the system', email: 's@example.org' };
    const document = organizationDocument([program, issuer, site]);
    expect(document).toEqual({
      name: 'P',
      url: 'http://p.example.org',
      description: 'From the system',
      email: 'i@example.org',
    });
    expect(Object.keys(document)).toEqual(['name', 'url', 'description', 'email']);
  });

  it('skips missing levels and omits keys nobody has', () => {
    expect(organizationDocument([null, { name: 'S', url: 'http://s.example.org', description: '' }])).toEqual({
      name: 'S',
      url: 'http://s.example.org',
    });
  });
});
