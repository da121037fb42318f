/**
 * One gRPC call shared by the requests that make the same call while the
 * previous one is in flight (group-commit.ts), each answered as its own call
 * would have been: sharedStatement's counterpart for a hop between services.
 * What a call costs whatever it carries (an HTTP/2 stream, headers and
 * trailers, the instrumentations' spans, the server's dispatch, at each end)
 * is paid once per group instead of once per request; a lone request goes in
 * the same turn of the event loop, so nothing waits when nothing else is in
 * flight.
 *
 * Traces: a call that carries one request runs in that request's context, so
 * its trace is the one a call of its own would have made. A call that carries
 * several belongs to none of them (a span has one parent): it starts a trace
 * of its own, from a span linked to each request's span, and carries each
 * request's traceparent beside its item, so that the server does each item's
 * work in that item's own trace (server.ts eachOf).
 *
 * Change-version stamps: the call carries those every request had read, the
 * newest of each (RequestScope.merged).
 */
import type * as grpc from '@grpc/grpc-js';
import { context, propagation, ROOT_CONTEXT, trace, type Context, type Link } from '@opentelemetry/api';
import { DomainError, fromItemFailure, type ItemFailure } from '../errors.js';
import { GroupCommit } from '../group-commit.js';
import { RequestScope } from './request-scope.js';
import type { ServiceClient } from './client.js';
import type { ClientResponseOf, MethodName, RequestOf } from './types.js';

/** One answer per item, in order: its result, or the error its own call would have failed with. */
export type EachAnswer<R> = { ok: R } | { failed: DomainError };

/** What a shared call knows of each item's request. */
export interface ItemOrigin {
  scope: RequestScope | undefined;
  /** The W3C traceparent of the request's active span, or '' (no span, or no propagator installed). */
  traceparent: string;
}

const tracer = trace.getTracer('@laurel/service-kit/shared-call');

function traceparentOf(ctx: Context): string {
  const carrier: { traceparent?: string } = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent ?? '';
}

/**
 * `run` makes one call for `items` and answers each; the returned function
 * submits one item, made for the request of `scope` (if any), and resolves or
 * rejects as its own call would. A failure of the whole call (unavailable,
 * past its deadline) fails every item of it, as it would have failed each alone.
 */
export function sharedCall<T, R>(
  name: string,
  run: (items: T[], scope: RequestScope, origins: ItemOrigin[]) => Promise<EachAnswer<R>[]>,
  maxItems: number,
): (item: T, scope?: RequestScope) => Promise<R> {
  const shared = new GroupCommit<{ item: T; origin: ItemOrigin; context: Context }, EachAnswer<R>>((entries) => {
    const items = entries.map((e) => e.item);
    const origins = entries.map((e) => e.origin);
    const scope = RequestScope.merged(origins.map((o) => o.scope));
    const [only] = entries;
    if (entries.length === 1 && only) return context.with(only.context, () => run(items, scope, origins));
    const links: Link[] = entries.flatMap((e) => {
      const spanContext = trace.getSpanContext(e.context);
      return spanContext ? [{ context: spanContext }] : [];
    });
    return tracer.startActiveSpan(`${name} shared by ${entries.length} requests`, { links }, ROOT_CONTEXT, (span) =>
      run(items, scope, origins).finally(() => span.end()),
    );
  }, maxItems);
  return async (item, scope) => {
    const active = context.active();
    const answer = await shared.submit({
      item,
      origin: { scope, traceparent: traceparentOf(active) },
      context: active,
    });
    if ('failed' in answer) throw answer.failed;
    return answer.ok;
  };
}

/** Items per shared call: the *Each methods take up to 1000; fewer keep one call's statements and answer small. */
const ITEMS_PER_CALL = 200;

/** The item of an *Each method M (what its single call takes). */
export type EachItemOf<M> = RequestOf<M> extends { items?: (infer I)[] | null } ? I : never;
/** What an *Each method M answers an item with (what its single call answers). */
export type EachResultOf<M> =
  ClientResponseOf<M> extends { answers: (infer A)[] } ? NonNullable<A extends { ok?: infer O } ? O : never> : never;
/** The single call of D's *Each method K, shared: an item, and the request it is made for. */
export type SharedEach<D, K extends MethodName<D>> = (
  item: EachItemOf<D[K]>,
  scope?: RequestScope,
) => Promise<EachResultOf<D[K]>>;

/**
 * `client`'s *Each method `method` (items in; one answer per item out, in
 * order, its result as `ok` or its failure as `failed`: the shape of every
 * *Each method in protos/), called as its single call, shared.
 */
export function sharedEach<D extends grpc.ServiceDefinition, K extends MethodName<D>>(
  client: ServiceClient<D>,
  method: K,
  maxItems = ITEMS_PER_CALL,
): SharedEach<D, K> {
  type Answer = { ok?: EachResultOf<D[K]> | null; failed?: ItemFailure | null };
  return sharedCall<EachItemOf<D[K]>, EachResultOf<D[K]>>(
    method,
    async (items, scope, origins) => {
      // The generated types cannot say that every *Each method has this shape; the proto comments do.
      const request = { items, traceparents: origins.map((o) => o.traceparent) } as RequestOf<D[K]>;
      const response = (await client.call(method, request, { scope })) as { answers?: Answer[] | null };
      const answers = response.answers ?? [];
      if (answers.length !== items.length)
        throw new DomainError('Internal', `${method} answered ${answers.length} of ${items.length} items`);
      return answers.map((answer): EachAnswer<EachResultOf<D[K]>> => {
        if (answer.ok) return { ok: answer.ok };
        if (answer.failed) return { failed: fromItemFailure(answer.failed) };
        return {
          failed: new DomainError('Internal', `${method} answered an item with neither a result nor a failure`),
        };
      });
    },
    maxItems,
  );
}
