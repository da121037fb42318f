import { describe, expect, it } from 'vitest';
import { passes, readPaging, validate } from '../src/badgekit-format/validation.js';
import { normalizePath } from '../src/http/request-context.js';

describe('BadgeKit field rules (§2.5)', () => {
  it.each([
    ['www.example.org', true],
    ['http://example.org/path?q=1', true],
    ['ftp://user:pw@files.example.com:21/x', true],
    ['http://localhost:8080', true],
    ['http://127.0.0.1', true],
    ['example', false],
    ['mailto:a@b.org', false],
    ['data:image/png;base64,AAAA', false],
    ['http://exa mple.org', false],
    ['gopher://example.org', false],
  ])('url %s -> %s', (value, expected) => {
    expect(passes({ kind: 'url' }, value)).toBe(expected);
  });

  it.each([
    ['a@b.org', true],
    ['first.last+tag@sub.example.co', true],
    ['a@[127.0.0.1]', true],
    ['nope', false],
    ['a@b', false],
  ])('email %s -> %s', (value, expected) => {
    expect(passes({ kind: 'email' }, value)).toBe(expected);
  });

  it.each([
    ['5', true],
    ['-12', true],
    ['0', true],
    ['05', false],
    ['5.0', false],
    [' 5', false],
  ])('integer %s -> %s', (value, expected) => {
    expect(passes({ kind: 'integer' }, value)).toBe(expected);
  });

  it('reports missing required fields without a message and falsy values as ""', () => {
    const rules = [
      { field: 'name', required: true, rules: [{ kind: 'length' as const, min: 1, max: 3 }] },
      { field: 'email', required: false, rules: [{ kind: 'email' as const }] },
      { field: 'count', required: false, rules: [{ kind: 'integer' as const }] },
    ];
    expect(validate({ email: '', count: 'x' }, rules)).toEqual([
      { field: 'name', value: '' },
      { message: 'Invalid email', field: 'email', value: '' },
      { message: 'Invalid integer', field: 'count', value: 'x' },
    ]);
    expect(validate({ name: 'long' }, rules)).toEqual([
      { message: 'String is not in range', field: 'name', value: 'long' },
    ]);
    expect(validate({}, rules, { partial: true })).toEqual([]);
    expect(validate({ name: '' }, rules, { partial: true })).toEqual([{ field: 'name', value: '' }]);
  });

  it('stringifies values before checking, as the original did', () => {
    expect(validate({ count: 5 }, [{ field: 'count', required: true, rules: [{ kind: 'integer' }] }])).toEqual([]);
  });
});

describe('paging and paths', () => {
  it('pages only when both page and count are positive, reading leading digits', () => {
    expect(readPaging({ page: '2x', count: '10' })).toEqual({ page: 2, count: 10 });
    expect(readPaging({ page: '0', count: '10' })).toBeUndefined();
    expect(readPaging({ page: '1' })).toBeUndefined();
  });

  it.each([
    ['/', '/'],
    ['//systems//x/', '/systems/x'],
    ['/systems/?a=1', '/systems?a=1'],
    ['/systems?path=//x/', '/systems?path=//x/'],
  ])('normalizes %s to %s', (input, expected) => {
    expect(normalizePath(input)).toBe(expected);
  });
});

describe('log redaction', () => {
  it('hides login tokens in v2 paths and token-like parameters', async () => {
    const { redactUrl } = await import('../src/http/request-context.js');
    expect(redactUrl('/api/v2/Outcome/secret-token-value/Quiz')).toBe('/api/v2/Outcome/***/Quiz');
    expect(redactUrl('/api/v2/Badges/abc?x=1')).toBe('/api/v2/Badges/***?x=1');
    expect(redactUrl('/rest/badge/list/7?t=tok&location=home&developerKey=k')).toBe(
      '/rest/badge/list/7?t=***&location=home&developerKey=***',
    );
    expect(redactUrl('/systems/chicago?page=1')).toBe('/systems/chicago?page=1');
  });
});
