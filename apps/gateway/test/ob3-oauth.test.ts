/** The OB 3.0 API's pure OAuth rules: scopes, redirect URIs, the signed form state, paging links. */
import { describe, expect, it } from 'vitest';
import {
  FormState,
  formStateKey,
  linkHeader,
  pageOffsets,
  parseScopes,
  redirectUriProblem,
  SCOPES,
} from '../src/domain/ob3-oauth.js';

describe('parseScopes', () => {
  it('accepts OB 3.0 scopes only, once each', () => {
    expect(parseScopes(`${SCOPES.credentialRead}  ${SCOPES.profileRead} ${SCOPES.credentialRead}`)).toEqual([
      SCOPES.credentialRead,
      SCOPES.profileRead,
    ]);
    expect(parseScopes(`${SCOPES.credentialRead} openid`)).toBeUndefined();
    expect(parseScopes('')).toEqual([]);
  });
});

describe('redirectUriProblem', () => {
  it('allows https, and http on loopback only', () => {
    expect(redirectUriProblem('https://wallet.example.org/cb?x=1')).toBeUndefined();
    expect(redirectUriProblem('http://127.0.0.1:8080/cb')).toBeUndefined();
    expect(redirectUriProblem('http://localhost/cb')).toBeUndefined();
    expect(redirectUriProblem('http://wallet.example.org/cb')).toMatch(/https/);
    expect(redirectUriProblem('https://wallet.example.org/cb#x')).toMatch(/fragment/);
    expect(redirectUriProblem('https://user:pw@wallet.example.org/cb')).toMatch(/credentials/);
    expect(redirectUriProblem('wallet://cb')).toMatch(/https/);
    expect(redirectUriProblem('/relative')).toMatch(/absolute/);
  });
});

describe('FormState', () => {
  const state = new FormState(formStateKey('a'.repeat(32)), 1000);
  it('opens what it sealed until it expires', () => {
    const sealed = state.seal({ client_id: 'c', scope: 's' }, 0);
    expect(state.open(sealed, 999)).toEqual({ client_id: 'c', scope: 's' });
    expect(state.open(sealed, 1000)).toBeUndefined();
  });
  it('refuses a changed, forged or foreign state', () => {
    const sealed = state.seal({ client_id: 'c' }, 0);
    const [body, mac] = sealed.split('.');
    const changed = Buffer.from(JSON.stringify({ p: { client_id: 'evil' }, e: 1000 })).toString('base64url');
    expect(state.open(`${changed}.${mac}`, 1)).toBeUndefined();
    expect(state.open(`${body}.x`, 1)).toBeUndefined();
    expect(state.open('garbage', 1)).toBeUndefined();
    expect(new FormState(formStateKey('b'.repeat(32))).open(sealed, 1)).toBeUndefined();
  });
});

describe('paging', () => {
  it('names first, last, next and prev offsets', () => {
    expect(pageOffsets(0, 10, 0)).toEqual({ first: 0, last: 0 });
    expect(pageOffsets(25, 10, 0)).toEqual({ first: 0, last: 20, next: 10 });
    expect(pageOffsets(25, 10, 10)).toEqual({ first: 0, last: 20, next: 20, prev: 0 });
    expect(pageOffsets(25, 10, 20)).toEqual({ first: 0, last: 20, prev: 10 });
    expect(pageOffsets(25, 10, 95)).toEqual({ first: 0, last: 20, prev: 20 });
  });
  it('writes RFC 8288 links keeping the other parameters', () => {
    const header = linkHeader(new URL('https://x.example/ims/ob/v3p0/credentials?since=2026-01-01T00:00:00Z'), 10, {
      first: 0,
      last: 20,
      next: 10,
    });
    expect(header).toBe(
      '<https://x.example/ims/ob/v3p0/credentials?since=2026-01-01T00%3A00%3A00Z&limit=10&offset=0>; rel="first", ' +
        '<https://x.example/ims/ob/v3p0/credentials?since=2026-01-01T00%3A00%3A00Z&limit=10&offset=20>; rel="last", ' +
        '<https://x.example/ims/ob/v3p0/credentials?since=2026-01-01T00%3A00%3A00Z&limit=10&offset=10>; rel="next"',
    );
  });
});
