import { describe, expect, it } from 'vitest';
import {
  checkBulkBody,
  checkInstanceBody,
  directAwardKey,
  readInstanceTime,
} from '../src/families/badgekit/instances/instance-input.js';

describe('readInstanceTime (D-14)', () => {
  it('reads Unix seconds, Unix milliseconds and ISO 8601', () => {
    expect(readInstanceTime(1400094712)).toBe('2014-05-14T19:11:52.000Z');
    expect(readInstanceTime('1400094712')).toBe('2014-05-14T19:11:52.000Z');
    expect(readInstanceTime(1400094712345)).toBe('2014-05-14T19:11:52.345Z');
    expect(readInstanceTime('2014-10-29')).toBe('2014-10-29T00:00:00.000Z');
    expect(readInstanceTime('2014-10-29T10:00:00+02:00')).toBe('2014-10-29T08:00:00.000Z');
  });

  it('treats absent and empty as no value, and garbage as unreadable', () => {
    expect(readInstanceTime(undefined)).toBeUndefined();
    expect(readInstanceTime(null)).toBeUndefined();
    expect(readInstanceTime(' ')).toBeUndefined();
    expect(readInstanceTime('soon')).toBeNull();
  });
});

describe('checkInstanceBody', () => {
  it('reads the fields and reports problems in BadgeKit terms', () => {
    expect(checkInstanceBody({ email: 'a@example.org', slug: 's', claimCode: 'c', comment: 'hi', expires: 1 })).toEqual(
      {
        input: {
          email: 'a@example.org',
          slug: 's',
          claimCode: 'c',
          comment: 'hi',
          expires: '1970-01-01T00:00:01.000Z',
        },
        problems: [],
      },
    );
    expect(checkInstanceBody({ issuedOn: 'x' }).problems).toEqual([
      { field: 'email', value: '' },
      { message: 'Not a date', field: 'issuedOn', value: 'x' },
    ]);
  });
});

describe('checkBulkBody', () => {
  it('flags a non-array and reports each bad email', () => {
    expect(checkBulkBody({ emails: 'a@example.org' }).notArray).toBe(true);
    expect(checkBulkBody({}).notArray).toBe(true);
    expect(checkBulkBody({ emails: ['a@example.org', 'bad', ''] }).problems).toEqual([
      { message: 'Invalid email', field: 'email', value: 'bad' },
      { field: 'email', value: '' },
    ]);
  });
});

it('keys direct awards by badge and lowercased email', () => {
  expect(directAwardKey('7', 'A@Example.org')).toBe('direct:7:a@example.org');
});
