/**
 * Isolation between test files that share one PostgreSQL and one Kafka: each
 * file gets its own database (so services keep their usual schema names) and
 * its own topic/consumer-group prefix.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testEnvironment } from './environment.js';

const suffix = () => randomBytes(4).toString('hex');

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(testEnvironment().databaseUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test server, named after the test file for easier debugging. */
export async function freshDatabase(label: string): Promise<TestDatabase> {
  const name = `laurel_t_${label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30)}_${suffix()}`;
  await adminQuery(`create database "${name}"`);
  return {
    url: withDatabase(testEnvironment().databaseUrl, name),
    name,
    drop: () => adminQuery(`drop database if exists "${name}" with (force)`),
  };
}

/** A prefix for topic and consumer-group names that no other test file uses. */
export function uniquePrefix(label: string): string {
  return `t-${label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 20)}-${suffix()}.`;
}

/** Ports come from devstack's allocator, which keeps clear of the kernel's ephemeral range. */
export { freePort } from '@laurel/devstack';
