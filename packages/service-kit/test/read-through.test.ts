/**
 * The read-through client over a real gRPC server: an answer is reused only
 * under the version it was fetched under, other methods always reach the
 * server, failures and refused answers are not kept, memory is bounded; and
 * coalesced() never answers a caller with a read that began before it called.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { laurelProtos, packageDefinition, type catalogV1 } from '@laurel/protos';
import { DomainError } from '../src/errors.js';
import { ServiceClient } from '../src/grpc/client.js';
import { coalesced, ReadThroughClient } from '../src/grpc/read-through.js';
import { startGrpcServer, type RunningGrpcServer } from '../src/grpc/server.js';
import { registerPart } from './register-part.js';
import { createLogger } from '../src/logger.js';

const definition = laurelProtos().catalog.v1.Catalog.service;
const servers: RunningGrpcServer[] = [];
const clients: ReadThroughClient<catalogV1.CatalogDefinition>[] = [];

/** A catalog whose GetSystem answers a name that changes with every write, counting what reaches it. */
async function catalogWithCounter() {
  const reached = { GetSystem: 0, UpdateSystem: 0 };
  let name = 'first';
  const server = await startGrpcServer(
    [
      registerPart('laurel.catalog.v1.Catalog', definition, {
        GetSystem: (request) => {
          reached.GetSystem += 1;
          if (request.slug === 'missing') return Promise.reject(DomainError.notFound('system', 'slug', 'missing'));
          return Promise.resolve({ system: { id: '1', slug: request.slug ?? '', name } });
        },
        UpdateSystem: (request) => {
          reached.UpdateSystem += 1;
          name = request.fields?.name ?? name;
          return Promise.resolve({ system: { id: '1', slug: 'a', name } });
        },
      }),
    ],
    {
      logger: createLogger('test', 'silent'),
      packageDefinition: packageDefinition(),
      host: '127.0.0.1',
      port: 0,
      drainMs: 1000,
    },
  );
  servers.push(server);
  return { port: server.port, reached };
}

function readThrough(
  port: number,
  version: () => Promise<string>,
  extra: { maxEntries?: number; keep?: (answer: object) => boolean } = {},
) {
  const client = new ReadThroughClient(new ServiceClient(definition, `127.0.0.1:${port}`, { deadlineMs: 2000 }), {
    cached: ['GetSystem'],
    version,
    owner: 'catalog',
    ...extra,
  });
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(servers.splice(0).map((s) => s.shutdown()));
});

describe('ReadThroughClient', () => {
  it('reuses an answer while the version stands, and asks again once it moved', async () => {
    const { port, reached } = await catalogWithCounter();
    let version = 1;
    const client = readThrough(port, () => Promise.resolve(String(version)));
    expect((await client.call('GetSystem', { slug: 'a' })).system?.name).toBe('first');
    expect((await client.call('GetSystem', { slug: 'a' })).system?.name).toBe('first');
    expect(reached.GetSystem).toBe(1);

    await client.call('UpdateSystem', { slug: 'a', fields: { name: 'second' } });
    expect(reached.UpdateSystem).toBe(1);
    // The owner's write raised its version; the next read must see the write.
    version += 1;
    expect((await client.call('GetSystem', { slug: 'a' })).system?.name).toBe('second');
    expect(reached.GetSystem).toBe(2);
  });

  it('keeps answers per request, and a not-found under its version like an answer', async () => {
    const { port, reached } = await catalogWithCounter();
    let version = 1;
    const client = readThrough(port, () => Promise.resolve(String(version)));
    await client.call('GetSystem', { slug: 'a' });
    await client.call('GetSystem', { slug: 'b' });
    expect(reached.GetSystem).toBe(2);
    for (let i = 0; i < 2; i++)
      await expect(client.call('GetSystem', { slug: 'missing' })).rejects.toMatchObject({ reason: 'ResourceNotFound' });
    expect(reached.GetSystem).toBe(3);
    version += 1;
    await expect(client.call('GetSystem', { slug: 'missing' })).rejects.toMatchObject({ reason: 'ResourceNotFound' });
    expect(reached.GetSystem).toBe(4);
  });

  it('never keeps any other failure', async () => {
    const { port } = await catalogWithCounter();
    const client = readThrough(port, () => Promise.resolve('1'));
    await expect(client.call('GetSystem', { slug: 'a' }, { deadlineMs: -1 })).rejects.toBeInstanceOf(DomainError);
    expect((await client.call('GetSystem', { slug: 'a' })).system?.name).toBe('first');
  });

  it('does not keep answers the keep rule refuses, and forgets the oldest beyond maxEntries', async () => {
    const { port, reached } = await catalogWithCounter();
    const refusing = readThrough(port, () => Promise.resolve('1'), { keep: () => false });
    await refusing.call('GetSystem', { slug: 'a' });
    await refusing.call('GetSystem', { slug: 'a' });
    expect(reached.GetSystem).toBe(2);

    const small = readThrough(port, () => Promise.resolve('1'), { maxEntries: 2 });
    for (const slug of ['a', 'b', 'c']) await small.call('GetSystem', { slug });
    expect(reached.GetSystem).toBe(5);
    await small.call('GetSystem', { slug: 'c' });
    expect(reached.GetSystem).toBe(5);
    await small.call('GetSystem', { slug: 'a' });
    expect(reached.GetSystem).toBe(6);
  });
});

describe('coalesced', () => {
  it('shares one read among callers of the same tick', async () => {
    let reads = 0;
    const read = coalesced(() => Promise.resolve(++reads));
    expect(await Promise.all([read(), read(), read()])).toEqual([1, 1, 1]);
    expect(reads).toBe(1);
  });

  it('shares one read among the callers that arrived while the previous read ran', async () => {
    let reads = 0;
    const read = coalesced(async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return reads;
    });
    const first = read();
    await new Promise((resolve) => setImmediate(resolve));
    // The first read is in flight; these four wait for it to finish and share the next.
    expect(await Promise.all([first, read(), read(), read(), read()])).toEqual([1, 2, 2, 2, 2]);
    expect(reads).toBe(2);
  });

  it('answers a caller that arrives during a read with the next read, never the one in flight', async () => {
    let value = 'before';
    let release: (() => void) | undefined;
    let reads = 0;
    const read = coalesced(async () => {
      reads += 1;
      const seen = value;
      if (reads === 1) await new Promise<void>((resolve) => (release = resolve));
      return seen;
    });
    const early = read();
    await new Promise((resolve) => setImmediate(resolve));
    // A write commits while the first read is in flight; a caller arriving now must see it.
    value = 'after';
    const late = read();
    release?.();
    expect(await early).toBe('before');
    expect(await late).toBe('after');
    expect(reads).toBe(2);
  });

  it('passes a failed read to its callers and reads afresh for the next ones', async () => {
    let fail = true;
    const read = coalesced(() => (fail ? Promise.reject(new Error('database away')) : Promise.resolve('7')));
    await expect(read()).rejects.toThrow('database away');
    fail = false;
    expect(await read()).toBe('7');
  });
});
