/**
 * The ClaimCodes contract: each handler maps the proto request to a store
 * read or a use case's input, and its result back to the proto response.
 */
import {
  eachOf,
  pageInfo,
  pageWindow,
  type CatalogClient,
  type Knex,
  type Logger,
  type Metrics,
  type UnaryHandlers,
} from '@laurel/service-kit';
import type { claimcodesV1 } from '@laurel/protos';
import type { ClaimCodeRow, ClaimCodeStore } from '../store/claim-codes.js';
import type { ClaimStore } from '../store/claims.js';
import type { AwardDeps } from '../use-cases/award-claim.js';
import { claimCode } from '../use-cases/claim.js';
import { createClaimCode } from '../use-cases/create-claim-code.js';
import { codeNotFound } from '../use-cases/errors.js';
import { findBadgeByCode } from '../use-cases/find-badge-by-code.js';
import { generateClaimCodes } from '../use-cases/generate-claim-codes.js';
import type { CodeFlags } from '../use-cases/new-code.js';

export interface ClaimCodeDeps {
  db: Knex;
  codes: ClaimCodeStore;
  claims: ClaimStore;
  award: AwardDeps['award'];
  catalog: CatalogClient;
  codeLength: number;
  logger: Logger;
  metrics?: Metrics;
}

function toMessage(row: ClaimCodeRow): claimcodesV1.ClaimCode {
  return {
    id: row.id,
    badgeId: row.badge_id,
    code: row.code,
    claimed: row.claimed,
    multiuse: row.multiuse,
    createdAt: row.created_at.toISOString(),
    ...(row.email !== null && { email: row.email }),
  };
}

const flagsOf = (flags: claimcodesV1.ClaimCodeFlags__Output | null): CodeFlags => ({
  claimed: flags?.claimed ?? false,
  email: flags?.email,
  multiuse: flags?.multiuse ?? false,
});

export function claimCodeHandlers(deps: ClaimCodeDeps): UnaryHandlers<claimcodesV1.ClaimCodesDefinition> {
  const { codes } = deps;

  const generate = async (
    request: claimcodesV1.GenerateClaimCodesRequest__Output,
  ): Promise<claimcodesV1.GenerateClaimCodesResponse> => {
    const rows = await generateClaimCodes(deps, {
      siteId: request.siteId,
      badgeId: request.badgeId,
      count: request.count,
      flags: flagsOf(request.flags),
      requestKey: request.idempotencyKey || null,
    });
    return { claimCodes: rows.map(toMessage) };
  };

  const getClaimCode = async (
    request: claimcodesV1.GetClaimCodeRequest__Output,
  ): Promise<claimcodesV1.GetClaimCodeResponse> => {
    const row = await codes.find({ siteId: request.siteId, badgeId: request.badgeId, code: request.code });
    if (!row) throw codeNotFound(request.code);
    return { claimCode: toMessage(row) };
  };

  const claim = async (request: claimcodesV1.ClaimRequest__Output): Promise<claimcodesV1.ClaimResponse> => {
    const result = await claimCode(deps, {
      siteId: request.siteId,
      badgeId: request.badgeId,
      code: request.code,
      email: request.email,
      userId: request.userId && request.userId !== '0' ? request.userId : null,
      requestKey: request.idempotencyKey || null,
      allowSameEmailRepeat: request.allowSameEmailRepeat,
      uid: request.uid ?? null,
      issuedOn: request.issuedOn ?? null,
      expires: request.expires ?? null,
      comment: request.comment ?? null,
      publicOrigin: request.publicOrigin ?? null,
    });
    return { claimCode: toMessage(result.code), awarded: result.awarded, earnedBadgeId: result.earnedBadgeId };
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
    GetClaimCodeEach: eachOf(getClaimCode, {
      method: 'laurel.claimcodes.v1.ClaimCodes/GetClaimCode',
      logger: deps.logger,
      metrics: deps.metrics,
    }),
    ClaimEach: eachOf(claim, {
      method: 'laurel.claimcodes.v1.ClaimCodes/Claim',
      logger: deps.logger,
      metrics: deps.metrics,
    }),
    GenerateClaimCodesEach: eachOf(generate, {
      method: 'laurel.claimcodes.v1.ClaimCodes/GenerateClaimCodes',
      logger: deps.logger,
      metrics: deps.metrics,
    }),

    async CreateClaimCode(request) {
      const row = await createClaimCode(deps, {
        siteId: request.siteId,
        badgeId: request.badgeId,
        code: request.code,
        flags: flagsOf(request.flags),
        requestKey: request.idempotencyKey || null,
      });
      return { claimCode: toMessage(row) };
    },

    GenerateClaimCodes: generate,

    async DeleteClaimCode(request) {
      const row = await codes.delete(request.siteId, request.badgeId, request.code);
      if (!row) throw codeNotFound(request.code);
      return { claimCode: toMessage(row) };
    },

    Claim: claim,

    async FindBadgeByCode(request) {
      const found = await findBadgeByCode(deps, {
        siteId: request.siteId,
        code: request.code,
        issuerId: request.issuerId,
        programId: request.programId,
      });
      return { badgeId: found.badgeId, claimCode: toMessage(found.code), usedUp: found.usedUp };
    },
  };
}
