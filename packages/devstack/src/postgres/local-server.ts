import { connectAdmin, type ServerAddress } from './client.js';

export type Probe = { usable: true } | { usable: false; reason: string };

/**
 * Whether a PostgreSQL server on this machine lets us in as `postgres` without a
 * password, which is how distribution packages and CI services are usually set up.
 */
export async function probeLocalServer(server: ServerAddress): Promise<Probe> {
  try {
    const client = await connectAdmin(server, 2_000);
    await client.end().catch(() => undefined);
    return { usable: true };
  } catch (err) {
    return { usable: false, reason: err instanceof Error ? err.message : String(err) };
  }
}
