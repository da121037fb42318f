import { describe, expect, it } from 'vitest';
import { parseBadgeUrl } from '../src/domain/badge-url.js';

describe('parseBadgeUrl', () => {
  it.each([
    ['https://badges.example.org/public/badges/42', { kind: 'id', id: '42' }],
    ['/public/badges/0042?v=2_0', { kind: 'id', id: '42' }],
    ['public/badges/7/', { kind: 'id', id: '7' }],
    [
      'http://x.org//public//systems/chicago/badges/reader',
      { kind: 'path', context: { systemSlug: 'chicago' }, badgeSlug: 'reader' },
    ],
    [
      '/PUBLIC/Systems/chicago/Issuers/lib/badges/a%20b',
      { kind: 'path', context: { systemSlug: 'chicago', issuerSlug: 'lib' }, badgeSlug: 'a b' },
    ],
    [
      '/public/systems/s/issuers/i/programs/p/badges/b',
      { kind: 'path', context: { systemSlug: 's', issuerSlug: 'i', programSlug: 'p' }, badgeSlug: 'b' },
    ],
  ])('%s names a badge', (url, expected) => {
    expect(parseBadgeUrl(url)).toEqual(expected);
  });

  it.each([
    '',
    '/public/badges',
    '/public/badges/abc',
    '/public/badges/0',
    '/public/badges/99999999999999999999',
    '/systems/chicago/badges/reader',
    '/public/systems/chicago',
    '/public/systems/s/programs/p/badges/b',
    '/public/systems/s/issuers/i/badges',
    '/public/systems/s/badges/%E0%A4%A',
    '/public/systems/s/issuers/i/programs/p/x/badges/b',
  ])('%s names no badge', (url) => {
    expect(parseBadgeUrl(url)).toBeUndefined();
  });
});
