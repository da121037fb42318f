/**
 * The gRPC server and client factories over real connections: the one error
 * model crosses the wire intact, internal errors do not leak, UNAVAILABLE is
 * retried until the deadline, and the standard health service answers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { laurelProtos, type catalogV1 } from '@laurel/protos';
import { freePort } from '@laurel/testkit';
import { DomainError } from '../src/errors.js';
import { checkHealth, ServiceClient } from '../src/grpc/client.js';
import { startGrpcServer, type RunningGrpcServer } from '../src/grpc/server.js';
import { registerPart } from './register-part.js';
import type { UnaryHandlerGroup } from '../src/grpc/types.js';
import { createLogger } from '../src/logger.js';
import { packageDefinition } from '@laurel/protos';

const definition = laurelProtos().catalog.v1.Catalog.service;
const servers: RunningGrpcServer[] = [];
const clients: ServiceClient<catalogV1.CatalogDefinition>[] = [];

async function serve(handlers: UnaryHandlerGroup<catalogV1.CatalogDefinition>, port = 0): Promise<RunningGrpcServer> {
  const server = await startGrpcServer([registerPart('laurel.catalog.v1.Catalog', definition, handlers)], {
    logger: createLogger('test', 'silent'),
    packageDefinition: packageDefinition(),
    host: '127.0.0.1',
    port,
    drainMs: 1000,
  });
  servers.push(server);
  return server;
}

function client(port: number, deadlineMs = 2000): ServiceClient<catalogV1.CatalogDefinition> {
  const c = new ServiceClient(definition, `127.0.0.1:${port}`, { deadlineMs });
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(servers.splice(0).map((s) => s.shutdown()));
});

describe('the error model over gRPC', () => {
  it('turns a DomainError into a status plus reason and back, details included', async () => {
    const server = await serve({
      GetSystem: () =>
        Promise.reject(
          DomainError.validation([
            { field: 'slug', value: '' },
            { field: 'url', value: 'x', message: 'Invalid URL' },
          ]),
        ),
    });
    const error = await client(server.port)
      .call('GetSystem', { slug: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      reason: 'ValidationError',
      message: 'Could not validate required fields',
      details: [
        { field: 'slug', value: '' },
        { field: 'url', value: 'x', message: 'Invalid URL' },
      ],
    });
  });

  it('hides the text of unexpected errors', async () => {
    const server = await serve({ GetSystem: () => Promise.reject(new Error('password=hunter2 in a stack trace')) });
    const error = await client(server.port)
      .call('GetSystem', { slug: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'Internal', message: 'internal error' });
  });

  it('answers UNIMPLEMENTED for methods without a handler', async () => {
    const server = await serve({});
    await expect(client(server.port).call('ListSystems', {})).rejects.toMatchObject({ reason: 'Unimplemented' });
  });
});

describe('the client', () => {
  it('retries UNAVAILABLE until the server comes up within the deadline', async () => {
    const port = await freePort();
    const reply = client(port, 5000).call('GetSystem', { slug: 'late' });
    await new Promise((resolve) => setTimeout(resolve, 700));
    await serve(
      {
        GetSystem: (req) =>
          Promise.resolve({
            system: { id: '1', slug: req.slug ?? '', name: 'n', url: 'u', createdAt: '', issuers: [] },
          }),
      },
      port,
    );
    expect((await reply).system?.slug).toBe('late');
  });

  it('gives up with Unavailable at the deadline', async () => {
    const port = await freePort();
    const started = Date.now();
    await expect(client(port, 600).call('GetSystem', { slug: 'x' })).rejects.toMatchObject({ reason: 'Unavailable' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('does not retry a call that failed for a domain reason', async () => {
    let calls = 0;
    const server = await serve({
      GetSystem: () => {
        calls += 1;
        return Promise.reject(DomainError.notFound('system', 'slug', 'x'));
      },
    });
    await expect(client(server.port).call('GetSystem', { slug: 'x' })).rejects.toMatchObject({
      reason: 'ResourceNotFound',
    });
    expect(calls).toBe(1);
  });
});

describe('health', () => {
  it('serves grpc.health.v1 for the server and each service, and stops serving on shutdown', async () => {
    const server = await serve({});
    const address = `127.0.0.1:${server.port}`;
    expect(await checkHealth(address)).toBe(true);
    expect(await checkHealth(address, 1000, 'laurel.catalog.v1.Catalog')).toBe(true);
    expect(await checkHealth(address, 1000, 'laurel.nope.v1.Nope')).toBe(false);
    await server.shutdown();
    servers.splice(servers.indexOf(server), 1);
    expect(await checkHealth(address, 300)).toBe(false);
  });
});
