/**
 * Client-side load balancing: a target that names its resolver spreads calls
 * over every address it resolves to (round_robin), so a headless Service's
 * pods all get calls; a plain host:port keeps one connection (pick_first).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { laurelProtos, packageDefinition, type catalogV1 } from '@laurel/protos';
import { checkHealth, loadBalancingOptions, ServiceClient } from '../src/grpc/client.js';
import { serviceAddress } from '../src/config.js';
import { startGrpcServer, type RunningGrpcServer } from '../src/grpc/server.js';
import { registerPart } from './register-part.js';
import { createLogger } from '../src/logger.js';

const definition = laurelProtos().catalog.v1.Catalog.service;
const servers: RunningGrpcServer[] = [];
const clients: ServiceClient<catalogV1.CatalogDefinition>[] = [];

/** A catalog server that counts the calls it answers. */
async function countingServer(): Promise<{ port: number; calls: () => number }> {
  let calls = 0;
  const server = await startGrpcServer(
    [
      registerPart('laurel.catalog.v1.Catalog', definition, {
        GetSystem: () => {
          calls++;
          return Promise.reject(new Error('counted'));
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
  return { port: server.port, calls: () => calls };
}

function client(address: string): ServiceClient<catalogV1.CatalogDefinition> {
  const c = new ServiceClient(definition, address, { deadlineMs: 2000 });
  clients.push(c);
  return c;
}

/**
 * Sequential calls until every server has answered one, or until `withinMs`
 * (round_robin sends only to connected addresses, and the second may take a
 * moment to connect); with pick_first every call would go to the first.
 */
async function callUntilAllServed(
  c: ServiceClient<catalogV1.CatalogDefinition>,
  counters: { calls: () => number }[],
  withinMs: number,
): Promise<void> {
  const end = Date.now() + withinMs;
  while (Date.now() < end && counters.some((s) => s.calls() === 0)) {
    await c.call('GetSystem', { slug: 'x' }).catch(() => undefined);
  }
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(servers.splice(0).map((s) => s.shutdown()));
});

describe('gRPC client load balancing', () => {
  it('chooses round_robin only for targets that name their resolver', () => {
    const roundRobin = { 'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }) };
    expect(loadBalancingOptions('dns:///badge-catalog:50051')).toEqual(roundRobin);
    expect(loadBalancingOptions('ipv4:10.0.0.1:50051,10.0.0.2:50051')).toEqual(roundRobin);
    expect(loadBalancingOptions('badge-catalog:50051')).toEqual({});
    expect(loadBalancingOptions('127.0.0.1:50051')).toEqual({});
  });

  it('spreads calls over every address of a multi-address target', async () => {
    const a = await countingServer();
    const b = await countingServer();
    const c = client(`ipv4:127.0.0.1:${a.port},127.0.0.1:${b.port}`);
    await c.waitForReady(2000);
    await callUntilAllServed(c, [a, b], 5000);
    expect([a.calls() > 0, b.calls() > 0]).toEqual([true, true]);
  });

  it('keeps plain host:port targets working, and dns:/// ones reach the named host', async () => {
    const a = await countingServer();
    const b = await countingServer();
    const single = client(`127.0.0.1:${a.port}`);
    for (let i = 0; i < 5; i++) await single.call('GetSystem', { slug: 'x' }).catch(() => undefined);
    expect(a.calls()).toBe(5);
    const viaDns = client(`dns:///localhost:${b.port}`);
    await viaDns.call('GetSystem', { slug: 'x' }).catch(() => undefined);
    expect(b.calls()).toBe(1);
    // The gateway's readiness checks take the same addresses.
    expect(await checkHealth(`dns:///localhost:${b.port}`)).toBe(true);
  });

  it('accepts host:port and dns:///host:port as service addresses, nothing else', () => {
    const setting = serviceAddress('127.0.0.1:50051');
    expect(setting.parse(undefined)).toBe('127.0.0.1:50051');
    expect(setting.parse('dns:///badge-catalog.laurel.svc.cluster.local:50051')).toBe(
      'dns:///badge-catalog.laurel.svc.cluster.local:50051',
    );
    for (const bad of [
      'dns://badge-catalog:50051',
      'http://badge-catalog:50051',
      'badge-catalog',
      'dns:///badge-catalog',
    ])
      expect(setting.safeParse(bad).success).toBe(false);
  });
});
