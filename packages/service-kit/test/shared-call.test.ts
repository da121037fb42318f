/**
 * Awards asked for while one is in flight share one AwardEach call over a
 * real grpc-js server and client (shared-call.ts, server.ts eachOf), and each
 * is answered as its own call would have been: its own result, or its own
 * error with the same reason, message and details, never a neighbour's. A
 * failure of the whole call fails every item of it. The call carries the
 * newest change-version stamp every item's request had read, or none.
 */
import { context, createContextKey, ROOT_CONTEXT } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { laurelProtos, packageDefinition, type issuanceV1 } from '@laurel/protos';
import { DomainError } from '../src/errors.js';
import { ServiceClient } from '../src/grpc/client.js';
import { RequestScope, stampMetadataKey } from '../src/grpc/request-scope.js';
import { sharedEach } from '../src/grpc/shared-call.js';
import { eachOf, startGrpcServer, type RunningGrpcServer } from '../src/grpc/server.js';
import { registerPart } from './register-part.js';
import { createLogger } from '../src/logger.js';

type Issuance = issuanceV1.IssuanceDefinition;
const definition = laurelProtos().issuance.v1.Issuance.service;
const servers: RunningGrpcServer[] = [];
const clients: ServiceClient<Issuance>[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The end of this turn of the event loop: a call submitted in it is in flight, later ones wait for the next. */
const inFlight = () => new Promise((resolve) => setImmediate(resolve));

interface Seen {
  items: number;
  stamp: string | undefined;
}

/**
 * An issuance whose AwardEach answers each item by its email: `bad…` fails with a
 * ValidationError echoing it, `boom…` with a plain Error, anything else is awarded under
 * its key. `all-fail` anywhere in a call fails the whole call.
 */
async function serve(delayMs = 20): Promise<{ client: ServiceClient<Issuance>; calls: Seen[] }> {
  const calls: Seen[] = [];
  const award = async (item: issuanceV1.AwardRequest__Output): Promise<issuanceV1.AwardResponse> => {
    await sleep(delayMs);
    if (item.email.startsWith('bad'))
      throw new DomainError('ValidationError', `Could not validate ${item.email}`, [
        { field: 'email', value: item.email },
      ]);
    if (item.email.startsWith('boom')) throw new Error('a bug, with internals the caller must not see');
    return {
      result: 'AWARD_RESULT_CREATED',
      earnedBadge: { id: item.idempotencyKey.replace(/\D/g, '') || '1', uid: item.idempotencyKey },
    };
  };
  const awardEach = eachOf(award, {
    method: 'laurel.issuance.v1.Issuance/Award',
    logger: createLogger('test', 'silent'),
  });
  const server = await startGrpcServer(
    [
      registerPart('laurel.issuance.v1.Issuance', definition, {
        AwardEach: async (request, context) => {
          const [stamp] = context.metadata.get(stampMetadataKey('catalog'));
          calls.push({ items: request.items.length, stamp: typeof stamp === 'string' ? stamp : undefined });
          if (request.items.some((item) => item.email === 'all-fail'))
            throw new DomainError('PreconditionFailed', 'the whole call is refused');
          return awardEach(request, context);
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
  const client = new ServiceClient(definition, `127.0.0.1:${server.port}`, { deadlineMs: 5000 });
  clients.push(client);
  return { client, calls };
}

const request = (key: string, email = `${key}@example.org`): issuanceV1.AwardRequest => ({
  siteId: '1',
  badgeId: '2',
  email,
  channel: 'AWARD_CHANNEL_CLAIM',
  idempotencyKey: key,
});

/** A scope that has read `stamp` as the catalog's change version. */
async function scopeWith(stamp: string): Promise<RequestScope> {
  const scope = new RequestScope();
  await scope.stamp('catalog', () => Promise.resolve(stamp));
  return scope;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(servers.splice(0).map((server) => server.shutdown()));
});

describe('shared awards', () => {
  it('carry concurrent awards in fewer calls than awards, each answered with its own result', async () => {
    const { client, calls } = await serve();
    const award = sharedEach(client, 'AwardEach');
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => award(request(`key-${i + 1}`))));
    expect(answers.map((answer) => answer.earnedBadge?.uid)).toEqual(
      Array.from({ length: 30 }, (_, i) => `key-${i + 1}`),
    );
    expect(calls.reduce((sum, call) => sum + call.items, 0)).toBe(30);
    // The first goes alone at once; the rest, asked for while it was in flight, share the next call.
    expect(calls.length).toBeLessThanOrEqual(3);
  });

  it('fail only the item at fault, with the reason, message and details its own call would carry', async () => {
    const { client } = await serve();
    const award = sharedEach(client, 'AwardEach');
    const odd = 'bad-ünïcödé-\u0000-%41@example.org';
    const settled = await Promise.allSettled([
      award(request('ok-1')),
      award(request('bad-1', odd)),
      award(request('boom-1', 'boom@example.org')),
      award(request('ok-2')),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    const [, bad, boom] = settled;
    expect(bad).toMatchObject({
      reason: {
        reason: 'ValidationError',
        message: `Could not validate ${odd}`,
        details: [{ field: 'email', value: odd }],
      },
    });
    expect((bad as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
    // Internals stay in the server's log, as for a call that fails alone.
    expect(boom).toMatchObject({ reason: { reason: 'Internal', message: 'internal error' } });
    await expect(award(request('ok-3'))).resolves.toMatchObject({ result: 'AWARD_RESULT_CREATED' });
  });

  it('fail every item of a call that fails as a whole, and nothing of the next call', async () => {
    const { client, calls } = await serve();
    const award = sharedEach(client, 'AwardEach');
    const first = award(request('alone'));
    await inFlight();
    const sharing = [award(request('x-1')), award(request('all-fail', 'all-fail')), award(request('x-2'))];
    await expect(first).resolves.toMatchObject({ result: 'AWARD_RESULT_CREATED' });
    for (const item of sharing) await expect(item).rejects.toMatchObject({ reason: 'PreconditionFailed' });
    expect(calls.map((call) => call.items)).toEqual([1, 3]);
    await expect(award(request('after'))).resolves.toMatchObject({ result: 'AWARD_RESULT_CREATED' });
  });

  it('fail every item with Unavailable when issuance cannot be reached', async () => {
    const unreachable = new ServiceClient(definition, '127.0.0.1:1', { deadlineMs: 300 });
    clients.push(unreachable);
    const award = sharedEach(unreachable, 'AwardEach');
    const settled = await Promise.allSettled([award(request('u-1')), award(request('u-2')), award(request('u-3'))]);
    for (const item of settled)
      expect(item).toMatchObject({
        status: 'rejected',
        reason: { reason: expect.stringMatching(/^(Unavailable|DeadlineExceeded)$/) },
      });
  });

  it("carry the newest stamp every item's request had read, and none when one had read none", async () => {
    const { client, calls } = await serve();
    const award = sharedEach(client, 'AwardEach');
    const group = async (scopes: (RequestScope | undefined)[]) => {
      const blocker = award(request('blocker'));
      await inFlight();
      await Promise.all([blocker, ...scopes.map((scope, i) => award(request(`s-${i}`), scope))]);
      return calls.at(-1)?.stamp;
    };
    expect(await group([await scopeWith('5'), await scopeWith('12'), await scopeWith('9')])).toBe('12');
    expect(await group([await scopeWith('5'), undefined])).toBeUndefined();
    expect(await group([await scopeWith('5'), new RequestScope()])).toBeUndefined();
    const ended = await scopeWith('7');
    ended.end();
    expect(await group([ended])).toBeUndefined();
  });
});

describe('a shared call', () => {
  it("runs in its request's context when it carries one request, and in none of theirs when it carries several", async () => {
    // The context manager the SDK installs (telemetry.ts); without one every context is the root and this could not fail.
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    try {
      const { client } = await serve();
      const award = sharedEach(client, 'AwardEach');
      const key = createContextKey('request');
      const seen: unknown[] = [];
      const call = client.call.bind(client);
      client.call = (method, body, options) => {
        seen.push(context.active().getValue(key));
        return call(method, body, options);
      };
      const inRequest = (name: string) => context.with(ROOT_CONTEXT.setValue(key, name), () => award(request(name)));
      await inRequest('alone');
      const first = inRequest('first');
      await inFlight();
      await Promise.all([first, inRequest('second'), inRequest('third')]);
      expect(seen).toEqual(['alone', 'first', undefined]);
    } finally {
      context.disable();
    }
  });
});
