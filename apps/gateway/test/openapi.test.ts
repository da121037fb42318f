/**
 * The OpenAPI document covers every REST route the gateway actually serves:
 * the routes are read from Express's own router stack (not from the registry
 * the document is built from), so a route declared without documentation, or
 * mounted around the RouteTable, fails this test. Redocly's recommended rules
 * report no error on it, and /docs is Scalar served from this origin only.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createDatabase, createKafka, createLogger, createMetrics } from '@laurel/service-kit';
import { createApp } from '../src/app.js';
import { closeClients, createClients, type ServiceClients } from '../src/clients.js';
import { loadGatewayConfig } from '../src/config.js';
import { noConsumerKeys } from '../src/badgekit-format/auth.js';
import type { ServedUnder } from '../src/http/served-under.js';
import type { OpenApiDocument } from '../src/openapi/document.js';

/** Operational endpoints are not part of any API family. */
const OPERATIONAL = new Set([
  '/healthz',
  '/readyz',
  '/metrics',
  '/openapi.json',
  '/docs',
  '/docs/assets/api-reference.js',
  '/',
  '/healthcheck',
]);

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: RouterLike & Partial<ServedUnder>;
}
/** A router (its stack) or a sub-app (its router's stack). */
interface RouterLike {
  stack?: Layer[];
  router?: { stack: Layer[] };
}

/** Every route below `stack`, with the prefixes of the servedUnder gate it sits behind (none at the root). */
function routesBelow(
  stack: Layer[],
  gate?: readonly string[],
): { method: string; path: string; gate?: readonly string[] }[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const { route } = layer;
      const paths = Array.isArray(route.path) ? route.path : [route.path];
      return paths.flatMap((path) =>
        Object.entries(route.methods)
          .filter(([method, on]) => on && method !== '_all')
          .map(([method]) => ({ method, path, gate })),
      );
    }
    const handle = layer.handle;
    if (handle?.prefixes) {
      const inner = handle.inner as RouterLike;
      return routesBelow(inner.stack ?? inner.router?.stack ?? [], handle.prefixes);
    }
    return handle?.stack ? routesBelow(handle.stack, gate) : [];
  });
}

function servedRoutes(app: Express): { method: string; path: string }[] {
  return routesBelow((app as unknown as RouterLike & { router: { stack: Layer[] } }).router.stack).filter(
    (r) => !OPERATIONAL.has(r.path),
  );
}

let server: Server;
let app: Express;
let clients: ServiceClients;
let base: string;

beforeAll(async () => {
  // Nothing here connects: clients and the pool connect lazily, and no route that needs them is called.
  const config = loadGatewayConfig({
    DATABASE_URL: 'postgres://127.0.0.1:1/none',
    KAFKA_BROKERS: '127.0.0.1:1',
    LOG_LEVEL: 'silent',
  });
  clients = createClients(config);
  const db = createDatabase({
    url: config.DATABASE_URL,
    schema: 'gateway',
    poolMax: 1,
    applicationName: 'openapi-test',
  });
  const logger = createLogger('test', 'silent');
  // A real producer that is never connected: no route this test calls publishes.
  const producer = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'openapi-test', logger }).producer();
  app = createApp({
    config,
    clients,
    db,
    logger,
    metrics: createMetrics('test'),
    consumers: noConsumerKeys,
    producer,
    kafkaConnected: () => true,
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  closeClients(clients);
  await new Promise((resolve) => server.close(resolve));
});

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  operationId: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
}

let document: OpenApiDocument;

const operations = (): { path: string; method: string; op: Operation }[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((method) => ({
      path,
      method,
      op: (item as Record<string, Operation>)[method] as Operation,
    })),
  );

const operation = (path: string, method: string): Operation => {
  const found = operations().find((o) => o.path === path && o.method === method);
  if (!found) throw new Error(`${method} ${path} is not documented`);
  return found.op;
};

/** Follows a local $ref into components.schemas. */
const deref = (schema: Record<string, unknown>): Record<string, unknown> => {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  return (
    (document.components?.schemas as Record<string, Record<string, unknown>>)[
      ref.replace('#/components/schemas/', '')
    ] ?? {}
  );
};

const redocly = [
  resolve(import.meta.dirname, '../../../node_modules/.bin/redocly'),
  resolve(import.meta.dirname, '../node_modules/.bin/redocly'),
].find((p) => existsSync(p));

/** Runs `redocly lint` (recommended rules, no network: telemetry and update checks off) on a document. */
async function lint(doc: unknown): Promise<{
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}> {
  if (!redocly) throw new Error('node_modules/.bin/redocly is missing: npm ci installs @redocly/cli');
  const dir = await mkdtemp(join(tmpdir(), 'laurel-openapi-'));
  try {
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(doc));
    // cwd is the empty directory, so no redocly.yaml applies: the built-in recommended rules do.
    const child = spawn(redocly, ['lint', 'openapi.json', '--format=json', '--extends=recommended'], {
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    await new Promise((done) => child.once('close', done));
    const start = out.indexOf('{');
    if (start < 0) throw new Error(`redocly printed no report: ${err}`);
    return JSON.parse(out.slice(start)) as Awaited<ReturnType<typeof lint>>;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  document = (await (await fetch(`${base}/openapi.json`)).json()) as OpenApiDocument;
});

describe('the routers behind prefixes', () => {
  it('are entered for every route they serve: each route is under its gate', () => {
    const all = routesBelow((app as unknown as { router: { stack: Layer[] } }).router.stack);
    const gated = all.filter((r) => r.gate);
    // The public pages' sub-app, admin, KickApps, v2, the import, OB 3.0, probes and the document.
    expect(new Set(gated.map((r) => r.gate)).size).toBe(8);
    const under = (path: string, prefix: string) =>
      path.toLowerCase() === prefix.toLowerCase() || path.toLowerCase().startsWith(`${prefix.toLowerCase()}/`);
    expect(gated.filter((r) => !r.gate?.some((prefix) => under(r.path, prefix)))).toEqual([]);
    // BadgeKit, at the root, is the family every other path falls through to.
    expect(all.filter((r) => !r.gate).map((r) => r.path)).toContain(
      '/systems/:systemSlug/badges/:badgeSlug/codes/:code/claim',
    );
  });
});

describe('/openapi.json', () => {
  it('documents every route the gateway serves', () => {
    expect(document.openapi).toBe('3.1.0');
    const documented = new Set(operations().map(({ method, path }) => `${method} ${path}`));
    const served = servedRoutes(app).map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(0);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('has no errors under redocly lint with the recommended rules', async () => {
    const report = await lint(document);
    expect(
      report.problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`),
    ).toEqual([]);
    expect(report.totals.errors).toBe(0);
    // Examples are warnings to redocly, but a wrong example misleads readers: none may disagree with its schema.
    expect(
      report.problems.filter((p) => p.ruleId.includes('example')).map((p) => `${p.location[0]?.pointer}: ${p.message}`),
    ).toEqual([]);
  }, 120_000);

  it('is linted for real: an operation without security is an error', async () => {
    const broken = structuredClone(document);
    delete (broken.paths['/systems'] as Record<string, { security?: unknown }>).get?.security;
    delete (broken as { servers?: unknown }).servers;
    const report = await lint(broken);
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => p.ruleId)).toEqual(
      expect.arrayContaining(['security-defined', 'no-empty-servers']),
    );
  }, 120_000);

  it('names its servers and licence', () => {
    expect(document.servers).toEqual([{ url: '/', description: 'This gateway' }]);
    expect(document.info.license?.name).toBeTruthy();
  });

  it("gives every operation security: the family's scheme, or none for public routes", () => {
    for (const { path, method, op } of operations()) expect(op.security, `${method} ${path}`).toBeDefined();
    expect(operation('/systems', 'post').security).toEqual([{ badgekitJwt: [] }]);
    expect(operation('/admin/systems/{systemSlug}/consumers', 'post').security).toEqual([{ badgekitJwt: [] }]);
    expect(operation('/public/systems/{systemSlug}', 'get').security).toEqual([]);
    expect(operation('/rest/badge/add/{as}', 'post').security).toEqual([{ kickappsToken: [] }]);
    expect(operation('/rest/token/create/{login}/{as}', 'post').security).toEqual([{ kickappsDeveloperKey: [] }]);
    expect(operation('/rest/mostbadged/users/get/{as}', 'get').security).toEqual([]);
    expect(operation('/api/v2/Login', 'post').security).toEqual([]);
    expect(operation('/api/v2/BadgeAssignment', 'post').security).toEqual([
      { importBasic: [] },
      { importToken: [] },
      { importBearer: [] },
    ]);
    expect(operation('/api_gateway/v1/badges/import/customerBadges', 'put').security).toEqual([
      { importBasic: [] },
      { importToken: [] },
      { importBearer: [] },
    ]);
    expect(operation('/v3/oauth/token/generate', 'post').security).toEqual([]);
    expect(operation('/ims/ob/v3p0/credentials', 'get').security).toEqual([
      { ob3OAuth2: ['https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly'] },
    ]);
    expect(operation('/ims/ob/v3p0/discovery', 'get').security).toEqual([]);
    expect(Object.keys(document.components?.securitySchemes ?? {}).sort()).toEqual([
      'badgekitJwt',
      'importBasic',
      'importBearer',
      'importToken',
      'kickappsDeveloperKey',
      'kickappsToken',
      'ob3OAuth2',
    ]);
  });

  it('types every success answer', () => {
    for (const { path, method, op } of operations()) {
      const [status, response] =
        Object.entries(op.responses).find(([code]) => code.startsWith('2') || code.startsWith('3')) ?? [];
      expect(status, `${method} ${path}`).toBeDefined();
      // A redirect (the OB 3.0 sign-in form's answer) has no body to type.
      if (status?.startsWith('3')) continue;
      const content = response?.content ?? {};
      const json = content['application/json'];
      const schema = deref(json?.schema ?? {});
      // Bytes (images) are typed by their media types, JSON by its schema.
      const described = json
        ? ['properties', 'anyOf', 'oneOf', 'items', 'additionalProperties'].some((key) => key in schema)
        : Object.keys(content).length > 0 &&
          Object.values(content).every((media) => deref(media.schema ?? {}).format === 'binary');
      expect(described, `${method} ${path} answers an untyped body`).toBe(true);
    }
    const created = deref(operation('/systems', 'post').responses['201']?.content?.['application/json']?.schema ?? {});
    expect((created.properties as Record<string, unknown>).system).toEqual({ $ref: '#/components/schemas/System' });
  });

  it('offers browsers pages and images as bytes', () => {
    for (const path of [
      '/public/assertions/{instanceSlug}',
      '/public/badges/{badgeId}',
      '/public/systems/{systemSlug}',
    ]) {
      const content = operation(path, 'get').responses['200']?.content ?? {};
      expect(Object.keys(content), path).toEqual(['application/json', 'text/html']);
    }
    const image = operation('/public/images/{imageSlug}', 'get').responses['200']?.content ?? {};
    expect(Object.keys(image)).toContain('image/png');
    expect(image).not.toHaveProperty('application/json');
  });

  it("answers errors in each family's format", () => {
    const errorRef = (path: string, method: string, status: string) =>
      operation(path, method).responses[status]?.content?.['application/json']?.schema;
    expect(errorRef('/systems', 'post', '400')).toEqual({ $ref: '#/components/schemas/BadgeKitError' });
    expect(errorRef('/rest/badge/add/{as}', 'post', '503')).toEqual({ $ref: '#/components/schemas/KickAppsError' });
    expect(errorRef('/api/v2/Login', 'post', '503')).toEqual({ $ref: '#/components/schemas/V2Error' });
    expect(errorRef('/api_gateway/v1/badges/import/customerBadges', 'post', '401')).toEqual({
      $ref: '#/components/schemas/ImportError',
    });
    // KickApps and v2 answer handled failures with HTTP 200: the 200 answer is the success or the error envelope.
    const handled = operation('/rest/badge/add/{as}', 'post').responses['200']?.content?.['application/json']
      ?.schema as { anyOf: unknown[] };
    expect(handled.anyOf).toContainEqual({ $ref: '#/components/schemas/KickAppsError' });
  });

  it('describes BadgeKit bodies with the rules the handlers validate with', () => {
    const schema = operation('/systems', 'post').requestBody?.content['application/json']?.schema as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.required.sort()).toEqual(['name', 'slug', 'url']);
    expect(schema.properties.slug).toEqual({ type: 'string', minLength: 1, maxLength: 255 });
    expect(schema.properties.email).toMatchObject({ type: 'string', format: 'email', maxLength: 254 });
    expect(operation('/systems/{systemSlug}', 'get').parameters).toEqual([
      { name: 'systemSlug', in: 'path', required: true, schema: { type: 'string' } },
    ]);
  });

  it('documents the inputs of KickApps, v2 and the import', () => {
    const names = (op: Operation) => (op.parameters ?? []).map((p) => `${p.in}:${p.name}`);
    expect(names(operation('/rest/badges/list/{as}', 'get'))).toEqual(
      expect.arrayContaining(['path:as', 'query:callback', 'query:location', 'query:published']),
    );
    const addBadge = operation('/rest/badge/add/{as}', 'post').requestBody?.content['application/x-www-form-urlencoded']
      ?.schema as { required: string[] };
    expect(addBadge.required).toEqual(expect.arrayContaining(['name', 'location', 'verbosename', 'url', 'link']));
    for (const { path, method, op } of operations().filter((o) => o.op.tags.includes('kickapps'))) {
      expect(op.parameters?.some((p) => p.in === 'query') || op.requestBody !== undefined, `${method} ${path}`).toBe(
        true,
      );
    }
    const login = operation('/api/v2/Login', 'post').requestBody?.content['application/json']?.schema as {
      required: string[];
    };
    expect(login.required).toEqual(['tenant', 'password']);
    expect(names(operation('/api/v2/Outcome/{strToken}/{outcomeCode}', 'post'))).toContain('header:idempotency-key');
    const bulk = operation('/api_gateway/v1/badges/import/customerBadges', 'put').requestBody?.content[
      'application/json'
    ]?.schema as { type: string; maxItems: number };
    expect(bulk).toMatchObject({ type: 'array', maxItems: 1000 });
  });

  it('documents admin permissions as the array the admin API accepts', () => {
    const schema = operation('/admin/systems/{systemSlug}/consumers', 'post').requestBody?.content['application/json']
      ?.schema as { properties: Record<string, Record<string, unknown>> };
    expect(schema.properties.permissions).toMatchObject({
      type: 'array',
      minItems: 1,
      items: { type: 'string', enum: ['badgekit', 'kickapps-developer', 'badge-import', 'badge-assignment', 'admin'] },
    });
  });

  it('carries examples', () => {
    const schemas = document.components?.schemas as Record<string, { example?: unknown }>;
    for (const name of [
      'BadgeKitError',
      'System',
      'Badge',
      'KickAppsError',
      'V2Error',
      'ImportError',
      'ImportResults',
      'Consumer',
    ])
      expect(schemas[name]?.example, name).toBeDefined();
  });

  it('lists only the media types a route reads', () => {
    const contentOf = (path: string, method: string) => Object.keys(operation(path, method).requestBody?.content ?? {});
    expect(contentOf('/systems', 'post')).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ]);
    expect(contentOf('/admin/systems/{systemSlug}/consumers', 'post')).toEqual(['application/json']);
  });
});

describe('/docs', () => {
  it('serves the Scalar reference with same-origin assets only, under a strict CSP', async () => {
    const response = await fetch(`${base}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await response.text();
    const urls = [...html.matchAll(/\b(?:src|href|data-url)="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(urls).toEqual(expect.arrayContaining(['/openapi.json', '/docs/assets/api-reference.js']));
    // Same origin: a path, never a scheme or a protocol-relative URL.
    for (const url of urls) expect(url, url).toMatch(/^\/(?!\/)/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves the reference script from node_modules as JavaScript', async () => {
    const response = await fetch(`${base}/docs/assets/api-reference.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    const script = await response.text();
    expect(script.length).toBeGreaterThan(100_000);
    expect(script).toContain('createApiReference');
  });
});
