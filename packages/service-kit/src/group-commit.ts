/**
 * Group commit: work submitted while a flush is in flight waits and goes out
 * with the rest in the next flush, and each submitter's promise settles when
 * its own flush has. One caller alone is flushed at once (no timer, so no
 * added latency); fifty concurrent callers cost a handful of flushes instead
 * of fifty, which on a write path means one statement and one commit for many
 * requests. Nobody is answered before the flush that carries their item.
 *
 * Written by hand: the libraries that batch (dataloader and the like) gather
 * per event-loop tick or per timer window, not "while the last one is in
 * flight", which is what bounds latency here.
 */
export class GroupCommit<T> {
  private queue: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing = false;

  /** `flush` gets at most `maxBatch` items at a time; if it rejects, every item in that batch rejects with it. */
  constructor(private readonly flush: (items: T[]) => Promise<void>, private readonly maxBatch = 1000) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await this.flush(batch.map((entry) => entry.item));
          for (const entry of batch) entry.resolve();
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
