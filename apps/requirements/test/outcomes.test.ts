import { describe, expect, it } from 'vitest';
import { actionKey, aggregateIncrements, locationOf, outcomeQuantity, type Outcome } from '../src/domain/outcomes.js';

const outcome = (over: Partial<Outcome> = {}): Outcome => ({
  siteId: '1',
  memberId: '10',
  action: 'Post',
  location: 'forum',
  quantity: '1',
  ...over,
});

describe('actionKey', () => {
  it('matches names ignoring case and surrounding spaces', () => {
    expect(actionKey('  Post Comment ')).toBe('post comment');
    expect(actionKey('POST')).toBe(actionKey('post'));
  });

  it('keeps inner spaces, so different names stay different', () => {
    expect(actionKey('post  comment')).not.toBe(actionKey('post comment'));
  });

  it('gives the empty key for a blank name', () => {
    expect(actionKey('   ')).toBe('');
  });
});

describe('outcomeQuantity', () => {
  it('counts a quantity of 0 (the proto default) and an empty one once', () => {
    expect(outcomeQuantity('0')).toBe(1n);
    expect(outcomeQuantity('')).toBe(1n);
  });

  it('keeps a positive quantity as it is, beyond the safe integer range too', () => {
    expect(outcomeQuantity('1')).toBe(1n);
    expect(outcomeQuantity('7')).toBe(7n);
    expect(outcomeQuantity('9007199254740993')).toBe(9007199254740993n);
  });

  it('refuses a negative quantity', () => {
    expect(outcomeQuantity('-1')).toBeUndefined();
    expect(outcomeQuantity('-100')).toBeUndefined();
  });

  it('throws on a quantity that is not an integer', () => {
    expect(() => outcomeQuantity('abc')).toThrow();
    expect(() => outcomeQuantity('1.5')).toThrow();
  });
});

describe('locationOf', () => {
  it('uses the outcome location, trimmed', () => {
    expect(locationOf({ location: ' forum ' }, 'default')).toBe('forum');
  });

  it('falls back to the default location when the location is empty or blank', () => {
    expect(locationOf({ location: '' }, 'default')).toBe('default');
    expect(locationOf({ location: '   ' }, 'default')).toBe('default');
  });
});

describe('aggregateIncrements', () => {
  it('returns nothing for no outcomes', () => {
    expect(aggregateIncrements([], 'default')).toEqual([]);
  });

  it('turns one outcome into one increment', () => {
    expect(aggregateIncrements([outcome({ quantity: '3' })], 'default')).toEqual([
      { siteId: '1', memberId: '10', actionKey: 'post', location: 'forum', amount: 3n },
    ]);
  });

  it('adds up outcomes of one member for one action and location, matching action names ignoring case', () => {
    const increments = aggregateIncrements(
      [
        outcome({ action: 'Post', quantity: '2' }),
        outcome({ action: ' post ', quantity: '0' }),
        outcome({ action: 'POST', quantity: '5' }),
      ],
      'default',
    );
    expect(increments).toEqual([{ siteId: '1', memberId: '10', actionKey: 'post', location: 'forum', amount: 8n }]);
  });

  it('keeps members, sites, actions and locations apart, in first-seen order', () => {
    const increments = aggregateIncrements(
      [
        outcome({ memberId: '11' }),
        outcome({ siteId: '2' }),
        outcome({ action: 'Like' }),
        outcome({ location: 'blog' }),
        outcome(),
        outcome({ memberId: '11', quantity: '4' }),
      ],
      'default',
    );
    expect(increments.map((i) => [i.siteId, i.memberId, i.actionKey, i.location, i.amount])).toEqual([
      ['1', '11', 'post', 'forum', 5n],
      ['2', '10', 'post', 'forum', 1n],
      ['1', '10', 'like', 'forum', 1n],
      ['1', '10', 'post', 'blog', 1n],
      ['1', '10', 'post', 'forum', 1n],
    ]);
  });

  it('puts outcomes without a location in the default location, together with outcomes naming it', () => {
    const increments = aggregateIncrements([outcome({ location: '' }), outcome({ location: ' default ' })], 'default');
    expect(increments).toEqual([{ siteId: '1', memberId: '10', actionKey: 'post', location: 'default', amount: 2n }]);
  });

  it('adds nothing for a negative quantity', () => {
    const increments = aggregateIncrements([outcome({ quantity: '2' }), outcome({ quantity: '-5' })], 'default');
    expect(increments).toEqual([{ siteId: '1', memberId: '10', actionKey: 'post', location: 'forum', amount: 2n }]);
    expect(aggregateIncrements([outcome({ quantity: '-5' })], 'default')[0]?.amount).toBe(0n);
  });

  it('does not confuse keys whose parts would join to the same text', () => {
    const increments = aggregateIncrements(
      [outcome({ action: 'a:b', location: 'c' }), outcome({ action: 'a', location: 'b:c' })],
      'default',
    );
    expect(increments).toHaveLength(2);
  });
});
