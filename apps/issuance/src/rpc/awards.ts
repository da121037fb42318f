/**
 * Awards over gRPC: every channel's awards and revocations go through here.
 * The catalog says whether the badge exists in the site and may be earned;
 * the earned_badges constraints decide, atomically, whether this call awards.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, eachOf, pageInfo, pageWindow, type Knex, type Logger, type Metrics, type UnaryHandlers, type CatalogClient } from '@laurel/service-kit';
import type { catalogV1, issuanceV1 } from '@laurel/protos';
import { isSameAward, newUid, parseTime, recipientOf } from '../domain/award.js';
import { recipientKey } from '../domain/webhook.js';
import { awardedOutboxRow, recordRevoked } from '../events/award-events.js';
import type { DeliveryStore } from '../store/deliveries.js';
import type { StatusListStore } from '../store/status-lists.js';
import type { EarnedBadgeRow, EarnedBadgeStore, InsertOutcome, NewAward, NewAwardColumns } from '../store/earned-badges.js';
import { storedChannel } from '../domain/channel.js';
import { toEarnedBadgeMessage } from './present.js';
import { startsMilestoneCheck } from '../milestones/rules.js';
import type { MilestoneHook } from '../milestones/worker.js';

export interface AwardDeps {
  db: Knex;
  logger: Logger;
  metrics?: Metrics;
  awards: EarnedBadgeStore;
  catalog: CatalogClient;
  deliveries: DeliveryStore;
  topicPrefix: string;
  /**
   * Whether the site has a webhook now. Only then is a delivery recorded with
   * an award or revocation: a site without one would otherwise pay a row, a
   * lease and a delete, two commits, for every award. A webhook receives the
   * awards committed after it was set.
   */
  webhookSet: (siteId: string) => Promise<boolean>;
  /** Sets a revoked award's bit in its status list, in the revocation's transaction. */
  statusLists?: Pick<StatusListStore, 'setRevoked'>;
  /** Milestone checks after direct awards (§13.3); absent, none are made. */
  milestones?: MilestoneHook;
}

/**
 * The `award`/`revoke` webhook message of a row, recorded with it. What the
 * body needs beyond the row itself (the request's comment and origin) is kept
 * in `input`; the badge is read when the message is sent.
 */
function webhookFor(row: EarnedBadgeRow, action: 'award' | 'revoke', extra: { comment?: string | undefined; origin?: string | undefined } = {}) {
  return {
    siteId: row.site_id,
    action,
    recipientKey: recipientKey(row.user_id, row.email),
    channel: row.channel,
    input: { earnedBadgeId: row.id, ...(extra.comment !== undefined && { comment: extra.comment }), ...(extra.origin !== undefined && { origin: extra.origin }) },
  };
}

/** The badge as the catalog knows it in this site; archived badges cannot be earned (model.md deviations). */
async function earnableBadge(catalog: AwardDeps['catalog'], siteId: string, badgeId: string): Promise<catalogV1.Badge__Output> {
  if (!badgeId || badgeId === '0') throw DomainError.validation([{ field: 'badge', value: '' }]);
  const { badge } = await catalog.call('GetBadge', { id: badgeId, siteId });
  if (!badge) throw DomainError.notFound('badge', 'id', badgeId);
  if (badge.archived) throw DomainError.validation([{ field: 'badge', value: badge.slug, message: 'archived badges cannot be earned' }]);
  return badge;
}

export function awardHandlers(deps: AwardDeps): UnaryHandlers<issuanceV1.IssuanceDefinition> {
  const { db, awards } = deps;

  const award = async (request: issuanceV1.AwardRequest__Output): Promise<issuanceV1.AwardResponse> => {
    const recipient = recipientOf(request.siteId, request.userId, request.email);
    if (!request.idempotencyKey) throw DomainError.validation([{ field: 'idempotencyKey', value: '' }]);
    if (request.channel === 'AWARD_CHANNEL_UNSPECIFIED') throw DomainError.validation([{ field: 'channel', value: '' }]);
    const issuedOn = parseTime('issuedOn', request.issuedOn) ?? new Date();
    const expires = parseTime('expires', request.expires) ?? null;
    const [badge, hooked] = await Promise.all([earnableBadge(deps.catalog, request.siteId, request.badgeId), deps.webhookSet(request.siteId)]);
    const checkMilestones = deps.milestones !== undefined && startsMilestoneCheck(request) && (await deps.milestones.concerns(badge));

    const newAward: NewAward = {
      id: randomUUID(), recipient, badgeId: request.badgeId, badgeUnique: badge.unique, uid: request.uid || newUid(), channel: storedChannel(request.channel),
      idempotencyKey: request.idempotencyKey, issuedOn, expires, claimCode: request.claimCode ?? null, evidenceUrl: request.evidenceUrl ?? null,
      // Checked by the insert itself, not by a query before it.
      ...(request.refuseIfHeld && { refuseIfHeld: { holderUserId: request.holderUserId && request.holderUserId !== '0' ? request.holderUserId : null } }),
    };
    const announce = (columns: NewAwardColumns) => awardedOutboxRow(deps.topicPrefix, columns);

    let milestoneCheck: string | undefined;
    // The common award, with nothing else to record, is one autocommitted statement (award and event together),
    // shared with the common awards made meanwhile (EarnedBadgeStore.insert).
    const outcome: InsertOutcome = !hooked && !checkMilestones
      ? await awards.insert(db, newAward, announce)
      : await db.transaction(async (trx) => {
        const result = await awards.insert(trx, newAward, announce);
        if (result.kind === 'created') {
          if (hooked) await deps.deliveries.record(trx, [webhookFor(result.row, 'award', { comment: request.comment, origin: request.publicOrigin })]);
          // Recorded with the award so that it cannot be lost; run after commit, never part of this answer.
          if (deps.milestones && checkMilestones) {
            milestoneCheck = await deps.milestones.enqueue(trx, { siteId: request.siteId, email: request.email, badgeId: request.badgeId, publicOrigin: request.publicOrigin ?? null });
          }
        }
        return result;
      });

    switch (outcome.kind) {
      case 'created':
        if (milestoneCheck) deps.milestones?.run(milestoneCheck);
        return { earnedBadge: toEarnedBadgeMessage(outcome.row), result: 'AWARD_RESULT_CREATED' };
      case 'key-exists':
        if (!isSameAward({ badgeId: outcome.row.badge_id, userId: outcome.row.user_id, email: outcome.row.email }, request.badgeId, recipient)) {
          throw DomainError.conflict('earnedBadge', 'idempotencyKey', { idempotencyKey: request.idempotencyKey });
        }
        return { earnedBadge: toEarnedBadgeMessage(outcome.row), result: 'AWARD_RESULT_REPLAYED' };
      case 'already-held':
        return { earnedBadge: toEarnedBadgeMessage(outcome.row), result: 'AWARD_RESULT_ALREADY_HELD' };
      case 'uid-taken':
        throw DomainError.conflict('badgeInstance', 'slug', { slug: request.uid ?? '' });
    }
  };
  deps.milestones?.useAward(award);

  return {
    Award: award,
    // The awards other processes' requests asked for meanwhile (service-kit shared-call.ts); run together,
    // their inserts share one statement (EarnedBadgeStore.insert).
    AwardEach: eachOf(award, { method: 'laurel.issuance.v1.Issuance/Award', logger: deps.logger, metrics: deps.metrics }),

    async Revoke(request) {
      const key = request.key === 'id' ? { id: request.id ?? '' } : { uid: request.uid ?? '' };
      const hooked = await deps.webhookSet(request.siteId);
      const revoked = await db.transaction(async (trx) => {
        const row = await awards.revoke(trx, request.siteId, key, request.reason);
        if (row) {
          await recordRevoked(trx, deps.topicPrefix, row);
          await deps.statusLists?.setRevoked(trx, row.id);
          if (hooked) await deps.deliveries.record(trx, [webhookFor(row, 'revoke')]);
        }
        return row;
      });
      if (revoked) {
        return { earnedBadge: toEarnedBadgeMessage(revoked), revoked: true };
      }
      const existing = await awards.find(request.siteId, key);
      if (!existing) throw DomainError.notFound('badgeInstance', key.id ? 'id' : 'slug', key.id ?? key.uid ?? '');
      return { earnedBadge: toEarnedBadgeMessage(existing), revoked: false };
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
      if (!row) throw DomainError.notFound('badgeInstance', request.key === 'holder' ? 'email' : request.key === 'id' ? 'id' : 'slug', request.key === 'holder' ? (request.holder?.email ?? '') : (request.id ?? request.uid ?? ''));
      return { earnedBadge: toEarnedBadgeMessage(row) };
    },

    async ListRecipientBadges(request) {
      const recipient = recipientOf(request.siteId, request.userId, request.email);
      const { rows, total } = await awards.listForRecipient({
        siteId: request.siteId, userId: recipient.userId, email: recipient.email, badgeIds: request.badgeIds,
        includeRevoked: request.includeRevoked, includeExpired: request.includeExpired, newestFirst: request.order === 'EARNED_BADGE_ORDER_NEWEST_FIRST',
        onePerBadge: request.onePerBadge, ...(pageWindow(request.page) && { window: pageWindow(request.page) }),
      });
      return { earnedBadges: rows.map(toEarnedBadgeMessage), pageInfo: pageInfo(request.page, total) };
    },

    async ListBadgeAwards(request) {
      const window = pageWindow(request.page);
      const { rows, total } = await awards.listForBadge(request.siteId, request.badgeId, {
        includeRevoked: request.includeRevoked, includeExpired: request.includeExpired, ...(window && { window }),
      });
      return { earnedBadges: rows.map(toEarnedBadgeMessage), pageInfo: pageInfo(request.page, total) };
    },
  };
}
