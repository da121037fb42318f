/**
 * A request reads an owner's change version once on its whole path, over
 * real gRPC servers: the read-through calls of one handler share the stamp,
 * the handler's outgoing calls carry it without being handed it, the callee
 * uses it instead of reading, and a caller's scope (the gateway's) does the
 * same. Nothing outlives its request or survives a write the request made,
 * and only well-formed stamps are trusted.
 */
import * as grpc from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { laurelProtos, packageDefinition, type catalogV1 } from '@laurel/protos';
import { ServiceClient } from '../src/grpc/client.js';
import { ReadThroughClient } from '../src/grpc/read-through.js';
import { RequestScope, stampMetadataKey } from '../src/grpc/request-scope.js';
import { startGrpcServer, type RunningGrpcServer } from '../src/grpc/server.js';
import { registerPart } from './register-part.js';
import type { UnaryHandlerGroup } from '../src/grpc/types.js';
import { createLogger } from '../src/logger.js';

type Catalog = catalogV1.CatalogDefinition;
const definition = laurelProtos().catalog.v1.Catalog.service;
const servers: RunningGrpcServer[] = [];
const closers: { close(): void }[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function serve(handlers: UnaryHandlerGroup<Catalog>): Promise<number> {
  const server = await startGrpcServer([registerPart('laurel.catalog.v1.Catalog', definition, handlers)], {
    logger: createLogger('test', 'silent'),
    packageDefinition: packageDefinition(),
    host: '127.0.0.1',
    port: 0,
    drainMs: 1000,
  });
  servers.push(server);
  return server.port;
}

function plain(port: number): ServiceClient<Catalog> {
  const client = new ServiceClient(definition, `127.0.0.1:${port}`, { deadlineMs: 5000 });
  closers.push(client);
  return client;
}

/** A read-through client of `port` whose version reads are counted. */
function counted(port: number, version: () => string) {
  const reads = { count: 0 };
  const client = new ReadThroughClient(plain(port), {
    cached: ['GetSystem'],
    owner: 'catalog',
    version: () => {
      reads.count += 1;
      return Promise.resolve(version());
    },
  });
  return { client, reads };
}

/**
 * Three processes' worth of servers: the owner (a catalog whose every write
 * raises its version), a downstream service that reads through and tells
 * which stamp it was handed, and a middle service calling both, as issuance
 * is called by the gateway and claim-code calls issuance.
 */
async function path() {
  let version = 1;
  let name = 'first';
  const owner = await serve({
    GetSystem: () => Promise.resolve({ system: { id: '1', slug: 'a', name } }),
    UpdateSystem: (request) => {
      name = request.fields?.name ?? name;
      version += 1;
      return Promise.resolve({ system: { id: '1', slug: 'a', name } });
    },
  });
  const down = counted(owner, () => String(version));
  const downstream = plain(
    await serve({
      GetProgram: async (_request, context) => {
        const seen = (await down.client.call('GetSystem', { slug: 'a' })).system?.name;
        const [carried] = context.metadata.get(stampMetadataKey('catalog'));
        return { program: { name: `${typeof carried === 'string' ? carried : 'none'}:${seen}` } };
      },
    }),
  );
  const mid = counted(owner, () => String(version));
  const background: Promise<unknown>[] = [];
  const middle = plain(
    await serve({
      // Two cached reads, then a call downstream: an award's shape.
      GetIssuer: async () => {
        await mid.client.call('GetSystem', { slug: 'a' });
        await mid.client.call('GetSystem', { slug: 'a' });
        const { program } = await downstream.call('GetProgram', {});
        return { issuer: { name: program?.name ?? '' } };
      },
      // A read, a write, a read: the second read and the call downstream must see the write.
      UpdateIssuer: async (request) => {
        await mid.client.call('GetSystem', { slug: 'a' });
        await mid.client.call('UpdateSystem', { slug: 'a', fields: { name: request.fields?.name ?? '' } });
        const seen = (await mid.client.call('GetSystem', { slug: 'a' })).system?.name;
        const { program } = await downstream.call('GetProgram', {});
        return { issuer: { name: `${seen}|${program?.name}` } };
      },
      // Leaves work running after its answer, as a handler that starts a background task would.
      DeleteIssuer: async () => {
        await mid.client.call('GetSystem', { slug: 'a' });
        background.push(sleep(50).then(() => mid.client.call('GetSystem', { slug: 'a' })));
        return { issuer: { name: 'deleted' } };
      },
    }),
  );
  return { owner, middle, mid, down, background, version: () => version };
}

afterEach(async () => {
  for (const c of closers.splice(0)) c.close();
  await Promise.all(servers.splice(0).map((s) => s.shutdown()));
});

describe('a change-version stamp along a request path', () => {
  it('is read once by the first process and carried to the next, which reads none', async () => {
    const { middle, mid, down } = await path();
    expect((await middle.call('GetIssuer', {})).issuer?.name).toBe('1:first');
    expect(mid.reads.count).toBe(1);
    expect(down.reads.count).toBe(0);
  });

  it('never outlives its request: each request reads its own', async () => {
    const { middle, mid, down } = await path();
    for (let i = 0; i < 3; i++) await middle.call('GetIssuer', {});
    expect(mid.reads.count).toBe(3);
    expect(down.reads.count).toBe(0);
  });

  it('is not used by work the handler left running after its answer', async () => {
    const { middle, mid, background } = await path();
    await middle.call('DeleteIssuer', {});
    expect(mid.reads.count).toBe(1);
    await Promise.all(background);
    expect(mid.reads.count).toBe(2);
  });

  it('is forgotten after a write the request made, here and downstream', async () => {
    const { middle, mid, down, version } = await path();
    const { issuer } = await middle.call('UpdateIssuer', { fields: { name: 'second' } });
    expect(version()).toBe(2);
    // The read after the write took a new stamp and saw the write; downstream was handed that stamp.
    expect(issuer?.name).toBe('second|2:second');
    expect(mid.reads.count).toBe(2);
    expect(down.reads.count).toBe(0);
  });

  it("comes from the caller's own scope, as the gateway passes it, and that scope keeps what it read", async () => {
    const { owner, middle, mid, down } = await path();
    const gateway = counted(owner, () => '1');
    const scope = new RequestScope();
    await gateway.client.call('GetSystem', { slug: 'a' }, { scope });
    await gateway.client.call('GetSystem', { slug: 'a' }, { scope });
    expect(gateway.reads.count).toBe(1);
    expect((await middle.call('GetIssuer', {}, { scope })).issuer?.name).toBe('1:first');
    expect(mid.reads.count).toBe(0);
    expect(down.reads.count).toBe(0);
  });

  it('is not read at all from an ended scope, nor sent on', async () => {
    const { middle, mid } = await path();
    const scope = new RequestScope();
    await scope.stamp('catalog', () => Promise.resolve('1'));
    scope.end();
    expect((await middle.call('GetIssuer', {}, { scope })).issuer?.name).toBe('1:first');
    expect(mid.reads.count).toBe(1);
  });
});

describe('RequestScope.fromMetadata', () => {
  const carried = async (set: (metadata: grpc.Metadata) => void): Promise<{ stamp: string; reads: number }> => {
    const metadata = new grpc.Metadata();
    set(metadata);
    let reads = 0;
    const stamp = await RequestScope.fromMetadata(metadata).stamp('catalog', () => Promise.resolve(`read-${++reads}`));
    return { stamp, reads };
  };

  it('trusts a well-formed stamp', async () => {
    expect(await carried((m) => m.set('laurel-catalog-version', '42'))).toEqual({ stamp: '42', reads: 0 });
  });

  it.each(['', 'abc', '-1', '1.5', ' 7', '1'.repeat(21), '12 ; drop'])(
    'reads its own when the stamp is %j',
    async (value) => {
      expect(await carried((m) => m.set('laurel-catalog-version', value))).toEqual({ stamp: 'read-1', reads: 1 });
    },
  );

  it('reads its own when the stamp comes twice, or as binary', async () => {
    expect(
      await carried((m) => {
        m.add('laurel-catalog-version', '1');
        m.add('laurel-catalog-version', '2');
      }),
    ).toEqual({ stamp: 'read-1', reads: 1 });
    expect(await carried((m) => m.set('laurel-catalog-version-bin', Buffer.from('1')))).toEqual({
      stamp: 'read-1',
      reads: 1,
    });
  });

  it('shares one read among concurrent calls, and reads again after a failed read', async () => {
    const scope = new RequestScope();
    let reads = 0;
    const read = () => Promise.resolve(String(++reads));
    expect(await Promise.all([scope.stamp('catalog', read), scope.stamp('catalog', read)])).toEqual(['1', '1']);
    expect(reads).toBe(1);
    const failing = new RequestScope();
    await expect(failing.stamp('catalog', () => Promise.reject(new Error('database away')))).rejects.toThrow(
      'database away',
    );
    await sleep(0);
    expect(await failing.stamp('catalog', read)).toBe('2');
  });
});
