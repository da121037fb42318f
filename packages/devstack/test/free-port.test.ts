import { readFileSync } from 'node:fs';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, portSlice } from '../src/free-port.js';

describe('freePort', () => {
  it('chooses bindable ports below the kernel ephemeral range, never the same one twice in a row', async () => {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    const ports: number[] = [];
    for (let i = 0; i < 20; i++) ports.push(await freePort());
    expect(new Set(ports).size).toBe(20);
    for (const port of ports) expect(port).toBeLessThan(low!);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen({ port: ports[0], host: '127.0.0.1' }, resolve));
    server.close();
  });

  it('skips a port something else is bound to', async () => {
    const taken = await freePort();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen({ port: taken, host: '127.0.0.1' }, resolve));
    try {
      for (let i = 0; i < 50; i++) expect(await freePort()).not.toBe(taken);
    } finally {
      server.close();
    }
  });

  it('gives each worker a slice of its own, all below the ephemeral range', () => {
    const range = { low: 32_768, high: 60_999 };
    const slices = Array.from({ length: 16 }, (_, slot) => portSlice(slot, range));
    for (const [i, s] of slices.entries()) {
      expect(s.size).toBeGreaterThan(1000);
      expect(s.first + s.size).toBeLessThanOrEqual(range.low);
      if (i > 0) expect(s.first).toBeGreaterThanOrEqual(slices[i - 1]!.first + slices[i - 1]!.size);
    }
    expect(portSlice(17, range)).toEqual(slices[1]);
  });

  it('falls back to the ports above the ephemeral range when too few lie below it', () => {
    const s = portSlice(0, { low: 10_500, high: 40_000 });
    expect(s.first).toBe(40_001);
  });
});
