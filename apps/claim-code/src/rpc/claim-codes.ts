/**
 * The ClaimCodes contract: proto in, store and domain calls, proto out. The
 * catalog is asked whether a badge exists in the site (and may be earned).
 * Claims are guarded by the claims table's constraints: a multi-use code's
 * claim is one statement that the constraints alone decide; a single-use
 * code's is decided under the code's row lock.
 */
import { DomainError, eachOf, pageInfo, pageWindow, type Knex, type Logger, type Metrics, type UnaryHandlers, type CatalogClient } from '@laurel/service-kit';
import type { claimcodesV1 } from '@laurel/protos';
import type { Awarder } from '../awards/awarder.js';
import { claimState, decideClaim, MAX_GENERATED, priorClaim, randomCodes, type ClaimDecision } from '../domain/codes.js';
import type { ClaimCodeRow, ClaimCodeStore, CodeLookup, NewCode } from '../store/claim-codes.js';
import type { ClaimDetails, ClaimRow, ClaimStore, MultiUseAttempt } from '../store/claims.js';

export interface ClaimCodeDeps {
  db: Knex;
  codes: ClaimCodeStore;
  claims: ClaimStore;
  awarder: Awarder;
  catalog: CatalogClient;
  codeLength: number;
  logger: Logger;
  metrics?: Metrics;
}

function toMessage(row: ClaimCodeRow): claimcodesV1.ClaimCode {
  return {
    id: row.id, badgeId: row.badge_id, code: row.code, claimed: row.claimed, multiuse: row.multiuse, createdAt: row.created_at.toISOString(),
    ...(row.email !== null && { email: row.email }),
  };
}

const notFound = (code: string) => DomainError.notFound('claimCode', 'code', code);
const trimmed = (value: string | undefined): string | null => (value !== undefined && value.trim() !== '' ? value.trim() : null);
const earlier = (claim: ClaimRow) => ({ email: claim.email, pending: claim.state === 'pending', requestKey: claim.request_key });

/** What a claim did: the code as its answer shows it, the claim to award, and whether this request made that claim. */
interface ClaimOutcome {
  code: ClaimCodeRow;
  claim: ClaimRow | undefined;
  fresh: boolean;
}

/** A claim the rules refuse; 'claim' and 'repeat' pass. */
function refuseUsed(decision: ClaimDecision, code: ClaimCodeRow): void {
  if (decision === 'used') throw new DomainError('CodeAlreadyUsed', `Claim code \`${code.code}\` has already been claimed`, { code: code.code });
}

/** A claim can race a code being deleted and created again (of the other kind) or a claim being undone; it then starts over, a bounded number of times. */
const CLAIM_ATTEMPTS = 3;

function newCode(code: string, flags: claimcodesV1.ClaimCodeFlags__Output | null): NewCode {
  return { code, claimed: flags?.claimed ?? false, email: trimmed(flags?.email) , multiuse: flags?.multiuse ?? false };
}

export function claimCodeHandlers(deps: ClaimCodeDeps): UnaryHandlers<claimcodesV1.ClaimCodesDefinition> {
  const { db, codes, claims, awarder, catalog } = deps;

  /** The badge as the catalog knows it in this site; a badge of another site is not found. */
  const badgeOf = async (siteId: string, badgeId: string) => {
    if (!badgeId || badgeId === '0') throw DomainError.validation([{ field: 'badgeId', value: '' }]);
    const { badge } = await catalog.call('GetBadge', { id: badgeId, siteId });
    if (!badge) throw DomainError.notFound('badge', 'id', badgeId);
    return badge;
  };

  /**
   * Draws `count` codes for the request `key`, or answers the codes an earlier request with that key drew
   * (a retry). Draws are shared with the draws of concurrent requests (ClaimCodeStore.draw); the rare
   * redraw of codes that collided with existing ones skips the key's probe, which would find the codes of
   * the first draw.
   */
  const generate = async (siteId: string, badgeId: string, count: number, flags: claimcodesV1.ClaimCodeFlags__Output | null, key: string | null) => {
    const drawOf = (n: number, replayable: boolean) =>
      codes.draw({ siteId, badgeId, codes: randomCodes(deps.codeLength, n).map((code) => newCode(code, flags)), requestKey: key, replayable });
    const first = await drawOf(count, true);
    if (first.replay && key) return codes.byRequestKey(siteId, badgeId, key);
    const made = first.inserted;
    for (let attempt = 1; made.length < count; attempt += 1) {
      if (attempt >= 5) throw new DomainError('Internal', 'could not draw unused claim codes');
      made.push(...(await drawOf(count - made.length, false)).inserted);
    }
    return made;
  };

  const generateClaimCodes = async (request: claimcodesV1.GenerateClaimCodesRequest__Output): Promise<claimcodesV1.GenerateClaimCodesResponse> => {
    const count = request.count || 1;
    if (count < 0 || count > MAX_GENERATED) throw DomainError.validation([{ field: 'count', value: count, message: `between 1 and ${MAX_GENERATED}` }]);
    await badgeOf(request.siteId, request.badgeId);
    return { claimCodes: (await generate(request.siteId, request.badgeId, count, request.flags, request.idempotencyKey || null)).map(toMessage) };
  };

  /**
   * Claims a code. A multi-use code's claim is the one statement of
   * ClaimStore.claimMultiUse, which also says which kind the code is; a
   * single-use code is then claimed under its row lock.
   */
  const claimCode = async (lookup: CodeLookup, details: ClaimDetails, requestKey: string, allowSameEmailRepeat: boolean): Promise<ClaimOutcome> => {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
      const tried = await claims.claimMultiUse(lookup, details);
      if (!tried.code) throw notFound(lookup.code);
      const outcome = tried.code.multiuse ? await multiUseOutcome(tried.code, tried, details.email, requestKey) : await claimSingleUse(lookup, details, requestKey, allowSameEmailRepeat);
      if (outcome) return outcome;
    }
    throw new DomainError('Internal', `claim of code \`${lookup.code}\` kept racing changes to the code`);
  };

  /**
   * A multi-use claim's outcome: the claim it recorded, or, when this email
   * had claimed the code before (the insert conflicted), that earlier claim as
   * a repeat. Undefined if that earlier claim was undone meanwhile.
   */
  const multiUseOutcome = async (code: ClaimCodeRow, tried: MultiUseAttempt, email: string | null, requestKey: string): Promise<ClaimOutcome | undefined> => {
    // The answer shows this claimant as the latest (§8.7), as the code's reads now do.
    const shown = { ...code, claimed: true, email };
    if (tried.claim) {
      // claims_per_email let the claim in, so this email had no earlier claim; the rule still has its say.
      refuseUsed(decideClaim(code, undefined, false), code);
      return { code: shown, claim: tried.claim, fresh: true };
    }
    // Only an email's claim can conflict (claims_per_email); one without an email is always recorded.
    if (email === null) throw new Error(`claim of code ${code.id} without an email was not recorded`);
    const prior = await claims.repeat(code.id, email);
    if (!prior) return undefined;
    const decision = decideClaim(code, priorClaim(earlier(prior), email, requestKey), false);
    refuseUsed(decision, code);
    if (decision !== 'repeat') throw new Error(`claim of code ${code.id} conflicted with claim ${prior.id} of another email`);
    return { code: shown, claim: prior, fresh: false };
  };

  /** A single-use code's claim, decided under the code's row lock. Undefined if the code is multi-use by now. */
  const claimSingleUse = (lookup: CodeLookup, details: ClaimDetails, requestKey: string, allowSameEmailRepeat: boolean): Promise<ClaimOutcome | undefined> =>
    db.transaction(async (trx) => {
      const code = await codes.lock(trx, lookup);
      if (!code) throw notFound(lookup.code);
      if (code.multiuse) return undefined;
      // An unclaimed code has no claims (claiming sets the flag, undoing a claim clears it), so only a claimed one is searched.
      const prior = code.claimed ? await claims.first(trx, code.id) : undefined;
      const decision = decideClaim(code, prior && priorClaim(earlier(prior), details.email, requestKey), allowSameEmailRepeat);
      refuseUsed(decision, code);
      if (decision === 'repeat' && prior) {
        // The latest claimant is shown on the code (§8.7), also on a repeat.
        return { code: await codes.markClaimed(trx, code.id, details.email ?? prior.email), claim: prior, fresh: false };
      }
      const claim = await claims.insertMarkingCode(trx, { ...details, claim_code_id: code.id, single_use: true, site_id: lookup.siteId, badge_id: lookup.badgeId, code: code.code });
      return { code: { ...code, claimed: true, email: details.email }, claim, fresh: true };
    });

  const getClaimCode = async (request: claimcodesV1.GetClaimCodeRequest__Output): Promise<claimcodesV1.GetClaimCodeResponse> => {
    const row = await codes.find(request);
    if (!row) throw notFound(request.code);
    return { claimCode: toMessage(row) };
  };

  const claimOne = async (request: claimcodesV1.ClaimRequest__Output): Promise<claimcodesV1.ClaimResponse> => {
    const email = trimmed(request.email);
    // Whether the badge exists in the site and may be earned (not archived) is issuance's
    // check when it awards; a refused award undoes the claim (Awarder.complete), so no
    // catalog call is spent here on the hot path. Callers that hold the badge check first.
    if (!request.badgeId || request.badgeId === '0') throw DomainError.validation([{ field: 'badgeId', value: '' }]);
    const lookup = { siteId: request.siteId, badgeId: request.badgeId, code: request.code };
    const details: ClaimDetails = {
      email, user_id: request.userId && request.userId !== '0' ? request.userId : null, state: claimState(email),
      request_key: request.idempotencyKey || null, uid: request.uid ?? null, issued_on: request.issuedOn ?? null, expires: request.expires ?? null,
      comment: request.comment ?? null, public_origin: request.publicOrigin ?? null,
    };
    const outcome = await claimCode(lookup, details, request.idempotencyKey, request.allowSameEmailRepeat);

    const claim = outcome.claim;
    let earnedBadgeId = claim?.earned_badge_id ?? '';
    let awarded = false;
    if (claim?.state === 'pending') {
      // Success is answered only once issuance confirmed the award; if this fails, the sweep finishes it.
      const done = await awarder.complete(claim);
      earnedBadgeId = done.earnedBadgeId;
      awarded = outcome.fresh && done.created;
    }
    return { claimCode: toMessage(outcome.code), awarded, earnedBadgeId };
  };

  return {
    async ListClaimCodes(request) {
      const window = pageWindow(request.page);
      const { rows, total } = await codes.list(request.siteId, request.badgeId, window);
      return { claimCodes: rows.map(toMessage), pageInfo: pageInfo(request.page, total) };
    },

    GetClaimCode: getClaimCode,
    // The gateway's concurrent requests, one call for many (service-kit shared-call.ts); run together,
    // their look-ups and claim statements are shared too (ClaimCodeStore.find, ClaimStore).
    GetClaimCodeEach: eachOf(getClaimCode, { method: 'laurel.claimcodes.v1.ClaimCodes/GetClaimCode', logger: deps.logger, metrics: deps.metrics }),
    ClaimEach: eachOf(claimOne, { method: 'laurel.claimcodes.v1.ClaimCodes/Claim', logger: deps.logger, metrics: deps.metrics }),
    GenerateClaimCodesEach: eachOf(generateClaimCodes, { method: 'laurel.claimcodes.v1.ClaimCodes/GenerateClaimCodes', logger: deps.logger, metrics: deps.metrics }),

    async CreateClaimCode(request) {
      if (request.code.length === 0 || request.code.length > 255) throw DomainError.validation([{ field: 'code', value: request.code, message: 'String is not in range' }]);
      await badgeOf(request.siteId, request.badgeId);
      const key = request.idempotencyKey || null;
      // The code itself tells a retry (below), so the key is stored but not probed.
      const { inserted: [row] } = await codes.draw({ siteId: request.siteId, badgeId: request.badgeId, codes: [newCode(request.code, request.flags)], requestKey: key, replayable: false });
      if (row) return { claimCode: toMessage(row) };
      const existing = await codes.find(request);
      if (existing && key && existing.request_key === key) return { claimCode: toMessage(existing) };
      throw DomainError.conflict('claimCode', 'code', { code: request.code });
    },

    GenerateClaimCodes: generateClaimCodes,

    async DeleteClaimCode(request) {
      const row = await codes.delete(request.siteId, request.badgeId, request.code);
      if (!row) throw notFound(request.code);
      return { claimCode: toMessage(row) };
    },

    Claim: claimOne,

    async FindBadgeByCode(request) {
      const candidates = await codes.findInSite(request.siteId, request.code);
      if (candidates.length === 0) throw new DomainError('ResourceNotFound', `Could not find the requested claim code ${request.code}`, { code: request.code });
      // The catalog says which of these badges still exist and lie in the scope ({S}, {I} or {P}).
      const { badges } = await catalog.call('ListBadges', {
        siteId: request.siteId, ids: [...new Set(candidates.map((c) => c.badge_id))], archived: 'ARCHIVED_FILTER_ANY',
      });
      const inScope = new Set(badges
        .filter((b) => (request.issuerId === undefined || b.issuer?.id === request.issuerId) && (request.programId === undefined || b.program?.id === request.programId))
        .map((b) => b.id));
      const match = candidates.find((c) => inScope.has(c.badge_id));
      if (!match) throw new DomainError('ResourceNotFound', `Could not find the requested claim code ${request.code}`, { code: request.code });
      return { badgeId: match.badge_id, claimCode: toMessage(match), usedUp: match.claimed && !match.multiuse };
    },
  };
}
