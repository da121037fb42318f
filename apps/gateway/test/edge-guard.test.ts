/**
 * The edge's pure checks: which URLs and JSON texts are refused, which family
 * a path belongs to, and how each family words an edge problem.
 */
import { describe, expect, it } from 'vitest';
import { BadgeKitError } from '../src/badgekit-format/errors.js';
import { EdgeProblem, fromTransportError } from '../src/http/edge-problem.js';
import { familyOfPath, renderEdgeProblem } from '../src/http/edge-response.js';
import { urlProblem } from '../src/http/edge-guard.js';
import { LIMITS } from '../src/http/limits.js';
import { assertNoNul, checkJsonText } from '../src/http/text-guard.js';

describe('urlProblem', () => {
  it('passes ordinary and non-ASCII URLs', () => {
    expect(urlProblem('/systems/chicago?x=1')).toBeUndefined();
    expect(urlProblem('/systems/%C3%BC')).toBeUndefined();
    expect(urlProblem('/rest/badges/get/1?location=a%0Ab')).toBeUndefined();
  });

  it('refuses malformed percent-encoding and control characters in the path, NUL in the query', () => {
    expect(urlProblem('/public/badges/%zz')?.kind).toBe('url');
    expect(urlProblem('/systems/a%')?.kind).toBe('url');
    expect(urlProblem('/public/systems/a%00b')?.message).toMatch(/control characters/);
    expect(urlProblem('/systems/a%0Ab')?.kind).toBe('url');
    expect(urlProblem('/systems?slug=a%00b')?.message).toMatch(/NUL/);
  });
});

describe('checkJsonText', () => {
  it('allows nesting up to the limit and refuses one level more', () => {
    expect(() => checkJsonText('['.repeat(LIMITS.jsonDepth) + ']'.repeat(LIMITS.jsonDepth))).not.toThrow();
    expect(() => checkJsonText('['.repeat(LIMITS.jsonDepth + 1) + ']'.repeat(LIMITS.jsonDepth + 1))).toThrow(
      EdgeProblem,
    );
    expect(() => checkJsonText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toThrow(/deeper than/);
  });

  it('ignores brackets inside strings and escaped quotes', () => {
    const text = JSON.stringify({ a: '['.repeat(100), b: 'say \\"[[[' });
    expect(() => checkJsonText(text)).not.toThrow();
  });

  it('refuses \\u0000 escapes but not an escaped backslash followed by u0000', () => {
    expect(() => checkJsonText(JSON.stringify({ a: 'x\u0000y' }))).toThrow(/NUL/);
    expect(() => checkJsonText(JSON.stringify({ a: 'x\\u0000y' }))).not.toThrow();
  });

  it('finds NUL in parsed forms, keys included', () => {
    expect(() => assertNoNul({ a: ['ok', { b: 'x\u0000' }] })).toThrow(/NUL/);
    expect(() => assertNoNul({ 'k\u0000': 'v' })).toThrow(/NUL/);
    expect(() => assertNoNul({ a: ['ok'] })).not.toThrow();
  });
});

describe('fromTransportError', () => {
  it('maps body-parser failures and leaves other errors alone', () => {
    expect(fromTransportError({ type: 'entity.too.large', status: 400 }, '16 KiB')).toMatchObject({
      kind: 'tooLarge',
      status: 413,
      message: 'the request body is larger than 16 KiB',
    });
    expect(fromTransportError({ type: 'encoding.unsupported', status: 415 }, '')).toMatchObject({
      kind: 'encoding',
      status: 415,
    });
    expect(
      fromTransportError({ status: 400, statusCode: 400, expose: true, message: 'incorrect header check' }, ''),
    ).toMatchObject({ kind: 'encoding', status: 400 });
    expect(
      fromTransportError({ status: 400, statusCode: 400, expose: true, message: "Failed to decode param '%zz'" }, ''),
    ).toMatchObject({ kind: 'url' });
    expect(fromTransportError(new Error('boom'), '')).toBeUndefined();
    // A family's own error that carries a status is not a transport problem.
    expect(
      fromTransportError(
        new BadgeKitError(405, { code: 'MethodNotAllowedError', message: 'DELETE is not allowed' }),
        '',
      ),
    ).toBeUndefined();
  });
});

describe('renderEdgeProblem', () => {
  const tooLarge = new EdgeProblem('tooLarge', 413, 'the request body is larger than 16 MiB');

  it('picks the family by path prefix', () => {
    expect(familyOfPath('/rest/badges/get/1')).toBe('kickapps');
    expect(familyOfPath('/API/V2/Login')).toBe('v2');
    expect(familyOfPath('/api_gateway/v1/badges/import/customerBadges')).toBe('import');
    expect(familyOfPath('/v3/oauth/token/generate')).toBe('import');
    expect(familyOfPath('/admin/systems/a/consumers')).toBe('admin');
    expect(familyOfPath('/restaurants')).toBe('badgekit');
    expect(familyOfPath('/public/badges')).toBe('badgekit');
  });

  it('answers in each family format', () => {
    expect(JSON.parse(renderEdgeProblem(tooLarge, '/systems').body)).toEqual({
      code: 'PayloadTooLarge',
      message: tooLarge.message,
    });
    expect(JSON.parse(renderEdgeProblem(tooLarge, '/rest/badge/add/1').body)).toMatchObject({
      status: -1,
      errorId: '121',
    });
    const jsonp = renderEdgeProblem(tooLarge, '/rest/badge/add/1', { callback: 'cb' });
    expect(jsonp.contentType).toMatch(/javascript/);
    expect(jsonp.body).toMatch(/^cb\(\{"status":-1,"errorId":"121",/);
    expect(JSON.parse(renderEdgeProblem(tooLarge, '/api/v2/Login').body)).toMatchObject({
      resultCode: 413,
      resultMessage: tooLarge.message,
    });
    expect(JSON.parse(renderEdgeProblem(EdgeProblem.content('deep'), '/api/v2/Login').body)).toMatchObject({
      resultCode: -3001,
    });
    expect(renderEdgeProblem(EdgeProblem.content('deep'), '/api/v2/Login').status).toBe(200);
    expect(JSON.parse(renderEdgeProblem(tooLarge, '/api_gateway/v1/badges/import/customerBadges').body)).toEqual({
      data: null,
      errors: [{ code: 3413, message: tooLarge.message }],
      warnings: null,
    });
    expect(JSON.parse(renderEdgeProblem(EdgeProblem.url('bad'), '/api_gateway/v1/x').body)).toMatchObject({
      errors: [{ code: 3001 }],
    });
  });

  it('never answers KickApps or v2 with a 500', () => {
    const internal = new EdgeProblem('internal', 500, 'An internal error occured');
    expect(renderEdgeProblem(internal, '/rest/x').status).toBe(503);
    expect(renderEdgeProblem(internal, '/api/v2/x').status).toBe(503);
    expect(renderEdgeProblem(internal, '/systems').status).toBe(500);
  });
});
