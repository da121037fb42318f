/**
 * The ClaimCodes contract: proto in, store and domain calls, proto out. The
 * catalog is asked whether a badge exists in the site (and may be earned);
 * the claims themselves are decided under the code's row lock and guarded by
 * the claims table's constraints.
 */
import { DomainError, pageInfo, pageWindow, type Knex, type UnaryHandlers, type CatalogClient } from '@laurel/service-kit';
import type { claimcodesV1 } from '@laurel/protos';
import type { Awarder } from '../awards/awarder.js';
import { decideClaim, MAX_GENERATED, randomCodes } from '../domain/codes.js';
import type { ClaimCodeRow, ClaimCodeStore, NewCode } from '../store/claim-codes.js';
import type { ClaimRow, ClaimStore } from '../store/claims.js';

export interface ClaimCodeDeps {
  db: Knex;
  codes: ClaimCodeStore;
  claims: ClaimStore;
  awarder: Awarder;
  catalog: CatalogClient;
  codeLength: number;
}

function toMessage(row: ClaimCodeRow): claimcodesV1.ClaimCode {
  return {
    id: row.id, badgeId: row.badge_id, code: row.code, claimed: row.claimed, multiuse: row.multiuse, createdAt: row.created_at.toISOString(),
    ...(row.email !== null && { email: row.email }),
  };
}

const notFound = (code: string) => DomainError.notFound('claimCode', 'code', code);
const trimmed = (value: string | undefined): string | null => (value !== undefined && value.trim() !== '' ? value.trim() : null);

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

  /** Draws `count` codes and inserts them in one statement, redrawing only the ones that collided. */
  const generate = async (siteId: string, badgeId: string, count: number, flags: claimcodesV1.ClaimCodeFlags__Output | null, key: string | null) => {
    const made: ClaimCodeRow[] = [];
    for (let attempt = 0; made.length < count; attempt += 1) {
      if (attempt >= 5) throw new DomainError('Internal', 'could not draw unused claim codes');
      const drawn = randomCodes(deps.codeLength, count - made.length).map((code) => newCode(code, flags));
      made.push(...(await codes.insertMany(siteId, badgeId, drawn, key)));
    }
    return made;
  };

  return {
    async ListClaimCodes(request) {
      const window = pageWindow(request.page);
      const { rows, total } = await codes.list(request.siteId, request.badgeId, window);
      return { claimCodes: rows.map(toMessage), pageInfo: pageInfo(request.page, total) };
    },

    async GetClaimCode(request) {
      const row = await codes.find(db, request.siteId, request.badgeId, request.code);
      if (!row) throw notFound(request.code);
      return { claimCode: toMessage(row) };
    },

    async CreateClaimCode(request) {
      if (request.code.length === 0 || request.code.length > 255) throw DomainError.validation([{ field: 'code', value: request.code, message: 'String is not in range' }]);
      await badgeOf(request.siteId, request.badgeId);
      const key = request.idempotencyKey || null;
      const [row] = await codes.insertMany(request.siteId, request.badgeId, [newCode(request.code, request.flags)], key);
      if (row) return { claimCode: toMessage(row) };
      const existing = await codes.find(db, request.siteId, request.badgeId, request.code);
      if (existing && key && existing.request_key === key) return { claimCode: toMessage(existing) };
      throw DomainError.conflict('claimCode', 'code', { code: request.code });
    },

    async GenerateClaimCodes(request) {
      const count = request.count || 1;
      if (count < 0 || count > MAX_GENERATED) throw DomainError.validation([{ field: 'count', value: count, message: `between 1 and ${MAX_GENERATED}` }]);
      await badgeOf(request.siteId, request.badgeId);
      const key = request.idempotencyKey || null;
      if (key) {
        const earlier = await codes.byRequestKey(request.siteId, request.badgeId, key);
        if (earlier.length > 0) return { claimCodes: earlier.map(toMessage) };
      }
      return { claimCodes: (await generate(request.siteId, request.badgeId, count, request.flags, key)).map(toMessage) };
    },

    async DeleteClaimCode(request) {
      const row = await codes.delete(request.siteId, request.badgeId, request.code);
      if (!row) throw notFound(request.code);
      return { claimCode: toMessage(row) };
    },

    async Claim(request) {
      const email = trimmed(request.email);
      const requestKey = request.idempotencyKey;
      // Whether the badge exists in the site and may be earned (not archived) is issuance's
      // check when it awards; a refused award undoes the claim (Awarder.complete), so no
      // catalog call is spent here on the hot path. Callers that hold the badge check first.
      if (!request.badgeId || request.badgeId === '0') throw DomainError.validation([{ field: 'badgeId', value: '' }]);
      const outcome = await db.transaction(async (trx) => {
        // The row lock serialises every claim of this code; the constraints on claims back it up.
        const code = await codes.find(trx, request.siteId, request.badgeId, request.code, { forUpdate: true });
        if (!code) throw notFound(request.code);
        // An unclaimed code has no claims (claiming sets the flag, undoing a claim clears it), so only a claimed one is searched.
        const prior = code.claimed ? await claims.prior(trx, code.id, !code.multiuse, email, requestKey) : undefined;
        const sameEmail = prior !== undefined && (prior.email ?? '').toLowerCase() === (email ?? '').toLowerCase();
        const decision = decideClaim(code, prior && {
          sameEmail: sameEmail && email !== null,
          pending: prior.state === 'pending',
          // A key reused for another claimant is not a retry.
          sameRequest: sameEmail && requestKey !== '' && prior.request_key === requestKey,
        }, request.allowSameEmailRepeat);
        if (decision === 'used') throw new DomainError('CodeAlreadyUsed', `Claim code \`${code.code}\` has already been claimed`, { code: code.code });
        if (decision === 'repeat' && prior) {
          // The latest claimant is shown on the code (§8.7), also on a repeat.
          return { code: await codes.markClaimed(trx, code.id, email ?? prior.email), claim: prior, fresh: false };
        }
        // A multi-use code claimed without an email records nothing to award; only the code changes.
        if (!email && code.multiuse) return { code: await codes.markClaimed(trx, code.id, null), claim: undefined, fresh: true };
        const claim = await claims.insertMarkingCode(trx, {
          claim_code_id: code.id, single_use: !code.multiuse, site_id: request.siteId, badge_id: request.badgeId, code: code.code,
          email, user_id: request.userId && request.userId !== '0' ? request.userId : null, state: email ? 'pending' : 'none',
          request_key: requestKey || null, uid: request.uid ?? null, issued_on: request.issuedOn ?? null, expires: request.expires ?? null,
          comment: request.comment ?? null, public_origin: request.publicOrigin ?? null,
        });
        return { code: { ...code, claimed: true, email }, claim, fresh: true };
      });

      const claim: ClaimRow | undefined = outcome.claim;
      let earnedBadgeId = claim?.earned_badge_id ?? '';
      let awarded = false;
      if (claim?.state === 'pending') {
        // Success is answered only once issuance confirmed the award; if this fails, the sweep finishes it.
        const done = await awarder.complete(claim);
        earnedBadgeId = done.earnedBadgeId;
        awarded = outcome.fresh && done.created;
      }
      return { claimCode: toMessage(outcome.code), awarded, earnedBadgeId };
    },

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
