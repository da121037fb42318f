/**
 * BadgeKit claim-code input and output (badgekit-api.md §8): the field rules
 * the routes validate with (and document), the boolean-like flags of D-8,
 * and the claim code object of §8.1.
 */
import type { claimcodesV1 } from '@laurel/protos';
import { LIMITS } from '../../../http/limits.js';
import { asText, type FieldRule } from '../../../badgekit-format/validation.js';

/** The most codes one bulk request may draw; the claim-code service enforces the same bound. */
export const MAX_GENERATED_CODES = 10_000;

export const CREATE_CODE_RULES: FieldRule[] = [
  { field: 'code', required: true, rules: [{ kind: 'length', min: 1, max: LIMITS.slugChars }] },
  { field: 'email', required: false, rules: [{ kind: 'email' }] },
  { field: 'claimed', required: false, rules: [] },
  { field: 'multiuse', required: false, rules: [] },
];

/** The random route reads the same fields minus `code`; `count` is Laurel's bulk extension. */
export const RANDOM_CODE_RULES: FieldRule[] = [
  ...CREATE_CODE_RULES.filter((r) => r.field !== 'code'),
  { field: 'count', required: false, rules: [{ kind: 'integer' }] },
];

export const CLAIM_RULES: FieldRule[] = [
  { field: 'email', required: false, rules: [{ kind: 'length', min: 0, max: LIMITS.emailChars }] },
];

const TRUE_LIKE = new Set(['true', '1', 'on']);

/** D-8: the value decides, not its presence; `true`/`1`/`"true"`/`"1"`/`"on"` are true, everything else false. */
export function flag(value: unknown): boolean {
  return TRUE_LIKE.has(asText(value).trim().toLowerCase());
}

/** The flags of a new code, as the claim-code service takes them. */
export function codeFlags(body: Record<string, unknown>): claimcodesV1.ClaimCodeFlags {
  const email = asText(body.email).trim();
  return { claimed: flag(body.claimed), multiuse: flag(body.multiuse), ...(email !== '' && { email }) };
}

/** Laurel's bulk extension: how many codes `{"count": N}` asks for, when it is a whole number in range. */
export function requestedCount(body: Record<string, unknown>): number | undefined {
  if (body.count === undefined || body.count === null || body.count === '') return undefined;
  const count = Number(asText(body.count));
  return Number.isInteger(count) && count >= 1 && count <= MAX_GENERATED_CODES ? count : Number.NaN;
}

export interface ClaimCodeJson {
  id: number;
  code: string;
  claimed: boolean;
  email?: string | null;
  multiuse: boolean;
}

/** §8.1: `email` is null when there is none. */
export function presentClaimCode(code: claimcodesV1.ClaimCode__Output): ClaimCodeJson {
  return {
    id: Number(code.id),
    code: code.code,
    claimed: code.claimed,
    email: code.email ?? null,
    multiuse: code.multiuse,
  };
}

/** The create answers (§8.3, §8.4) list `email` last and leave it out when none was supplied. */
export function presentCreatedCode(code: claimcodesV1.ClaimCode__Output): ClaimCodeJson {
  return {
    id: Number(code.id),
    code: code.code,
    claimed: code.claimed,
    multiuse: code.multiuse,
    ...(code.email !== undefined && { email: code.email }),
  };
}
