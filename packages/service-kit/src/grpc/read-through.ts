/**
 * A service client that answers chosen read methods from memory while the
 * owner's data has not changed, and asks the owner otherwise.
 *
 * "Has not changed" is decided per call, exactly: the owning service keeps a
 * version stamp that every one of its write transactions bumps in the same
 * transaction (see badge-catalog's migration 0004), and each cached call first
 * reads that stamp. An answer is reused only when it was fetched under the
 * stamp read now, so a write answered to anybody before this call began is
 * seen by this call on every replica; no TTL, no invalidation message that
 * could arrive late. Reading one stamp costs a single-row read instead of a
 * gRPC hop plus the owner's queries, and a request reads it once on its whole
 * path: the stamp is shared by the request's later calls, here and in the
 * processes it calls (request-scope.ts says why that is exact).
 *
 * Answers are shared between callers: they must be treated as read-only.
 * Failures other than not-found are never kept.
 */
import type * as grpc from '@grpc/grpc-js';
import { isDomainError, type DomainError } from '../errors.js';
import type { CallOptions, ServiceClient } from './client.js';
import { currentRequestScope } from './request-scope.js';
import type { ClientResponseOf, MethodName, RequestOf, UnaryClient } from './types.js';

export interface ReadThroughOptions<D extends grpc.ServiceDefinition> {
  /** Methods whose answers depend only on the owner's data (and the request). */
  cached: readonly MethodName<D>[];
  /**
   * The owner's current version stamp (coalesced, see coalesced()): read once per request that carried
   * none in, again after a write the request made, and once per cached call made outside any request.
   */
  version: () => Promise<string>;
  /** Whose stamp it is (e.g. catalog): the name a request shares it under, also with the processes it calls. */
  owner: string;
  /** Answers kept at most; the oldest go first. */
  maxEntries?: number;
  /** Whether an answer is worth keeping (e.g. not a long list); all are, by default. */
  keep?: (answer: object) => boolean;
}

/** An answer, or a not-found (an answer about the owner's data too, and what hostile lookups ask for). */
type Entry = { version: string; value: unknown; notFound?: undefined } | { version: string; notFound: DomainError };

export class ReadThroughClient<D extends grpc.ServiceDefinition> implements UnaryClient<D> {
  private readonly entries = new Map<string, Entry>();
  private readonly cached: ReadonlySet<string>;
  private readonly maxEntries: number;

  constructor(
    readonly client: ServiceClient<D>,
    private readonly options: ReadThroughOptions<D>,
  ) {
    this.cached = new Set(options.cached);
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  get address(): string {
    return this.client.address;
  }

  async call<K extends MethodName<D>>(
    method: K,
    request: RequestOf<D[K]>,
    options: CallOptions = {},
  ): Promise<ClientResponseOf<D[K]>> {
    const scope = options.scope ?? currentRequestScope();
    if (!this.cached.has(method)) {
      try {
        return await this.client.call(method, request, options);
      } finally {
        // Possibly a write: the request's later reads must not reuse a stamp read before it.
        scope?.forget(this.options.owner);
      }
    }
    // The stamp is read before the answer, so an answer can only be newer than the stamp it is kept under.
    // That holds for a stamp this request read earlier or carried in too: it was read before this call began.
    const version = await (scope ? scope.stamp(this.options.owner, this.options.version) : this.options.version());
    const key = `${method}\u0000${JSON.stringify(request)}`;
    const entry = this.entries.get(key);
    if (entry?.version === version) {
      if (entry.notFound) throw entry.notFound;
      return entry.value as ClientResponseOf<D[K]>;
    }
    let value: ClientResponseOf<D[K]>;
    try {
      value = await this.client.call(method, request, options);
    } catch (error) {
      if (isDomainError(error) && error.reason === 'ResourceNotFound') this.keep(key, { version, notFound: error });
      throw error;
    }
    if (!this.options.keep || this.options.keep(value)) this.keep(key, { version, value });
    return value;
  }

  private keep(key: string, entry: Entry): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, entry);
  }

  waitForReady(timeoutMs: number): Promise<void> {
    return this.client.waitForReady(timeoutMs);
  }

  health(timeoutMs?: number): Promise<boolean> {
    return this.client.health(timeoutMs);
  }

  close(): void {
    this.client.close();
  }
}

/**
 * Shares one read among concurrent callers without ever answering a caller
 * with a read that began before it called: a caller joins the read about to
 * start (callers of the same tick share one), or else the next one, which
 * starts as soon as the read in flight finished. Under load that is one read
 * per round instead of one per caller; alone, a caller waits for nothing but
 * its own read.
 */
export function coalesced<T>(read: () => Promise<T>): () => Promise<T> {
  let state: 'idle' | 'starting' | 'reading' = 'idle';
  let waiting: { resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  const start = () => {
    state = 'reading';
    const batch = waiting;
    waiting = [];
    read()
      .then(
        (value) => batch.forEach((w) => w.resolve(value)),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        state = 'idle';
        if (waiting.length > 0) schedule();
      });
  };
  const schedule = () => {
    state = 'starting';
    queueMicrotask(start);
  };
  return () =>
    new Promise<T>((resolve, reject) => {
      waiting.push({ resolve, reject });
      if (state === 'idle') schedule();
    });
}
