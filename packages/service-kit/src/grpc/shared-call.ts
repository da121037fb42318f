/**
 * One gRPC call shared by the requests that make the same call while the
 * previous one is in flight (group-commit.ts), each answered as its own call
 * would have been: sharedStatement's counterpart for a hop between services.
 * What a call costs whatever it carries (an HTTP/2 stream, headers and
 * trailers, the instrumentations' spans, the server's dispatch, at each end)
 * is paid once per group instead of once per request; a lone request goes at
 * once, so nothing waits when nothing else is in flight.
 *
 * The shared call serves several requests, so it carries none's own context:
 * it starts a trace of its own (a span belongs to one trace), and the
 * change-version stamps it carries are those every request had read, the
 * newest of each (RequestScope.merged).
 */
import type * as grpc from '@grpc/grpc-js';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { DomainError, fromItemFailure, type ItemFailure } from '../errors.js';
import { GroupCommit } from '../group-commit.js';
import { RequestScope } from './request-scope.js';
import type { ServiceClient } from './client.js';
import type { ClientResponseOf, MethodName, RequestOf } from './types.js';

/** One answer per item, in order: its result, or the error its own call would have failed with. */
export type EachAnswer<R> = { ok: R } | { failed: DomainError };

/**
 * `run` makes one call for `items` in `scope` and answers each; the returned
 * function submits one item, made for the request of `scope` (if any), and
 * resolves or rejects as its own call would. A failure of the whole call
 * (unavailable, past its deadline) fails every item of it, as it would have
 * failed each alone.
 */
export function sharedCall<T, R>(run: (items: T[], scope: RequestScope) => Promise<EachAnswer<R>[]>, maxItems: number): (item: T, scope?: RequestScope) => Promise<R> {
  const shared = new GroupCommit<{ item: T; scope: RequestScope | undefined }, EachAnswer<R>>(
    (entries) => context.with(ROOT_CONTEXT, () => run(entries.map((e) => e.item), RequestScope.merged(entries.map((e) => e.scope)))),
    maxItems,
  );
  return async (item, scope) => {
    const answer = await shared.submit({ item, scope });
    if ('failed' in answer) throw answer.failed;
    return answer.ok;
  };
}

/** Items per shared call: the *Each methods take up to 1000; fewer keep one call's statements and answer small. */
const ITEMS_PER_CALL = 200;

/** The item of an *Each method M (what its single call takes). */
export type EachItemOf<M> = RequestOf<M> extends { items?: (infer I)[] | null } ? I : never;
/** What an *Each method M answers an item with (what its single call answers). */
export type EachResultOf<M> = ClientResponseOf<M> extends { answers: (infer A)[] } ? NonNullable<A extends { ok?: infer O } ? O : never> : never;
/** The single call of D's *Each method K, shared: an item, and the request it is made for. */
export type SharedEach<D, K extends MethodName<D>> = (item: EachItemOf<D[K]>, scope?: RequestScope) => Promise<EachResultOf<D[K]>>;

/**
 * `client`'s *Each method `method` (items in; one answer per item out, in
 * order, its result as `ok` or its failure as `failed`: the shape of every
 * *Each method in protos/), called as its single call, shared.
 */
export function sharedEach<D extends grpc.ServiceDefinition, K extends MethodName<D>>(client: ServiceClient<D>, method: K, maxItems = ITEMS_PER_CALL): SharedEach<D, K> {
  type Answer = { ok?: EachResultOf<D[K]> | null; failed?: ItemFailure | null };
  return sharedCall<EachItemOf<D[K]>, EachResultOf<D[K]>>(async (items, scope) => {
    // The generated types cannot say that every *Each method has this shape; the proto comments do.
    const response = (await client.call(method, { items } as RequestOf<D[K]>, { scope })) as { answers?: Answer[] | null };
    const answers = response.answers ?? [];
    if (answers.length !== items.length) throw new DomainError('Internal', `${method} answered ${answers.length} of ${items.length} items`);
    return answers.map((answer): EachAnswer<EachResultOf<D[K]>> => {
      if (answer.ok) return { ok: answer.ok };
      if (answer.failed) return { failed: fromItemFailure(answer.failed) };
      return { failed: new DomainError('Internal', `${method} answered an item with neither a result nor a failure`) };
    });
  }, maxItems);
}
