import { readFileSync } from 'node:fs';
import net from 'node:net';

/**
 * Ports for processes a test or the dev stack is about to start.
 *
 * A port asked of the kernel with `listen(0)` comes from the ephemeral range,
 * the same range every outgoing connection (to PostgreSQL, Kafka, gRPC) takes
 * its local port from. Between choosing a port and the child binding it (the
 * gateway starts only after the four services answer, seconds later), any of
 * the hundreds of connections a parallel test run opens can take it, and the
 * child dies with EADDRINUSE. So ports are chosen below the ephemeral range,
 * where the kernel never hands any out, and each allocating process walks its
 * own slice of that range so that two test workers never choose the same port.
 */

const LOWEST = 10_000;
const SLICES = 16;

function ephemeralRange(): { low: number; high: number } {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low && high) return { low, high };
  } catch {
    // Not Linux: fall back to the IANA dynamic range.
  }
  return { low: 49_152, high: 65_535 };
}

/** The ports this process may choose from: its own slice of the ports below the ephemeral range. */
export function portSlice(slot: number, range = ephemeralRange()): { first: number; size: number } {
  const below = range.low - LOWEST;
  const usable =
    below >= SLICES * 200 ? { first: LOWEST, count: below } : { first: range.high + 1, count: 65_535 - range.high };
  const size = Math.floor(usable.count / SLICES);
  return { first: usable.first + (slot % SLICES) * size, size };
}

/** Vitest numbers its workers from 1; anything else (global set-up, `npm start`, a bench) goes by pid. */
function ownSlot(): number {
  const worker = Number(process.env.VITEST_POOL_ID);
  return Number.isInteger(worker) && worker > 0 ? worker : process.pid;
}

let slice: { first: number; size: number } | undefined;
let next = -1;

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port on the loopback interface that nothing is bound to now and that no other allocator will choose. */
export async function freePort(): Promise<number> {
  slice ??= portSlice(ownSlot());
  if (next < 0) next = Math.floor(Math.random() * slice.size); // a restarted process does not retrace its predecessor's steps
  for (let tried = 0; tried < slice.size; tried++) {
    const port = slice.first + (next++ % slice.size);
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port in ${slice.first}..${slice.first + slice.size - 1}`);
}
