/**
 * What one request shares among every call made while serving it, in this
 * process and downstream: the owners' change-version stamps that read-through
 * clients (read-through.ts) checked their answers against. The first process
 * on a request's path that reads an owner's stamp records it here; later
 * cached calls of the same request reuse it, and every gRPC call made for the
 * request carries it (`laurel-<owner>-version` metadata), so that the next
 * process reuses it instead of reading its own. On an award that is one
 * change-version read for the gateway and issuance together instead of one
 * each (a PostgreSQL round trip each).
 *
 * Why a carried stamp is as good as a local read: it was read after the
 * request began, so it covers every owner write answered to anybody before
 * the request began, which is all a read made anywhere later on the request's
 * path promises too (a write answered meanwhile is concurrent with the
 * request, and either order is a correct answer). Two things would break
 * that, and are excluded here: a write the request itself asked for (so a
 * write through a read-through client forgets the stamp: later reads must see
 * it), and a stamp outliving its request (a scope ends when its request is
 * answered; an ended scope neither gives nor keeps stamps). Only the gateway
 * asks for catalog writes; a process that wrote an owner's data on behalf of
 * a request it was called for could not make its caller forget, so such a
 * write would have to stay out of request paths that read the owner after it.
 *
 * Only Laurel's own processes set the metadata: the gateway builds every
 * call's metadata itself and never copies an HTTP header into it, so a
 * client cannot send a stamp. A value that is not a stamp is ignored (the
 * callee reads its own).
 *
 * gRPC handlers run in their call's scope (server.ts, through
 * AsyncLocalStorage), so no handler has to pass it on; the gateway passes its
 * request's scope in CallOptions (callOptions(req)). Work outside any request
 * (consumers, sweeps) has no scope and reads its own stamps.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type * as grpc from '@grpc/grpc-js';

/** What change_version() answers: a bigint as text. Anything else in metadata is not trusted. */
const STAMP = /^\d{1,20}$/;
const OWNER = /^[a-z_][a-z0-9_]*$/;
const STAMP_KEY = /^laurel-([a-z_][a-z0-9_]*)-version$/;

/** The metadata key carrying `owner`'s stamp, e.g. laurel-catalog-version. */
export function stampMetadataKey(owner: string): string {
  if (!OWNER.test(owner)) throw new Error(`not an owner name: ${owner}`);
  return `laurel-${owner}-version`;
}

interface Stamp {
  /** Shared by the request's concurrent calls, so that they wait for one read instead of each making its own. */
  read: Promise<string>;
  /** Once known; only known stamps travel (a call does not wait for a read to pass it on). */
  value?: string;
}

export class RequestScope {
  private readonly stamps = new Map<string, Stamp>();
  private ended = false;

  /** The scope of a gRPC call received with `metadata`: the stamps its caller carried, if well-formed. */
  static fromMetadata(metadata: grpc.Metadata): RequestScope {
    const scope = new RequestScope();
    for (const [key, value] of Object.entries(metadata.getMap())) {
      const owner = STAMP_KEY.exec(key)?.[1];
      // getMap keeps the first of repeated values; a repeated key is no caller of ours, so it is not trusted either.
      if (owner === undefined || typeof value !== 'string' || !STAMP.test(value) || metadata.get(key).length !== 1)
        continue;
      scope.stamps.set(owner, { read: Promise.resolve(value), value });
    }
    return scope;
  }

  /**
   * The scope of one call made for several requests at once (shared-call.ts):
   * for each owner every one of them knows a stamp of, the newest of those
   * stamps. Each was read after its own request began, so the newest was read
   * after every one of them began, and serves them all; an owner some request
   * has no known stamp of is read by the callee itself.
   */
  static merged(scopes: readonly (RequestScope | undefined)[]): RequestScope {
    const merged = new RequestScope();
    const [first, ...rest] = scopes;
    if (!first || first.ended) return merged;
    for (const [owner, { value }] of first.stamps) {
      let newest = value === undefined ? undefined : BigInt(value);
      for (const scope of rest) {
        const other = scope && !scope.ended ? scope.stamps.get(owner)?.value : undefined;
        newest =
          other === undefined || newest === undefined ? undefined : BigInt(other) > newest ? BigInt(other) : newest;
      }
      if (newest !== undefined)
        merged.stamps.set(owner, { read: Promise.resolve(String(newest)), value: String(newest) });
    }
    return merged;
  }

  /**
   * `owner`'s stamp for this request: the one carried in or read earlier in
   * it, or else what `read` answers, which the rest of the request then
   * shares. `read` must begin its read when called (after the request began).
   */
  stamp(owner: string, read: () => Promise<string>): Promise<string> {
    if (this.ended) return read();
    const known = this.stamps.get(owner);
    if (known) return known.read;
    const stamp: Stamp = { read: read() };
    this.stamps.set(owner, stamp);
    void stamp.read.then(
      (value) => (stamp.value = value),
      // A failed read fails the calls that shared it; the next call of the request reads again.
      () => this.stamps.get(owner) === stamp && this.stamps.delete(owner),
    );
    return stamp.read;
  }

  /**
   * Drops `owner`'s stamp, called once a write to the owner asked for by
   * this request has answered (or failed, which may still have committed):
   * the stamp was read before the write, and the request's later reads, here
   * and downstream, must see it. A read still in flight then is dropped with it.
   */
  forget(owner: string): void {
    this.stamps.delete(owner);
  }

  /** Puts the known stamps into a call's outgoing metadata. */
  addTo(metadata: grpc.Metadata): void {
    if (this.ended) return;
    for (const [owner, { value }] of this.stamps) if (value !== undefined) metadata.set(stampMetadataKey(owner), value);
  }

  /** The request was answered: whatever still runs on its behalf reads its own stamps. */
  end(): void {
    this.ended = true;
    this.stamps.clear();
  }
}

const current = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (and everything it starts) in `scope`; server.ts runs each call's handler so. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return current.run(scope, fn);
}

/** The scope of the gRPC call being served, if any. */
export function currentRequestScope(): RequestScope | undefined {
  return current.getStore();
}
