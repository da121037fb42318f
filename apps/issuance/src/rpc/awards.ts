/**
 * Awards over gRPC: every channel's awards and revocations come through here
 * to their use cases (use-cases/award.ts, use-cases/revoke-award.ts); this
 * maps requests to them and their outcomes to answers, and serves the reads.
 */
import {
  DomainError,
  eachOf,
  pageInfo,
  pageWindow,
  type Logger,
  type Metrics,
  type UnaryHandlerGroup,
} from '@laurel/service-kit';
import type { issuanceV1 } from '@laurel/protos';
import { recipientOf } from '../domain/award.js';
import { awardBadge, type AwardDeps, type AwardOutcome } from '../use-cases/award.js';
import { revokeAward, type RevokeDeps } from '../use-cases/revoke-award.js';
import { toEarnedBadgeMessage } from './present.js';

export interface AwardHandlerDeps extends AwardDeps, RevokeDeps {
  logger: Logger;
  metrics?: Metrics;
}

const RESULTS = {
  created: 'AWARD_RESULT_CREATED',
  'key-exists': 'AWARD_RESULT_REPLAYED',
  'already-held': 'AWARD_RESULT_ALREADY_HELD',
} as const;

const toAwardResponse = (outcome: AwardOutcome): issuanceV1.AwardResponse => ({
  earnedBadge: toEarnedBadgeMessage(outcome.row),
  result: RESULTS[outcome.kind],
});

export function awardHandlers(deps: AwardHandlerDeps) {
  const { awards } = deps;

  // The request is the use case's input as it comes (AwardInput keeps the wire's conventions).
  const award = (request: issuanceV1.AwardRequest__Output): Promise<issuanceV1.AwardResponse> =>
    awardBadge(deps, request).then(toAwardResponse);

  return {
    Award: award,
    // The awards other processes' requests asked for meanwhile (service-kit shared-call.ts); run together,
    // their inserts share one statement (EarnedBadgeStore.insert).
    AwardEach: eachOf(award, {
      method: 'laurel.issuance.v1.Issuance/Award',
      logger: deps.logger,
      metrics: deps.metrics,
    }),

    async Revoke(request) {
      const key = request.key === 'id' ? { id: request.id ?? '' } : { uid: request.uid ?? '' };
      const { row, revoked } = await revokeAward(deps, { siteId: request.siteId, key, reason: request.reason });
      return { earnedBadge: toEarnedBadgeMessage(row), revoked };
    },

    async GetEarnedBadge(request) {
      const siteId = request.siteId === '0' ? null : request.siteId;
      let row;
      if (request.key === 'holder' && request.holder) {
        if (!siteId) throw DomainError.validation([{ field: 'siteId', value: '' }]);
        const holder = recipientOf(siteId, request.holder.userId, request.holder.email);
        row = await awards.findHeld(siteId, request.holder.badgeId, holder.userId, holder.email);
      } else {
        row = await awards.find(siteId, request.key === 'id' ? { id: request.id ?? '' } : { uid: request.uid ?? '' });
      }
      if (!row)
        throw DomainError.notFound(
          'badgeInstance',
          request.key === 'holder' ? 'email' : request.key === 'id' ? 'id' : 'slug',
          request.key === 'holder' ? (request.holder?.email ?? '') : (request.id ?? request.uid ?? ''),
        );
      return { earnedBadge: toEarnedBadgeMessage(row) };
    },

    async ListRecipientBadges(request) {
      const recipient = recipientOf(request.siteId, request.userId, request.email);
      const { rows, total } = await awards.listForRecipient({
        siteId: request.siteId,
        userId: recipient.userId,
        email: recipient.email,
        badgeIds: request.badgeIds,
        includeRevoked: request.includeRevoked,
        includeExpired: request.includeExpired,
        newestFirst: request.order === 'EARNED_BADGE_ORDER_NEWEST_FIRST',
        onePerBadge: request.onePerBadge,
        ...(pageWindow(request.page) && { window: pageWindow(request.page) }),
      });
      return { earnedBadges: rows.map(toEarnedBadgeMessage), pageInfo: pageInfo(request.page, total) };
    },

    async ListBadgeAwards(request) {
      const window = pageWindow(request.page);
      const { rows, total } = await awards.listForBadge(request.siteId, request.badgeId, {
        includeRevoked: request.includeRevoked,
        includeExpired: request.includeExpired,
        ...(window && { window }),
      });
      return { earnedBadges: rows.map(toEarnedBadgeMessage), pageInfo: pageInfo(request.page, total) };
    },
  } satisfies UnaryHandlerGroup<issuanceV1.IssuanceDefinition>;
}
