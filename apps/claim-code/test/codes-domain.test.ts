import { describe, expect, it } from 'vitest';
import {
  awardKey,
  claimState,
  codeKey,
  decideClaim,
  decideClaimOf,
  givenEmail,
  isPermanentRefusal,
  priorClaim,
  randomCode,
  randomCodes,
} from '../src/domain/codes.js';

describe('random codes', () => {
  it('draws lowercase hex of the configured length', () => {
    expect(randomCode(16)).toMatch(/^[0-9a-f]{16}$/);
    expect(randomCode(21)).toMatch(/^[0-9a-f]{21}$/);
  });

  it('draws distinct codes in one batch', () => {
    const codes = randomCodes(16, 5000);
    expect(new Set(codes).size).toBe(5000);
  });
});

describe('code comparison and award keys', () => {
  it('ignores case and trailing spaces, as BadgeKit did', () => {
    expect(codeKey('AbC  ')).toBe(codeKey('abc'));
    expect(codeKey(' abc')).not.toBe(codeKey('abc'));
  });

  it('is lower(rtrim(code)): trailing spaces go, leading spaces and other trailing whitespace stay, case folds', () => {
    expect(codeKey('AbC  ')).toBe('abc');
    expect(codeKey('  AbC  ')).toBe('  abc');
    expect(codeKey('a b ')).toBe('a b');
    expect(codeKey('abc\t')).toBe('abc\t');
    expect(codeKey('abc\n ')).toBe('abc\n');
    expect(codeKey('abc\u00a0')).toBe('abc\u00a0');
  });

  it('keys a claim by code id and lowercased email', () => {
    expect(awardKey('7', ' Ada@Example.org ')).toBe('claim:7:ada@example.org');
  });
});

describe('decideClaim', () => {
  const single = { claimed: false, multiuse: false };
  const used = { claimed: true, multiuse: false };
  const multi = { claimed: true, multiuse: true };
  const prior = (p: Partial<{ sameEmail: boolean; pending: boolean; sameRequest: boolean }> = {}) => ({
    sameEmail: false,
    pending: false,
    sameRequest: false,
    ...p,
  });

  it('claims a fresh single-use code once; any later claim is refused', () => {
    expect(decideClaim(single, undefined, false)).toBe('claim');
    expect(decideClaim(used, prior(), false)).toBe('used');
    expect(decideClaim(used, prior({ sameEmail: true }), false)).toBe('used');
    // A code created already claimed has no claim, and is used up.
    expect(decideClaim(used, undefined, false)).toBe('used');
  });

  it('repeats for a retry, an unconfirmed claim of the same email, and the instance route', () => {
    expect(decideClaim(used, prior({ sameEmail: true, sameRequest: true }), false)).toBe('repeat');
    expect(decideClaim(used, prior({ sameEmail: true, pending: true }), false)).toBe('repeat');
    expect(decideClaim(used, prior({ sameEmail: true }), true)).toBe('repeat');
    expect(decideClaim(used, prior({ pending: true }), true)).toBe('used');
  });

  it('claims a multi-use code once per email', () => {
    expect(decideClaim(multi, undefined, false)).toBe('claim');
    expect(decideClaim(multi, prior({ sameEmail: true }), false)).toBe('repeat');
    expect(decideClaim(multi, prior(), false)).toBe('claim');
  });
});

describe('priorClaim', () => {
  const earlier = { email: 'Ada@example.org', pending: true, requestKey: 'k-1' };

  it('compares emails case-insensitively and keeps whether the earlier claim is pending', () => {
    expect(priorClaim(earlier, 'ada@EXAMPLE.org', '')).toEqual({ sameEmail: true, pending: true, sameRequest: false });
    expect(priorClaim({ ...earlier, pending: false }, 'bob@example.org', '')).toEqual({
      sameEmail: false,
      pending: false,
      sameRequest: false,
    });
  });

  it('sees a retry only in the same key from the same claimant', () => {
    expect(priorClaim(earlier, 'ada@example.org', 'k-1').sameRequest).toBe(true);
    expect(priorClaim(earlier, 'bob@example.org', 'k-1').sameRequest).toBe(false);
    expect(priorClaim(earlier, 'ada@example.org', 'k-2').sameRequest).toBe(false);
    expect(priorClaim({ ...earlier, requestKey: null }, 'ada@example.org', '').sameRequest).toBe(false);
  });

  it('never sees two claims without an email as the same email, but a keyed retry of one is the same request', () => {
    const nobody = { email: null, pending: false, requestKey: 'k-3' };
    expect(priorClaim(nobody, null, 'k-3')).toEqual({ sameEmail: false, pending: false, sameRequest: true });
    expect(priorClaim(nobody, null, '')).toEqual({ sameEmail: false, pending: false, sameRequest: false });
  });
});

describe('decideClaimOf', () => {
  const used = { claimed: true, multiuse: false };
  const multi = { claimed: true, multiuse: true };
  const earlier = { email: 'Ada@example.org', pending: false, requestKey: 'k-1' };
  const attempt = (email: string | null, requestKey: string | null, allowSameEmailRepeat = false) => ({
    email,
    requestKey,
    allowSameEmailRepeat,
  });

  it('decides from the raw facts: no earlier claim is a fresh claim of an unclaimed code', () => {
    expect(decideClaimOf({ claimed: false, multiuse: false }, undefined, attempt('ada@example.org', null))).toBe(
      'claim',
    );
    expect(decideClaimOf(used, undefined, attempt('ada@example.org', 'k-1', true))).toBe('used');
  });

  it('sees the same email whatever its case, and the same request only from the same claimant', () => {
    expect(decideClaimOf(used, earlier, attempt('ADA@example.ORG', 'k-1'))).toBe('repeat');
    expect(decideClaimOf(used, earlier, attempt('bob@example.org', 'k-1'))).toBe('used');
    expect(decideClaimOf(used, earlier, attempt('ada@example.org', 'k-2'))).toBe('used');
    expect(decideClaimOf(used, earlier, attempt('ada@EXAMPLE.org', null, true))).toBe('repeat');
    expect(decideClaimOf(used, { ...earlier, pending: true }, attempt('ada@example.org', null))).toBe('repeat');
    expect(decideClaimOf(multi, earlier, attempt('aDa@example.org', null))).toBe('repeat');
    expect(decideClaimOf(multi, earlier, attempt('bob@example.org', null))).toBe('claim');
  });

  it('never sees a key as a retry when the request has none, nor two claims without an email as the same email', () => {
    expect(decideClaimOf(used, { ...earlier, requestKey: null }, attempt('ada@example.org', null))).toBe('used');
    expect(decideClaimOf(used, { ...earlier, requestKey: '' }, attempt('ada@example.org', ''))).toBe('used');
    expect(decideClaimOf(used, { email: null, pending: true, requestKey: null }, attempt(null, null, true))).toBe(
      'used',
    );
    expect(decideClaimOf(used, { email: null, pending: false, requestKey: 'k-3' }, attempt(null, 'k-3'))).toBe(
      'repeat',
    );
  });
});

describe('givenEmail', () => {
  it('trims an email, and reads an absent or blank one as none', () => {
    expect(givenEmail(' Ada@example.org ')).toBe('Ada@example.org');
    expect(givenEmail('   ')).toBeNull();
    expect(givenEmail('')).toBeNull();
    expect(givenEmail(undefined)).toBeNull();
  });
});

describe('isPermanentRefusal', () => {
  it('undoes a claim only for refusals no retry can change', () => {
    for (const reason of ['ValidationError', 'ResourceNotFound', 'ResourceConflict'])
      expect(isPermanentRefusal(reason)).toBe(true);
    for (const reason of ['Internal', 'Unavailable', 'CodeAlreadyUsed']) expect(isPermanentRefusal(reason)).toBe(false);
  });
});

describe('claimState', () => {
  it('owes an award to a claim with an email and nothing to one without', () => {
    expect(claimState('ada@example.org')).toBe('pending');
    expect(claimState(null)).toBe('none');
  });
});
