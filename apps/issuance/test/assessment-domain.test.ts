/**
 * The pure rules of assessment: the `review` webhook's `approved` (§14.4,
 * with BadgeKit's loose reading of `satisfied` as sent), generated slugs, and
 * how a submitted list replaces a parent's items with D-18 fixed.
 */
import { describe, expect, it } from 'vitest';
import { countsAsSatisfied, isApproved, looselyEqualsOne, newAssessmentSlug } from '../src/domain/assessment.js';
import { planItems } from '../src/domain/assessment-items.js';

const sent = (criterionId: string, satisfiedAsSent: string, satisfied = true) => ({
  criterionId,
  satisfied,
  satisfiedAsSent,
});

describe('looselyEqualsOne (JavaScript `value == 1`)', () => {
  it.each([
    [1, true],
    ['1', true],
    [true, true],
    [' 1', true],
    ['01', true],
    ['true', false],
    [0, false],
    ['0', false],
    [false, false],
    ['false', false],
    [2, false],
    [null, false],
    [undefined, false],
    ['', false],
  ] as const)('%j → %s', (value, expected) => {
    expect(looselyEqualsOne(value)).toBe(expected);
  });
});

describe('countsAsSatisfied', () => {
  it('reads satisfied as it was sent, as JSON text', () => {
    expect(countsAsSatisfied({ satisfied: true, satisfiedAsSent: '1' })).toBe(true);
    expect(countsAsSatisfied({ satisfied: true, satisfiedAsSent: '"1"' })).toBe(true);
    expect(countsAsSatisfied({ satisfied: true, satisfiedAsSent: 'true' })).toBe(true);
    // Stored as satisfied (D-15), yet the original's rule does not count the string "true".
    expect(countsAsSatisfied({ satisfied: true, satisfiedAsSent: '"true"' })).toBe(false);
    expect(countsAsSatisfied({ satisfied: false, satisfiedAsSent: '0' })).toBe(false);
  });

  it('falls back to the stored flag when the sent value is unknown', () => {
    expect(countsAsSatisfied({ satisfied: true })).toBe(true);
    expect(countsAsSatisfied({ satisfied: false, satisfiedAsSent: null })).toBe(false);
  });
});

describe('isApproved', () => {
  it('approves when every required criterion is among the satisfied items', () => {
    expect(isApproved(['1', '2'], [sent('1', '1'), sent('2', '"1"'), sent('3', '0', false)])).toBe(true);
    expect(isApproved(['1', '2'], [sent('1', 'true'), sent('2', 'true')])).toBe(true);
  });

  it('does not approve when a required criterion is missing or not satisfied', () => {
    expect(isApproved(['1', '2'], [sent('1', '1')])).toBe(false);
    expect(isApproved(['1', '2'], [sent('1', '1'), sent('2', '0', false)])).toBe(false);
    expect(isApproved(['1'], [sent('1', '"true"')])).toBe(false);
    expect(isApproved(['1'], [])).toBe(false);
  });

  it('approves any review of a badge without required criteria, even one without items', () => {
    expect(isApproved([], [])).toBe(true);
    expect(isApproved([], [sent('9', '0', false)])).toBe(true);
  });

  it('ignores items for criteria that are not required', () => {
    expect(isApproved(['4'], [sent('4', '1'), sent('5', '0', false)])).toBe(true);
  });

  it('reads criterion ids as integers', () => {
    expect(isApproved(['7'], [sent('07', '1')])).toBe(true);
  });
});

describe('newAssessmentSlug', () => {
  it('is 32 lowercase hex characters, different each time', () => {
    const slugs = new Set(Array.from({ length: 100 }, newAssessmentSlug));
    expect(slugs.size).toBe(100);
    for (const slug of slugs) expect(slug).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('planItems (D-18)', () => {
  it('updates the parent’s own items in place, inserts the rest and deletes what is no longer named', () => {
    const plan = planItems(['10', '11', '12'], [{ id: '11', v: 'b' }, { v: 'new' }, { id: '99', v: 'foreign' }]);
    expect(plan.updates).toEqual([{ id: '11', v: 'b' }]);
    expect(plan.inserts).toEqual([{ v: 'new' }, { v: 'foreign' }]);
    expect(plan.deletes).toEqual(['10', '12']);
  });

  it('updates an id named twice once; the repeat becomes a new item', () => {
    const plan = planItems(
      ['10'],
      [
        { id: '10', v: 'a' },
        { id: '10', v: 'b' },
      ],
    );
    expect(plan.updates).toEqual([{ id: '10', v: 'a' }]);
    expect(plan.inserts).toEqual([{ v: 'b' }]);
    expect(plan.deletes).toEqual([]);
  });

  it('clears every item for an empty list', () => {
    expect(planItems(['1', '2'], [])).toEqual({ updates: [], inserts: [], deletes: ['1', '2'] });
  });
});
