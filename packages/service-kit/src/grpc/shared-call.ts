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
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import type { DomainError } from '../errors.js';
import { GroupCommit } from '../group-commit.js';
import { RequestScope } from './request-scope.js';

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
