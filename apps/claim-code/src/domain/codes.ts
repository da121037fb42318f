/**
 * The rules of claim codes that need no I/O: how random codes are drawn, how
 * codes compare, what the claim key is, what a claim is allowed to do, and
 * which refused awards undo their claim.
 */
import { randomBytes } from 'node:crypto';

/** A service setting bounds it; this bounds what a single call may ask for. */
export const MAX_GENERATED = 10_000;

/**
 * `length` lowercase hex characters from the CSPRNG (4 bits each, so the
 * default 16 gives 64 bits, model.md deviations). Unlike BadgeKit's modulo of
 * random bytes, hex of whole bytes is unbiased.
 */
export function randomCode(length: number): string {
  return randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}

/** `count` distinct random codes; duplicates inside one draw are dropped and redrawn. */
export function randomCodes(length: number, count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomCode(length));
  return [...codes];
}

/**
 * How codes compare (BadgeKit §2.2: case-insensitively, ignoring trailing
 * spaces): the key is PostgreSQL's `lower(rtrim(code))`, the expression of
 * the unique index claim_codes_badge_code, which is the rule actually
 * enforced (the store's lookups use the same expression, sqlCodeKey). rtrim
 * without characters strips trailing spaces (U+0020) only, not tabs or other
 * whitespace, and leading spaces count. For ASCII, lower() and toLowerCase()
 * agree; beyond ASCII, lower() follows the database's LC_CTYPE (the C locale
 * folds ASCII only), so the two may differ there.
 */
export function codeKey(code: string): string {
  return code.replace(/ +$/, '').toLowerCase();
}

/** An email as a request gives it (a claimant, a code's preset claimant): trimmed; absent or blank is none. */
export function givenEmail(value: string | undefined): string | null {
  return value !== undefined && value.trim() !== '' ? value.trim() : null;
}

/** The issuance idempotency key of a claim (model.md "Earned badges"); emails compare case-insensitively. */
export function awardKey(claimCodeId: string, email: string): string {
  return `claim:${claimCodeId}:${email.trim().toLowerCase()}`;
}

export interface CodeState {
  claimed: boolean;
  multiuse: boolean;
}

export interface PriorClaim {
  /** This email's earlier claim of the code, if any. */
  sameEmail: boolean;
  /** The earlier claim's award was never confirmed: the caller never heard success. */
  pending: boolean;
  /** The earlier claim carried the same request idempotency key. */
  sameRequest: boolean;
}

export type ClaimDecision = 'claim' | 'repeat' | 'used';

/** What the rules need to know of an earlier claim of the code. */
export interface EarlierClaim {
  email: string | null;
  pending: boolean;
  requestKey: string | null;
}

/** What a claim brings to the rules. */
export interface ClaimAttempt {
  /** The claimant, if any. */
  email: string | null;
  /** The request's idempotency key; null or '' when it has none. */
  requestKey: string | null;
  /** The instance route's same-email repeat (ClaimRequest.allowSameEmailRepeat). */
  allowSameEmailRepeat: boolean;
}

/**
 * How an earlier claim relates to this one: emails compare
 * case-insensitively, and a request key reused for another claimant is not a
 * retry.
 */
export function priorClaim(earlier: EarlierClaim, email: string | null, requestKey: string | null): PriorClaim {
  const sameEmail = (earlier.email ?? '').toLowerCase() === (email ?? '').toLowerCase();
  return {
    sameEmail: sameEmail && email !== null,
    pending: earlier.pending,
    sameRequest: sameEmail && requestKey !== null && requestKey !== '' && earlier.requestKey === requestKey,
  };
}

/** A claim with an email owes an award until issuance confirmed it; one without has nothing to award. */
export function claimState(email: string | null): 'pending' | 'none' {
  return email ? 'pending' : 'none';
}

/**
 * What a claim does (model.md "Earned badges"):
 *  - a multi-use code: a new email claims; the same email again repeats (no second award);
 *  - a single-use code not yet claimed: claims;
 *  - a single-use code already claimed: used, except for a retry of the same
 *    request, a claim whose award was never confirmed (its caller saw an
 *    error, so this is the answer it is still owed), or the instance route's
 *    same-email repeat.
 */
export function decideClaim(
  code: CodeState,
  prior: PriorClaim | undefined,
  allowSameEmailRepeat: boolean,
): ClaimDecision {
  if (code.multiuse) return prior?.sameEmail ? 'repeat' : 'claim';
  if (!code.claimed && !prior) return 'claim';
  if (prior && (prior.sameRequest || (prior.sameEmail && (prior.pending || allowSameEmailRepeat)))) return 'repeat';
  return 'used';
}

/**
 * decideClaim from the facts as they are stored and asked: the earlier claim
 * of the code (if any) and this claim's email and request key, related by
 * priorClaim.
 */
export function decideClaimOf(
  code: CodeState,
  earlier: EarlierClaim | undefined,
  attempt: ClaimAttempt,
): ClaimDecision {
  return decideClaim(
    code,
    earlier && priorClaim(earlier, attempt.email, attempt.requestKey),
    attempt.allowSameEmailRepeat,
  );
}

/**
 * Refusals of an award that no retry can change (archived or deleted badge,
 * a uid the instance route asked for that another award holds): the award is
 * impossible, so the claim is undone and the code stays usable (D-11).
 */
const PERMANENT_REFUSALS: ReadonlySet<string> = new Set(['ValidationError', 'ResourceNotFound', 'ResourceConflict']);

/** Whether issuance's refusal of an award, by its DomainError reason, is for good. */
export function isPermanentRefusal(reason: string): boolean {
  return PERMANENT_REFUSALS.has(reason);
}
