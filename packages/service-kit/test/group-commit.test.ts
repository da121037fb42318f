import { stat } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GroupCommit, noResults } from '../src/group-commit.js';

/** The end of this turn of the event loop, after which a flush submitted in it has begun. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A flush that stays open until released, recording what each flush carried. */
function gatedFlush() {
  const flushed: number[][] = [];
  const gates: (() => void)[] = [];
  const flush = async (items: number[]) => {
    flushed.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    return noResults(items);
  };
  return { flushed, flush, release: () => gates.shift()?.() };
}

describe('GroupCommit', () => {
  it('flushes a lone item in the turn of the event loop it came in, and what arrives meanwhile together in the next flush', async () => {
    const { flushed, flush, release } = gatedFlush();
    const group = new GroupCommit(flush);
    const first = group.submit(1);
    expect(flushed).toEqual([]);
    await turn();
    expect(flushed).toEqual([[1]]);
    const later = [2, 3, 4].map((n) => group.submit(n));
    await turn();
    expect(flushed).toEqual([[1]]);
    release();
    await first;
    await turn();
    expect(flushed).toEqual([[1], [2, 3, 4]]);
    release();
    await Promise.all(later);
  });

  it('flushes the items submitted in one turn together, without waiting for a timer', async () => {
    const { flushed, flush, release } = gatedFlush();
    const group = new GroupCommit(flush);
    let timerFired = false;
    const { items, flushedThen, timerFiredThen } = await new Promise<{
      items: Promise<void>[];
      flushedThen: number[][];
      timerFiredThen: boolean;
    }>((resolve) => {
      // From an I/O callback, as a request's socket read is: Node runs the immediates queued there before any timer.
      stat(fileURLToPath(import.meta.url), () => {
        setTimeout(() => (timerFired = true), 0);
        const submitted = [1, 2, 3].map((n) => group.submit(n));
        // The group's immediate was queued first, so by this one its flush has begun.
        setImmediate(() => resolve({ items: submitted, flushedThen: [...flushed], timerFiredThen: timerFired }));
      });
    });
    expect(flushedThen).toEqual([[1, 2, 3]]);
    expect(timerFiredThen).toBe(false);
    release();
    await Promise.all(items);
  });

  it('answers nobody before the flush that carries their item', async () => {
    const { flush, release } = gatedFlush();
    const group = new GroupCommit(flush);
    let settled = false;
    void group.submit(1).then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(true);
  });

  it('rejects every item of a failed flush and goes on with the next', async () => {
    let calls = 0;
    const group = new GroupCommit<number>(async (items) => {
      calls += 1;
      if (calls === 1) throw new Error('down');
      return noResults(items);
    });
    const failed = expect(group.submit(1)).rejects.toThrow('down');
    await turn();
    const next = group.submit(2);
    await failed;
    await expect(next).resolves.toBeUndefined();
  });

  it('never flushes more than maxBatch items at once', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<number>(async (items) => {
      sizes.push(items.length);
      await new Promise((resolve) => setImmediate(resolve));
      return noResults(items);
    }, 3);
    await Promise.all(Array.from({ length: 8 }, (_, n) => group.submit(n)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(8);
  });

  it('answers each item with its own result, and rejects all when a flush miscounts them', async () => {
    const doubled = new GroupCommit<number, number>(async (items) => items.map((n) => n * 2));
    expect(await Promise.all([1, 2, 3].map((n) => doubled.submit(n)))).toEqual([2, 4, 6]);
    const short = new GroupCommit<number, number>(async (items) => items.slice(1));
    await expect(short.submit(1)).rejects.toThrow('0 results for 1 items');
  });
});
