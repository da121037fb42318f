/**
 * Group commit: work submitted while a flush is in flight waits and goes out
 * with the rest in the next flush, and each submitter's promise settles when
 * its own flush has, with its own result. One caller alone is flushed at once
 * (no timer, so no added latency); fifty concurrent callers cost a handful of
 * flushes instead of fifty, which on a write path means one statement and one
 * commit for many requests. Nobody is answered before the flush that carries
 * their item.
 *
 * Written by hand: the libraries that batch (dataloader and the like) gather
 * per event-loop tick or per timer window, not "while the last one is in
 * flight", which is what bounds latency here.
 */
export class GroupCommit<T, R = void> {
  private queue: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  private flushing = false;

  /**
   * `flush` gets at most `maxBatch` items at a time and answers one result per
   * item, in order; if it rejects, every item in that batch rejects with it.
   */
  constructor(
    private readonly flush: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 1000,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.flushing = true;
    try {
      // The first flush waits for the end of this turn of the event loop (no timer): the items submitted in
      // the same turn go with it: the requests read from the sockets in one poll, or the items of one *Each call.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = await this.flush(batch.map((entry) => entry.item));
          if (results.length !== batch.length)
            throw new Error(`a group commit flush answered ${results.length} results for ${batch.length} items`);
          batch.forEach((entry, i) => entry.resolve(results[i] as R));
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

/** For flushes whose items need no answer beyond "done": one undefined per item. */
export function noResults(items: readonly unknown[]): void[] {
  return items.map(() => undefined);
}
