import { describe, expect, it } from 'vitest';
import { DomainError } from '@laurel/service-kit';
import {
  archivedState,
  checkBadge,
  distinctValues,
  mergeBadge,
  newBadge,
  newBadgeSlug,
  withCleared,
  type BadgeData,
} from '../src/domain/badge.js';

const problemsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.details;
    throw error;
  }
  return undefined;
};

/** A stored badge's data, without its collections. */
const stored = (overrides: Partial<BadgeData> = {}): BadgeData => {
  const { criteria: _c, alignments: _a, categories: _g, tags: _t, ...data } = newBadge({ slug: 'b', name: 'Badge' });
  return { ...data, ...overrides };
};

describe('newBadge', () => {
  it('fills in the defaults: random slug, unique, active, published for BadgeKit, null for the rest', () => {
    const badge = newBadge({ name: 'Reader' });
    expect(badge.slug).toMatch(/^[0-9a-f]{32}$/);
    expect(badge).toMatchObject({
      name: 'Reader',
      unique: true,
      archived: false,
      published: true,
      origin: 'badgekit',
      strapline: null,
      type: null,
      imageId: null,
      criteria: [],
      tags: [],
    });
  });

  it('leaves badges of other families unpublished unless they say so', () => {
    expect(newBadge({ name: 'x', origin: 'kickapps' }).published).toBe(false);
    expect(newBadge({ name: 'x', origin: 'kickapps', published: true }).published).toBe(true);
  });

  it('keeps categories and tags once each, without empty values', () => {
    expect(newBadge({ name: 'x', categories: ['a', '', 'b', 'a', ' '], tags: ['t', 't'] })).toMatchObject({
      categories: ['a', 'b'],
      tags: ['t'],
    });
  });

  it('names every broken invariant', () => {
    expect(
      problemsOf(() =>
        newBadge({
          slug: 's'.repeat(256),
          name: '',
          strapline: 'x'.repeat(257),
          timeUnits: 'years',
          evidenceType: 'url',
          origin: 'elsewhere',
          criteria: [{ description: ' ', required: true, note: '' }],
          alignments: [{ name: '', url: '', description: '' }],
          tags: ['t'.repeat(256)],
        }),
      ),
    ).toEqual([
      { message: 'String is not in range', field: 'slug', value: 's'.repeat(256) },
      { field: 'name', value: '' },
      { message: 'String is not in range', field: 'strapline', value: 'x'.repeat(257) },
      { message: 'Unexpected value or invalid argument', field: 'timeUnits', value: 'years' },
      { message: 'Unexpected value or invalid argument', field: 'evidenceType', value: 'url' },
      { message: 'Unexpected value or invalid argument', field: 'origin', value: 'elsewhere' },
      { field: 'criteria[0][description]', value: '' },
      { field: 'alignments[0][name]', value: '' },
      { field: 'alignments[0][url]', value: '' },
      { message: 'String is not in range', field: 'tags', value: 't'.repeat(256) },
    ]);
  });

  it('accepts the larger of the families’ limits (a 256-character strapline)', () => {
    expect(() => checkBadge(stored({ strapline: 'x'.repeat(256) }), {})).not.toThrow();
  });
});

describe('mergeBadge', () => {
  it('overwrites only the fields given and replaces only the collections given (D-12)', () => {
    const current = stored({ strapline: 'line', type: 'skill' });
    const { data, collections } = mergeBadge(current, {
      name: 'Renamed',
      strapline: null,
      tags: ['x', 'x'],
      criteria: [],
    });
    expect(data).toEqual({ ...current, name: 'Renamed', strapline: null });
    expect(collections).toEqual({ tags: ['x'], criteria: [] });
  });

  it('never changes the origin', () => {
    expect(mergeBadge(stored(), { origin: 'import' }).data.origin).toBe('badgekit');
  });

  it('rejects a merged record that lost its name or slug', () => {
    expect(problemsOf(() => mergeBadge(stored(), withCleared({}, ['name', 'slug'])))).toEqual([
      { field: 'slug', value: '' },
      { field: 'name', value: '' },
    ]);
  });
});

describe('withCleared', () => {
  it('nulls scalars and empties collections by their proto names', () => {
    expect(withCleared({ name: 'n' }, ['strapline', 'time_value', 'image', 'tags'])).toEqual({
      name: 'n',
      strapline: null,
      timeValue: null,
      imageId: null,
      tags: [],
    });
  });

  it('refuses to clear flags or unknown fields', () => {
    expect(problemsOf(() => withCleared({}, ['unique', 'colour']))).toEqual([
      { field: 'unique', value: 'unique', message: 'Cannot be cleared' },
      { field: 'colour', value: 'colour', message: 'Cannot be cleared' },
    ]);
  });
});

describe('small rules', () => {
  it('draws slugs at random', () => {
    expect(newBadgeSlug()).not.toBe(newBadgeSlug());
  });

  it('keeps first occurrences in order', () => {
    expect(distinctValues(['b', 'a', 'b', '', 'c'])).toEqual(['b', 'a', 'c']);
  });

  it('lists active badges unless asked otherwise', () => {
    expect(
      [
        undefined,
        'ARCHIVED_FILTER_UNSPECIFIED',
        'ARCHIVED_FILTER_ACTIVE',
        'ARCHIVED_FILTER_ARCHIVED',
        'ARCHIVED_FILTER_ANY',
      ].map(archivedState),
    ).toEqual(['active', 'active', 'active', 'archived', 'any']);
  });
});
