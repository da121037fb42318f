import pg from 'pg';

export interface ServerAddress {
  host: string;
  port: number;
  user: string;
  password?: string;
}

/** Connects to a maintenance database of the server, to look around or create databases. */
export async function connectAdmin(server: ServerAddress, connectTimeoutMs = 3_000): Promise<pg.Client> {
  const client = new pg.Client({
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
    database: 'postgres',
    connectionTimeoutMillis: connectTimeoutMs,
  });
  // An idle client whose server goes away emits 'error'; unhandled, that would crash Node.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export function postgresUrl(server: ServerAddress, database: string): string {
  const auth = server.password
    ? `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}`
    : encodeURIComponent(server.user);
  return `postgres://${auth}@${server.host}:${server.port}/${encodeURIComponent(database)}`;
}
