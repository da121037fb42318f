import { describe, expect, it } from 'vitest';
import { awardKey, claimState, codeKey, decideClaim, priorClaim, randomCode, randomCodes } from '../src/domain/codes.js';

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

  it('keys a claim by code id and lowercased email', () => {
    expect(awardKey('7', ' Ada@Example.org ')).toBe('claim:7:ada@example.org');
  });
});

describe('decideClaim', () => {
  const single = { claimed: false, multiuse: false };
  const used = { claimed: true, multiuse: false };
  const multi = { claimed: true, multiuse: true };
  const prior = (p: Partial<{ sameEmail: boolean; pending: boolean; sameRequest: boolean }> = {}) => ({ sameEmail: false, pending: false, sameRequest: false, ...p });

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
    expect(priorClaim({ ...earlier, pending: false }, 'bob@example.org', '')).toEqual({ sameEmail: false, pending: false, sameRequest: false });
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

describe('claimState', () => {
  it('owes an award to a claim with an email and nothing to one without', () => {
    expect(claimState('ada@example.org')).toBe('pending');
    expect(claimState(null)).toBe('none');
  });
});
