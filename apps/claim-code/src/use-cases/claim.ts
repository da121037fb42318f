/**
 * Claims a code and awards the claim. Claims are guarded by the claims
 * table's constraints: a multi-use code's claim is one statement that the
 * constraints alone decide; a single-use code's is decided under the code's
 * row lock. Success is answered only once issuance confirmed the award.
 */
import { DomainError, type Knex } from '@laurel/service-kit';
import {
  claimState,
  decideClaimOf,
  givenEmail,
  type ClaimAttempt,
  type ClaimDecision,
  type EarlierClaim,
} from '../domain/codes.js';
import type { ClaimCodeRow, ClaimCodeStore, CodeLookup } from '../store/claim-codes.js';
import type { ClaimDetails, ClaimRow, MultiUseAttempt } from '../store/claims.js';
import { awardClaim, type AwardDeps } from './award-claim.js';
import { codeNotFound } from './errors.js';

export interface ClaimDeps extends AwardDeps {
  db: Knex;
  codes: ClaimCodeStore;
}

export interface ClaimInput {
  siteId: string;
  badgeId: string;
  code: string;
  /** The claimant as given; absent or blank claims without one (nothing is awarded). */
  email: string | undefined;
  userId: string | null;
  /** The request's idempotency key, if it has one. */
  requestKey: string | null;
  /** The instance route's same-email repeat of a single-use code (ClaimRequest.allowSameEmailRepeat). */
  allowSameEmailRepeat: boolean;
  uid: string | null;
  issuedOn: string | null;
  expires: string | null;
  comment: string | null;
  publicOrigin: string | null;
}

export interface ClaimResult {
  /** The code as the answer shows it. */
  code: ClaimCodeRow;
  /** Whether this request made the award. */
  awarded: boolean;
  /** The claim's earned badge; '' when there is none (no email). */
  earnedBadgeId: string;
}

/** What a claim did: the code as its answer shows it, the claim to award, and whether this request made that claim. */
interface ClaimOutcome {
  code: ClaimCodeRow;
  claim: ClaimRow | undefined;
  fresh: boolean;
}

/** A claim can race a code being deleted and created again (of the other kind) or a claim being undone; it then starts over, a bounded number of times. */
const CLAIM_ATTEMPTS = 3;

const earlier = (claim: ClaimRow): EarlierClaim => ({
  email: claim.email,
  pending: claim.state === 'pending',
  requestKey: claim.request_key,
});

/** A claim the rules refuse; 'claim' and 'repeat' pass. */
function refuseUsed(decision: ClaimDecision, code: ClaimCodeRow): void {
  if (decision === 'used')
    throw new DomainError('CodeAlreadyUsed', `Claim code \`${code.code}\` has already been claimed`, {
      code: code.code,
    });
}

export async function claimCode(deps: ClaimDeps, input: ClaimInput): Promise<ClaimResult> {
  const email = givenEmail(input.email);
  // Whether the badge exists in the site and may be earned (not archived) is issuance's
  // check when it awards; a refused award undoes the claim (awardClaim), so no
  // catalog call is spent here on the hot path. Callers that hold the badge check first.
  if (!input.badgeId || input.badgeId === '0') throw DomainError.validation([{ field: 'badgeId', value: '' }]);
  const lookup: CodeLookup = { siteId: input.siteId, badgeId: input.badgeId, code: input.code };
  const details: ClaimDetails = {
    email,
    user_id: input.userId,
    state: claimState(email),
    request_key: input.requestKey,
    uid: input.uid,
    issued_on: input.issuedOn,
    expires: input.expires,
    comment: input.comment,
    public_origin: input.publicOrigin,
  };
  const attempt: ClaimAttempt = {
    email,
    requestKey: input.requestKey,
    allowSameEmailRepeat: input.allowSameEmailRepeat,
  };
  const outcome = await recordClaim(deps, lookup, details, attempt);

  const claim = outcome.claim;
  let earnedBadgeId = claim?.earned_badge_id ?? '';
  let awarded = false;
  if (claim?.state === 'pending') {
    // Success is answered only once issuance confirmed the award; if this fails, the sweep finishes it.
    const done = await awardClaim(deps, claim);
    earnedBadgeId = done.earnedBadgeId;
    awarded = outcome.fresh && done.created;
  }
  return { code: outcome.code, awarded, earnedBadgeId };
}

/**
 * Records the claim of a code. A multi-use code's claim is the one statement
 * of ClaimStore.claimMultiUse, which also says which kind the code is; a
 * single-use code is then claimed under its row lock.
 */
async function recordClaim(
  deps: ClaimDeps,
  lookup: CodeLookup,
  details: ClaimDetails,
  attempt: ClaimAttempt,
): Promise<ClaimOutcome> {
  for (let round = 0; round < CLAIM_ATTEMPTS; round += 1) {
    const tried = await deps.claims.claimMultiUse(lookup, details);
    if (!tried.code) throw codeNotFound(lookup.code);
    const outcome = tried.code.multiuse
      ? await multiUseOutcome(deps, tried.code, tried, attempt)
      : await claimSingleUse(deps, lookup, details, attempt);
    if (outcome) return outcome;
  }
  throw new DomainError('Internal', `claim of code \`${lookup.code}\` kept racing changes to the code`);
}

/**
 * A multi-use claim's outcome: the claim it recorded, or, when this email
 * had claimed the code before (the insert conflicted), that earlier claim as
 * a repeat. Undefined if that earlier claim was undone meanwhile.
 */
async function multiUseOutcome(
  deps: ClaimDeps,
  code: ClaimCodeRow,
  tried: MultiUseAttempt,
  attempt: ClaimAttempt,
): Promise<ClaimOutcome | undefined> {
  const { email } = attempt;
  // The answer shows this claimant as the latest (§8.7), as the code's reads now do.
  const shown = { ...code, claimed: true, email };
  if (tried.claim) {
    // claims_per_email let the claim in, so this email had no earlier claim; the rule still has its say.
    refuseUsed(decideClaimOf(code, undefined, { ...attempt, allowSameEmailRepeat: false }), code);
    return { code: shown, claim: tried.claim, fresh: true };
  }
  // Only an email's claim can conflict (claims_per_email); one without an email is always recorded.
  if (email === null) throw new Error(`claim of code ${code.id} without an email was not recorded`);
  const prior = await deps.claims.repeat(code.id, email);
  if (!prior) return undefined;
  const decision = decideClaimOf(code, earlier(prior), { ...attempt, allowSameEmailRepeat: false });
  refuseUsed(decision, code);
  if (decision !== 'repeat')
    throw new Error(`claim of code ${code.id} conflicted with claim ${prior.id} of another email`);
  return { code: shown, claim: prior, fresh: false };
}

/** A single-use code's claim, decided under the code's row lock. Undefined if the code is multi-use by now. */
function claimSingleUse(
  deps: ClaimDeps,
  lookup: CodeLookup,
  details: ClaimDetails,
  attempt: ClaimAttempt,
): Promise<ClaimOutcome | undefined> {
  const { db, codes, claims } = deps;
  return db.transaction(async (trx) => {
    const code = await codes.lock(trx, lookup);
    if (!code) throw codeNotFound(lookup.code);
    if (code.multiuse) return undefined;
    // An unclaimed code has no claims (claiming sets the flag, undoing a claim clears it), so only a claimed one is searched.
    const prior = code.claimed ? await claims.first(trx, code.id) : undefined;
    const decision = decideClaimOf(code, prior && earlier(prior), attempt);
    refuseUsed(decision, code);
    if (decision === 'repeat' && prior) {
      // The latest claimant is shown on the code (§8.7), also on a repeat.
      return { code: await codes.markClaimed(trx, code.id, details.email ?? prior.email), claim: prior, fresh: false };
    }
    const claim = await claims.insertMarkingCode(trx, {
      ...details,
      claim_code_id: code.id,
      single_use: true,
      site_id: lookup.siteId,
      badge_id: lookup.badgeId,
      code: code.code,
    });
    return { code: { ...code, claimed: true, email: details.email }, claim, fresh: true };
  });
}
