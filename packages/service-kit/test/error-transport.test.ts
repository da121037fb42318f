/**
 * The error model carries any text across a real grpc-js server and client:
 * non-ASCII, NUL, percent signs, lone surrogates, and values far larger than a
 * trailer may be. A handler that fails in any way answers INTERNAL and the
 * server keeps answering; PostgreSQL refusing a client's value becomes a
 * ValidationError, not an internal error.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { laurelProtos, packageDefinition, type catalogV1 } from '@laurel/protos';
import { freshDatabase, type TestDatabase } from '@laurel/testkit';
import { createDatabase, preparedQuery, type Knex } from '../src/db/database.js';
import { databaseInputError, postgresCode } from '../src/db/input-errors.js';
import { DomainError, fromGrpcError, MAX_DETAIL_STRING_LENGTH, MAX_MESSAGE_LENGTH } from '../src/errors.js';
import { ServiceClient } from '../src/grpc/client.js';
import { startGrpcServer, type RunningGrpcServer } from '../src/grpc/server.js';
import { registerPart } from './register-part.js';
import type { UnaryHandlerGroup } from '../src/grpc/types.js';
import { createLogger } from '../src/logger.js';

const definition = laurelProtos().catalog.v1.Catalog.service;
type Handlers = UnaryHandlerGroup<catalogV1.CatalogDefinition>;
type GetSystem = NonNullable<Handlers['GetSystem']>;
const servers: RunningGrpcServer[] = [];
const clients: ServiceClient<catalogV1.CatalogDefinition>[] = [];

async function serve(getSystem: GetSystem): Promise<ServiceClient<catalogV1.CatalogDefinition>> {
  const handlers: Handlers = {
    GetSystem: getSystem,
    ListSystems: () => Promise.resolve({ systems: [], total: 0 }),
  };
  const server = await startGrpcServer([registerPart('laurel.catalog.v1.Catalog', definition, handlers)], {
    logger: createLogger('test', 'silent'),
    packageDefinition: packageDefinition(),
    host: '127.0.0.1',
    port: 0,
    drainMs: 1000,
  });
  servers.push(server);
  const client = new ServiceClient(definition, `127.0.0.1:${server.port}`, { deadlineMs: 5000 });
  clients.push(client);
  return client;
}

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

/** The server survived: a second, ordinary call still gets its answer. */
async function stillServes(client: ServiceClient<catalogV1.CatalogDefinition>): Promise<void> {
  await expect(client.call('ListSystems', {})).resolves.toMatchObject({ systems: [] });
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(servers.splice(0).map((s) => s.shutdown()));
});

describe('any text crosses the wire', () => {
  const hostile = [
    'ü',
    'Grüße, 東京 🎖️',
    'a\u0000b',
    'line\r\nbreak',
    '100% %zz %C3%BC #?&=',
    'tab\there',
    '\u00e9\u0301',
    'ascii',
  ];

  it.each(hostile)('round-trips %j in the message and the details', async (value) => {
    const client = await serve(() => Promise.reject(DomainError.notFound('system', 'slug', value)));
    const error = await failure(client.call('GetSystem', { slug: value }));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      reason: 'ResourceNotFound',
      message: `Could not find system field: \`slug\`, value: \`${value}\``,
      details: { model: 'system', field: 'slug', value },
    });
    await stillServes(client);
  });

  it('round-trips field problems with non-ASCII field values and messages', async () => {
    const problems = [
      { field: 'name', value: 'Ærøskøbing', message: 'ungültig — zu lang' },
      { field: 'slug', value: '\u0000' },
    ];
    const client = await serve(() => Promise.reject(DomainError.validation(problems)));
    await expect(client.call('GetSystem', { slug: 'x' })).rejects.toMatchObject({
      reason: 'ValidationError',
      details: problems,
    });
  });

  it('replaces a lone surrogate (which encodeURI refuses) instead of failing the call', async () => {
    const client = await serve(() =>
      Promise.reject(new DomainError('ResourceNotFound', 'bad \uD800 here', { value: 'x\uDC00y' })),
    );
    await expect(client.call('GetSystem', { slug: 'x' })).rejects.toMatchObject({
      reason: 'ResourceNotFound',
      message: 'bad \uFFFD here',
      details: { value: 'x\uFFFDy' },
    });
    await stillServes(client);
  });

  it('bounds an echoed megabyte so the answer still fits in a trailer', async () => {
    const huge = 'ü'.repeat(1024 * 1024);
    const client = await serve(() => Promise.reject(DomainError.notFound('system', 'slug', huge)));
    const error = await failure(client.call('GetSystem', { slug: 'x' }));
    expect(error).toMatchObject({ reason: 'ResourceNotFound', details: { model: 'system', field: 'slug' } });
    const { message, details } = error as DomainError;
    expect(message.length).toBe(MAX_MESSAGE_LENGTH);
    expect(message.startsWith('Could not find system field: `slug`, value: `üüü')).toBe(true);
    expect((details as { value: string }).value).toHaveLength(MAX_DETAIL_STRING_LENGTH);
    await stillServes(client);
  });

  it('cuts a cyclic details object at a bounded depth', async () => {
    const cyclic: Record<string, unknown> = { field: 'x' };
    cyclic.self = cyclic;
    const client = await serve(() => Promise.reject(new DomainError('ResourceConflict', 'conflict', cyclic)));
    const error = await failure(client.call('GetSystem', { slug: 'x' }));
    expect(error).toMatchObject({
      reason: 'ResourceConflict',
      message: 'conflict',
      details: { field: 'x', self: { field: 'x' } },
    });
    await stillServes(client);
  });

  it('drops details too large for a trailer but still sends reason and message', async () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ field: `field${i}`, value: 'v'.repeat(200) }));
    const client = await serve(() => Promise.reject(new DomainError('ResourceConflict', 'conflict', many)));
    const error = await failure(client.call('GetSystem', { slug: 'x' }));
    expect(error).toMatchObject({ reason: 'ResourceConflict', message: 'conflict' });
    expect((error as DomainError).details).toBeUndefined();
    await stillServes(client);
  });
});

describe('a handler that fails in any way', () => {
  /* eslint-disable @typescript-eslint/only-throw-error -- throwing what is not an Error is what these cases test */
  const cases: [string, GetSystem][] = [
    [
      'throws synchronously',
      () => {
        throw new Error('sync boom');
      },
    ],
    [
      'rejects with a string',
      () =>
        Promise.reject(new Error('x')).catch(() => {
          throw 'not an error';
        }),
    ],
    [
      'rejects with undefined',
      () =>
        Promise.reject(new Error('x')).catch(() => {
          throw undefined;
        }),
    ],
    [
      'rejects with an object whose properties throw',
      () =>
        Promise.reject(new Error('x')).catch(() => {
          throw new Proxy(
            {},
            {
              get: () => {
                throw new Error('trap');
              },
              getPrototypeOf: () => {
                throw new Error('trap');
              },
            },
          );
        }),
    ],
    [
      'resolves with a response that cannot be serialised',
      () => Promise.resolve({ system: { id: 'x', issuers: 'not a list' } } as never),
    ],
  ];
  /* eslint-enable @typescript-eslint/only-throw-error */

  it.each(cases)('%s: the caller gets an error and the server keeps serving', async (_name, handler) => {
    const client = await serve(handler);
    const error = await failure(client.call('GetSystem', { slug: 'x' }));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).reason).toBe('Internal');
    await stillServes(client);
  });
});

describe('correlation ids', () => {
  it('leaves out a request id grpc-js could not send, instead of failing the call', async () => {
    const seen: (string | undefined)[] = [];
    const client = await serve((_request, context) => {
      seen.push(context.requestId);
      return Promise.resolve({});
    });
    await client.call('GetSystem', { slug: 'x' }, { requestId: 'grüße\u0000' });
    await client.call('GetSystem', { slug: 'x' }, { requestId: 'plain-id' });
    expect(seen).toEqual([undefined, 'plain-id']);
  });
});

describe('reading what older peers sent', () => {
  it('reads details from the former plain-text key', () => {
    const metadata = new grpc.Metadata();
    metadata.set('laurel-error-reason', 'ResourceNotFound');
    metadata.set('laurel-error-details', JSON.stringify({ field: 'slug', value: 'x' }));
    const raw = Object.assign(new Error('5 NOT_FOUND: gone'), {
      code: grpc.status.NOT_FOUND,
      details: 'gone',
      metadata,
    });
    expect(fromGrpcError(raw)).toMatchObject({
      reason: 'ResourceNotFound',
      message: 'gone',
      details: { field: 'slug', value: 'x' },
    });
  });
});

describe('PostgreSQL refusing a client value', () => {
  let database: TestDatabase;
  let db: Knex;

  beforeAll(async () => {
    database = await freshDatabase('kit-input-errors');
    db = createDatabase({ url: database.url, schema: 'inputs', poolMax: 2, applicationName: 'input-errors-test' });
    await db.raw('create schema if not exists inputs');
    await db.schema.withSchema('inputs').createTable('things', (t) => {
      t.text('slug').unique();
      t.integer('count');
      t.uuid('uid');
      t.string('short', 4);
      t.timestamp('at', { useTz: true });
    });
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const refusals: [string, string, () => Promise<unknown>][] = [
    ['a NUL byte in text', '22021', () => db('things').where({ slug: 'a\u0000b' }).first()],
    [
      'text too long for a unique index',
      '54000',
      () => db('things').insert({ slug: randomBytes(300_000).toString('hex') }),
    ],
    ['an integer out of range', '22003', () => db('things').insert({ count: '99999999999' })],
    ['a malformed uuid', '22P02', () => db('things').where({ uid: 'not-a-uuid' }).first()],
    ['text longer than its column', '22001', () => db('things').insert({ short: 'toolong' })],
    ['an impossible date', '22008', () => db('things').insert({ at: '2026-13-45T00:00:00Z' })],
  ];

  it.each(refusals)('%s (%s) reaches the client as ValidationError', async (_name, sqlstate, query) => {
    const refused = await failure(query());
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ reason: 'ValidationError' });
    expect(postgresCode((refused as DomainError).cause)).toBe(sqlstate);
    const client = await serve(() => query().then(() => ({})));
    const error = await failure(client.call('GetSystem', { slug: 'x' }));
    expect(error).toMatchObject({ reason: 'ValidationError', details: [{ field: 'request' }] });
    expect((error as DomainError).message).not.toMatch(/things|inputs|uuid|relation/);
    await stillServes(client);
  });

  it('converts inside a transaction and in a prepared statement too', async () => {
    const inTransaction = await failure(db.transaction((trx) => trx('things').insert({ slug: 'a\u0000b' })));
    expect(inTransaction).toMatchObject({ reason: 'ValidationError' });
    const prepared = await failure(
      preparedQuery(db, 'things_by_slug', 'select * from inputs.things where slug = $1', ['a\u0000b']),
    );
    expect(prepared).toMatchObject({ reason: 'ValidationError' });
    expect(await db('things').count({ n: '*' }).first()).toMatchObject({ n: '0' });
  });

  it('leaves every other database error as it was, and internal for the client', async () => {
    const raw = await failure(db.raw('select * from no_such_table'));
    expect(raw).not.toBeInstanceOf(DomainError);
    expect(postgresCode(raw)).toBe('42P01');
    expect(databaseInputError(raw)).toBeUndefined();
    const client = await serve(() => db.raw('select * from no_such_table').then(() => ({})));
    await expect(client.call('GetSystem', { slug: 'x' })).rejects.toMatchObject({
      reason: 'Internal',
      message: 'internal error',
    });
  });
});
