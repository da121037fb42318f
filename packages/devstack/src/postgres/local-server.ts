import { connectAdmin, type ServerAddress } from './client.js';

/** A usable server says, while we are connected anyway, whether it keeps tables analysed and vacuumed. */
export type Probe = { usable: true; autovacuum: boolean } | { usable: false; reason: string };

/**
 * Whether a PostgreSQL server on this machine lets us in as `postgres` without a
 * password, which is how distribution packages and CI services are usually set up.
 */
export async function probeLocalServer(server: ServerAddress): Promise<Probe> {
  let client;
  try {
    client = await connectAdmin(server, 2_000);
    const { rows } = await client.query<{ autovacuum: string }>("select current_setting('autovacuum') as autovacuum");
    return { usable: true, autovacuum: rows[0]?.autovacuum === 'on' };
  } catch (err) {
    return { usable: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    await client?.end().catch(() => undefined);
  }
}

/**
 * What a server with autovacuum off costs Laurel (seen on this project's machines): no table is
 * ever analysed or vacuumed, so PostgreSQL plans every statement on default estimates and the
 * outbox and delivery tables keep every deleted row. On a long-lived `npm start` database the
 * random code's replay probe was seen planned through the site's code index, filtering every code
 * of the site by its key. Only the server's own configuration can turn it on: a table or database
 * setting can turn autovacuum off, never on.
 */
export function autovacuumOffWarning(server: ServerAddress): string {
  return (
    `postgres: autovacuum is off on ${server.host}:${server.port}: tables are never analysed or vacuumed, so statements ` +
    'slow down as data grows; turn it on (as a superuser: ALTER SYSTEM SET autovacuum = on; SELECT pg_reload_conf();)'
  );
}
