import { describe, expect, it } from 'vitest';
import { partitionLag } from '../src/kafka/consumer-lag.js';

describe('partitionLag', () => {
  it('is the end offset minus the committed one, per partition', () => {
    expect(
      partitionLag(
        [
          { partition: 0, high: '10', low: '0' },
          { partition: 1, high: '5', low: '0' },
        ],
        [
          { partition: 0, offset: '7' },
          { partition: 1, offset: '5' },
        ],
      ),
    ).toEqual([
      { partition: 0, lag: 3 },
      { partition: 1, lag: 0 },
    ]);
  });

  it('counts a whole partition the group never committed on, and only what retention kept', () => {
    expect(
      partitionLag(
        [
          { partition: 0, high: '10', low: '4' },
          { partition: 1, high: '9', low: '6' },
          { partition: 2, high: '0', low: '0' },
        ],
        [
          { partition: 0, offset: '-1' },
          { partition: 1, offset: '2' },
        ],
      ),
    ).toEqual([
      { partition: 0, lag: 6 },
      { partition: 1, lag: 3 },
      { partition: 2, lag: 0 },
    ]);
  });
});
