import { describe, expect, it } from 'vitest';
import { milestoneAwardKey, reachedMilestones, retryDelayMs, startsMilestoneCheck } from '../src/domain/milestones.js';

const milestone = (id: string, numberRequired: number, primaryBadgeId: string, supportBadgeIds: string[]) => ({
  id,
  numberRequired,
  primaryBadgeId,
  supportBadgeIds,
});

describe('reachedMilestones', () => {
  const m = milestone('1', 2, 'p', ['a', 'b', 'c']);

  it('counts distinct held support badges against numberRequired', () => {
    expect(reachedMilestones([m], new Set(['a']))).toEqual([]);
    expect(reachedMilestones([m], new Set(['a', 'c']))).toEqual([m]);
    expect(reachedMilestones([milestone('2', 2, 'p', ['a', 'a'])], new Set(['a']))).toEqual([]);
  });

  it('skips milestones whose primary badge is held', () => {
    expect(reachedMilestones([m], new Set(['a', 'b', 'p']))).toEqual([]);
  });

  it('needs at least one support badge even with a threshold of 0', () => {
    expect(reachedMilestones([milestone('3', 0, 'p', ['a'])], new Set())).toEqual([]);
    expect(reachedMilestones([milestone('3', 0, 'p', ['a'])], new Set(['a']))).toHaveLength(1);
  });
});

describe('startsMilestoneCheck', () => {
  it('follows direct awards to an email only, never a milestone award', () => {
    expect(
      startsMilestoneCheck({
        channel: 'AWARD_CHANNEL_DIRECT',
        idempotencyKey: 'direct:1:a@example.org',
        email: 'a@example.org',
      }),
    ).toBe(true);
    expect(
      startsMilestoneCheck({
        channel: 'AWARD_CHANNEL_DIRECT',
        idempotencyKey: milestoneAwardKey('4', 'A@example.org'),
        email: 'a@example.org',
      }),
    ).toBe(false);
    expect(
      startsMilestoneCheck({
        channel: 'AWARD_CHANNEL_CLAIM',
        idempotencyKey: 'claim:1:a@example.org',
        email: 'a@example.org',
      }),
    ).toBe(false);
    expect(startsMilestoneCheck({ channel: 'AWARD_CHANNEL_DIRECT', idempotencyKey: 'direct:1:', email: '' })).toBe(
      false,
    );
  });

  it('keys milestone awards by milestone and lowercased email', () => {
    expect(milestoneAwardKey('4', 'A@Example.org')).toBe('milestone:4:a@example.org');
  });
});

describe('retryDelayMs', () => {
  it('doubles from one second up to ten minutes', () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([1000, 2000, 4000]);
    expect(retryDelayMs(30)).toBe(600_000);
  });
});
