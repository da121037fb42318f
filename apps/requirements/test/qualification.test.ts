import { describe, expect, it } from 'vitest';
import {
  distinctBadges,
  distinctMembers,
  meetsQuantity,
  qualifiedCandidates,
  type Candidate,
  type MemberCount,
  type PublishedRequirement,
} from '../src/domain/qualification.js';

const candidate = (badgeId: string, userId = '10', siteId = '1'): Candidate => ({ siteId, userId, badgeId });
const requirement = (
  badgeId: string,
  actionId: string,
  quantity: string,
  location = 'forum',
): PublishedRequirement => ({ badgeId, actionId, location, quantity });
const count = (actionId: string, value: string, userId = '10', location = 'forum', siteId = '1'): MemberCount => ({
  siteId,
  userId,
  actionId,
  location,
  count: value,
});

describe('meetsQuantity', () => {
  it('is met at and above the quantity, not below', () => {
    expect(meetsQuantity(3n, '3')).toBe(true);
    expect(meetsQuantity(4n, '3')).toBe(true);
    expect(meetsQuantity(2n, '3')).toBe(false);
  });
});

describe('qualifiedCandidates', () => {
  it('qualifies a member whose counts meet every requirement of the badge', () => {
    const requirements = [requirement('100', '1', '2'), requirement('100', '2', '1')];
    expect(qualifiedCandidates([candidate('100')], requirements, [count('1', '2'), count('2', '5')])).toEqual([
      candidate('100'),
    ]);
  });

  it('does not qualify a member missing one requirement', () => {
    const requirements = [requirement('100', '1', '2'), requirement('100', '2', '1')];
    expect(qualifiedCandidates([candidate('100')], requirements, [count('1', '2')])).toEqual([]);
    expect(qualifiedCandidates([candidate('100')], requirements, [count('1', '1'), count('2', '1')])).toEqual([]);
  });

  it('never qualifies for a badge without published requirements', () => {
    expect(qualifiedCandidates([candidate('100')], [requirement('200', '1', '1')], [count('1', '9')])).toEqual([]);
  });

  it('counts only the same location and the same member', () => {
    const requirements = [requirement('100', '1', '1', 'forum')];
    expect(qualifiedCandidates([candidate('100')], requirements, [count('1', '5', '10', 'blog')])).toEqual([]);
    expect(qualifiedCandidates([candidate('100')], requirements, [count('1', '5', '11')])).toEqual([]);
    expect(qualifiedCandidates([candidate('100')], requirements, [count('1', '5', '10', 'forum', '2')])).toEqual([]);
  });

  it('compares counts beyond the safe integer range exactly', () => {
    const requirements = [requirement('100', '1', '9007199254740993')];
    expect(qualifiedCandidates([candidate('100')], requirements, [count('1', '9007199254740992')])).toEqual([]);
    expect(qualifiedCandidates([candidate('100')], requirements, [count('1', '9007199254740993')])).toEqual([
      candidate('100'),
    ]);
  });

  it('judges each candidate on its own badge', () => {
    const requirements = [requirement('100', '1', '1'), requirement('200', '1', '5')];
    expect(qualifiedCandidates([candidate('100'), candidate('200')], requirements, [count('1', '3')])).toEqual([
      candidate('100'),
    ]);
  });
});

describe('distinctMembers and distinctBadges', () => {
  it('lists each member and each badge once, in first-seen order', () => {
    const candidates = [
      candidate('100', '10'),
      candidate('200', '10'),
      candidate('100', '11'),
      candidate('100', '10', '2'),
    ];
    expect(distinctMembers(candidates)).toEqual([
      { siteId: '1', userId: '10' },
      { siteId: '1', userId: '11' },
      { siteId: '2', userId: '10' },
    ]);
    expect(distinctBadges(candidates)).toEqual(['100', '200']);
  });
});
