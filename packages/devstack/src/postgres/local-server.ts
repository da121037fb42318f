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

/**
 * What the server's configuration will cost Laurel, to be said when it is used: with autovacuum off
 * (seen on this project's machines) no table is ever analysed or vacuumed, so PostgreSQL plans every
 * statement on default estimates and the outbox and delivery tables keep every deleted row. On a
 * long-lived `npm start` database the random code's replay probe was seen planned through the site's
 * code index, filtering every code of the site by its key. Only the server's own configuration can
 * turn it on: a table or database setting can turn autovacuum off, never on.
 */
export async function maintenanceWarning(server: ServerAddress): Promise<string | undefined> {
  const client = await connectAdmin(server);
  try {
    const { rows } = await client.query<{ autovacuum: string }>("select current_setting('autovacuum') as autovacuum");
    if (rows[0]?.autovacuum === 'on') return undefined;
    return `postgres: autovacuum is off on ${server.host}:${server.port}: tables are never analysed or vacuumed, so statements ` +
      'slow down as data grows; turn it on (as a superuser: ALTER SYSTEM SET autovacuum = on; SELECT pg_reload_conf();)';
  } finally {
    await client.end().catch(() => undefined);
  }
}
