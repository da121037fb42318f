/**
 * The import's pure rules (customer-badge-import.md §4.4–4.6): date forms and
 * their split between seconds and milliseconds, the ISO/legacy pair, ranges,
 * element checks, and the canonical body behind keyless retries.
 */
import { describe, expect, it } from 'vitest';
import { batchIdentity, canonicalJson } from '../src/families/customer-import/batch.js';
import {
  isoUtc,
  MILLIS_THRESHOLD,
  parseDateValue,
  rangeIssues,
  resolveDate,
} from '../src/families/customer-import/dates.js';
import { applyLookups, checkElement } from '../src/families/customer-import/elements.js';

const NOW = Date.parse('2026-03-02T12:00:00Z');

describe('parseDateValue', () => {
  it.each([
    [1674292011, 1674292011000],
    [1674292011.5, 1674292011500],
    ['1674292011', 1674292011000],
    [1674292011000, 1674292011000],
    ['1674292011000', 1674292011000],
    [MILLIS_THRESHOLD - 1, (MILLIS_THRESHOLD - 1) * 1000],
    [MILLIS_THRESHOLD, MILLIS_THRESHOLD],
    [0, 0],
    ['2024-10-07T15:51:00.192Z', Date.parse('2024-10-07T15:51:00.192Z')],
    ['2025-09-10T15:00:00+05:30', Date.parse('2025-09-10T09:30:00Z')],
    ['2025-09-10T15:00:00-00:30', Date.parse('2025-09-10T15:30:00Z')],
    ['2024-02-29T00:00:00.123456Z', Date.parse('2024-02-29T00:00:00.123Z')],
  ])('reads %j', (value, expected) => {
    expect(parseDateValue(value)).toBe(expected);
  });

  it.each([
    '2024-10-07T15:51:00',
    '2024-10-07',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-10-07T24:00:00Z',
    '2024-10-07 15:51:00Z',
    '2024-10-07T15:51:00+0530',
    'tomorrow',
    '',
    '12.5',
    '-5',
    true,
    {},
    [],
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ])('refuses %j', (value) => {
    expect(parseDateValue(value)).toBeUndefined();
  });
});

describe('resolveDate', () => {
  it('lets the ISO field win and warns when the two differ by more than a second', () => {
    expect(resolveDate({ a: 1674292011, aISO: '2023-01-21T09:06:51.900Z' }, 'a', 'aISO')).toEqual({
      ms: 1674292011900,
      issues: [],
    });
    expect(resolveDate({ a: 1674292011, aISO: '2023-01-21T09:06:53Z' }, 'a', 'aISO')).toEqual({
      ms: 1674292013000,
      issues: [{ kind: 'disagree', field: 'aISO' }],
    });
  });

  it('needs one of the pair and names each unreadable field', () => {
    expect(resolveDate({}, 'a', 'aISO')).toEqual({ issues: [{ kind: 'missing', field: 'a' }] });
    expect(resolveDate({ a: null }, 'a', 'aISO')).toEqual({ issues: [{ kind: 'missing', field: 'a' }] });
    expect(resolveDate({ a: 'x', aISO: 'y' }, 'a', 'aISO').issues).toEqual([
      { kind: 'unparseable', field: 'a' },
      { kind: 'unparseable', field: 'aISO' },
    ]);
    expect(resolveDate({ a: 1, aISO: 'y' }, 'a', 'aISO')).toEqual({ issues: [{ kind: 'unparseable', field: 'aISO' }] });
  });
});

describe('rangeIssues', () => {
  const day = 86_400_000;
  it('applies the event window, the expiry window and the expired warning', () => {
    expect(rangeIssues(NOW - day, NOW + day, NOW)).toEqual([]);
    expect(rangeIssues(NOW + day - 1, NOW + 2 * day, NOW)).toEqual([]);
    expect(rangeIssues(NOW + day + 1, NOW + 2 * day, NOW)).toEqual(['event-out-of-range']);
    expect(rangeIssues(-1, NOW + day, NOW)).toEqual(['event-out-of-range']);
    expect(rangeIssues(NOW - day, NOW - day, NOW)).toEqual(['expiry-out-of-range', 'expired']);
    expect(rangeIssues(NOW - 2 * day, NOW - day, NOW)).toEqual(['expired']);
    expect(rangeIssues(Date.parse('2000-01-01T00:00:00Z'), Date.parse('2100-01-01T00:00:00Z'), NOW)).toEqual([]);
    expect(rangeIssues(Date.parse('2000-01-01T00:00:00Z'), Date.parse('2100-01-01T00:00:00.001Z'), NOW)).toEqual([
      'expiry-out-of-range',
    ]);
  });

  it('prints expiries without needless milliseconds', () => {
    expect(isoUtc(1705828011000)).toBe('2024-01-21T09:06:51Z');
    expect(isoUtc(1705828011250)).toBe('2024-01-21T09:06:51.250Z');
  });
});

describe('checkElement', () => {
  const ok = { badgeMetaId: '12', customerId: 7, earnEventDate: 1674292011, earnExpiresOn: '2100-01-01T00:00:00Z' };

  it('normalises a valid element', () => {
    const checked = checkElement({ ...ok, customerId: '7' }, 3, NOW);
    expect(checked).toMatchObject({
      position: 3,
      badgeMetaId: '12',
      customerId: 7,
      badgeId: '12',
      userId: 7,
      eventMs: 1674292011000,
      errors: [],
      warnings: [],
    });
  });

  it('runs every check', () => {
    const checked = checkElement({ badgeMetaId: 'x'.repeat(65), customerId: 1.5, earnEventDate: 'soon' }, 1, NOW);
    expect(checked.errors.map((e) => [e.code, e.field])).toEqual([
      [3101, 'badgeMetaId'],
      [3102, 'customerId'],
      [3104, 'earnEventDate'],
      [3105, 'earnExpiresOn'],
    ]);
  });

  it.each([0, -1, 2 ** 53, '007x', '', null, true])('refuses customerId %j', (customerId) => {
    expect(checkElement({ ...ok, customerId }, 1, NOW).errors.map((e) => e.code)).toEqual([3102]);
  });

  it('applies the catalog and members look-ups', () => {
    const archived = checkElement(ok, 1, NOW);
    applyLookups(archived, new Map([['12', { archived: true, published: false }]]), new Set([7]));
    expect(archived.errors.map((e) => e.code)).toEqual([3109]);
    expect(archived.warnings.map((e) => e.code)).toEqual([3203]);
    const missing = checkElement(ok, 1, NOW);
    applyLookups(missing, new Map(), new Set());
    expect(missing.errors.map((e) => e.code)).toEqual([1054, 816]);
  });

  it('answers 3100 for anything but an object', () => {
    for (const value of [null, 1, 'x', [ok]])
      expect(checkElement(value, 1, NOW).errors.map((e) => e.code)).toEqual([3100]);
  });
});

describe('batch identity', () => {
  it('hashes the canonical body, so key order and spacing do not matter', () => {
    expect(canonicalJson([{ b: 1, a: [{ d: null, c: 'x' }] }])).toBe('[{"a":[{"c":"x","d":null}],"b":1}]');
    const a = batchIdentity('consumer', JSON.parse('[{"a":1,"b":2}]'), undefined);
    const b = batchIdentity('consumer', JSON.parse('[ {"b":2, "a":1} ]'), undefined);
    expect(a.batchKey).toBe(b.batchKey);
    expect(a.requestHash).toBe(b.requestHash);
    expect(a.batchId).toMatch(/^[0-9a-f]{32}$/);
    expect(batchIdentity('other', [{ a: 1, b: 2 }], undefined).batchKey).not.toBe(a.batchKey);
    expect(batchIdentity('consumer', [{ a: 1 }], 'k-1')).toMatchObject({ batchKey: 'key:k-1', batchId: 'k-1' });
  });
});
