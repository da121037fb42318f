/**
 * The OpenAPI document covers every REST route the gateway actually serves:
 * the routes are read from Express's own router stack (not from the registry
 * the document is built from), so a route declared without documentation, or
 * mounted around the RouteTable, fails this test.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createDatabase, createKafka, createLogger, createMetrics } from '@laurel/service-kit';
import { createApp } from '../src/app.js';
import { closeClients, createClients, type ServiceClients } from '../src/clients.js';
import { loadGatewayConfig } from '../src/config.js';
import { noConsumerKeys } from '../src/families/badgekit/auth.js';
import type { OpenApiDocument } from '../src/openapi/document.js';

/** Operational endpoints are not part of any API family. */
const OPERATIONAL = new Set(['/healthz', '/readyz', '/metrics', '/openapi.json', '/docs', '/', '/healthcheck']);

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function servedRoutes(app: Express): { method: string; path: string }[] {
  const found: { method: string; path: string }[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') found.push({ method, path });
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found.filter((r) => !OPERATIONAL.has(r.path));
}

let server: Server;
let app: Express;
let clients: ServiceClients;
let base: string;

beforeAll(async () => {
  // Nothing here connects: clients and the pool connect lazily, and no route that needs them is called.
  const config = loadGatewayConfig({ DATABASE_URL: 'postgres://127.0.0.1:1/none', KAFKA_BROKERS: '127.0.0.1:1', LOG_LEVEL: 'silent' });
  clients = createClients(config);
  const db = createDatabase({ url: config.DATABASE_URL, schema: 'gateway', poolMax: 1, applicationName: 'openapi-test' });
  const logger = createLogger('test', 'silent');
  // A real producer that is never connected: no route this test calls publishes.
  const producer = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'openapi-test', logger }).producer();
  app = createApp({ config, clients, db, logger, metrics: createMetrics('test'), consumers: noConsumerKeys, producer, kafkaConnected: () => true });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  closeClients(clients);
  await new Promise((resolve) => server.close(resolve));
});

describe('/openapi.json', () => {
  it('documents every route the gateway serves', async () => {
    const document = (await (await fetch(`${base}/openapi.json`)).json()) as OpenApiDocument;
    expect(document.openapi).toBe('3.1.0');
    const documented = new Set(Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));
    const served = servedRoutes(app).map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(0);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('describes request bodies with the rules the handlers validate with', async () => {
    const document = (await (await fetch(`${base}/openapi.json`)).json()) as OpenApiDocument;
    const post = (document.paths['/systems'] as Record<string, { requestBody: { content: Record<string, { schema: { required: string[]; properties: Record<string, unknown> } }> } }>).post;
    const schema = post?.requestBody.content['application/json']?.schema;
    expect(schema?.required.sort()).toEqual(['name', 'slug', 'url']);
    expect(schema?.properties.slug).toEqual({ type: 'string', minLength: 1, maxLength: 255 });
    expect(schema?.properties.email).toEqual({ type: 'string', format: 'email', maxLength: 254 });
    expect((document.paths['/systems/{systemSlug}'] as Record<string, { parameters: { name: string }[] }>).get?.parameters).toEqual([
      { name: 'systemSlug', in: 'path', required: true, schema: { type: 'string' } },
    ]);
  });

  it('lists only the media types a route reads', async () => {
    const document = (await (await fetch(`${base}/openapi.json`)).json()) as OpenApiDocument;
    const contentOf = (path: string, method: string) =>
      Object.keys((document.paths[path] as Record<string, { requestBody: { content: Record<string, unknown> } }>)[method]?.requestBody.content ?? {});
    expect(contentOf('/systems', 'post')).toEqual(['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data']);
    expect(contentOf('/admin/systems/{systemSlug}/consumers', 'post')).toEqual(['application/json']);
  });
});

describe('/docs', () => {
  it('serves a browsable HTML reference built from the same document', async () => {
    const response = await fetch(`${base}/docs`);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('<code>/systems/{systemSlug}</code>');
    expect(html).toContain('href="/openapi.json"');
  });
});
