/**
 * Awarding a badge, for every channel (the Award RPC, its AwardEach batches
 * and the milestone worker's awards). The catalog says whether the badge
 * exists in the site and may be earned; the earned_badges constraints decide,
 * atomically, whether this call awards.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, type CatalogClient, type Knex } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { isSameAward, newUid, parseTime, recipientOf } from '../domain/award.js';
import { storedChannel } from '../domain/channel.js';
import { startsMilestoneCheck } from '../domain/milestones.js';
import { awardDelivery } from '../domain/webhook.js';
import { awardedOutboxRow } from '../events/award-events.js';
import type { DeliveryStore } from '../store/deliveries.js';
import type { EarnedBadgeStore, InsertOutcome, NewAward, NewAwardColumns } from '../store/earned-badges.js';
import type { MilestoneHook } from '../workers/milestone-awards.js';

export interface AwardDeps {
  db: Knex;
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
  /** Milestone checks after direct awards (§13.3); absent, none are made. */
  milestones?: MilestoneHook;
}

/**
 * What an award asks for, in the wire's conventions (user id '0' and an
 * empty email mean none, times are RFC 3339 text), so that a gRPC request is
 * one as it comes, without a copy on the award path.
 */
export interface AwardInput {
  siteId: string;
  badgeId: string;
  userId: string;
  email: string;
  /** A laurel.events.v1.AwardChannel name (`AWARD_CHANNEL_DIRECT`, …). */
  channel: string;
  idempotencyKey: string;
  /** Absent means now. */
  issuedOn?: string;
  expires?: string;
  evidenceUrl?: string;
  /** The uid a BadgeKit client chose; absent means a random one. */
  uid?: string;
  claimCode?: string;
  /** Copied into the `award` webhook only, never stored on the award. */
  comment?: string;
  /** Origin of the request behind the award, for the webhook's absolute URLs. */
  publicOrigin?: string;
  /** Award only if the recipient holds no unrevoked award of this badge (by email, or by holderUserId when not '0'). */
  refuseIfHeld: boolean;
  holderUserId: string;
}

/**
 * The award this call made (`created`) or found: `key-exists` is a replay
 * of the same award under its idempotency key, `already-held` the award the
 * recipient holds when refuseIfHeld was asked. The store's own outcome, so
 * that answering costs nothing more.
 */
export type AwardOutcome = Exclude<InsertOutcome, { kind: 'uid-taken' }>;

/** The badge as the catalog knows it in this site; archived badges cannot be earned (model.md deviations). */
async function earnableBadge(
  catalog: CatalogClient,
  siteId: string,
  badgeId: string,
): Promise<catalogV1.Badge__Output> {
  if (!badgeId || badgeId === '0') throw DomainError.validation([{ field: 'badge', value: '' }]);
  const { badge } = await catalog.call('GetBadge', { id: badgeId, siteId });
  if (!badge) throw DomainError.notFound('badge', 'id', badgeId);
  if (badge.archived)
    throw DomainError.validation([{ field: 'badge', value: badge.slug, message: 'archived badges cannot be earned' }]);
  return badge;
}

export async function awardBadge(deps: AwardDeps, input: AwardInput): Promise<AwardOutcome> {
  const { db, awards } = deps;
  const recipient = recipientOf(input.siteId, input.userId, input.email);
  if (!input.idempotencyKey) throw DomainError.validation([{ field: 'idempotencyKey', value: '' }]);
  if (input.channel === 'AWARD_CHANNEL_UNSPECIFIED') throw DomainError.validation([{ field: 'channel', value: '' }]);
  const issuedOn = parseTime('issuedOn', input.issuedOn) ?? new Date();
  const expires = parseTime('expires', input.expires) ?? null;
  const [badge, hooked] = await Promise.all([
    earnableBadge(deps.catalog, input.siteId, input.badgeId),
    deps.webhookSet(input.siteId),
  ]);
  const checkMilestones =
    deps.milestones !== undefined && startsMilestoneCheck(input) && (await deps.milestones.concerns(badge));

  const newAward: NewAward = {
    id: randomUUID(),
    recipient,
    badgeId: input.badgeId,
    badgeUnique: badge.unique,
    uid: input.uid || newUid(),
    channel: storedChannel(input.channel),
    idempotencyKey: input.idempotencyKey,
    issuedOn,
    expires,
    claimCode: input.claimCode ?? null,
    evidenceUrl: input.evidenceUrl ?? null,
    // Checked by the insert itself, not by a query before it.
    ...(input.refuseIfHeld && {
      refuseIfHeld: { holderUserId: input.holderUserId && input.holderUserId !== '0' ? input.holderUserId : null },
    }),
  };
  const announce = (columns: NewAwardColumns) => awardedOutboxRow(deps.topicPrefix, columns);

  let milestoneCheck: string | undefined;
  // The common award, with nothing else to record, is one autocommitted statement (award and event together),
  // shared with the common awards made meanwhile (EarnedBadgeStore.insert).
  const outcome: InsertOutcome =
    !hooked && !checkMilestones
      ? await awards.insert(db, newAward, announce)
      : await db.transaction(async (trx) => {
          const result = await awards.insert(trx, newAward, announce);
          if (result.kind === 'created') {
            if (hooked)
              await deps.deliveries.record(trx, [
                awardDelivery(result.row, 'award', { comment: input.comment, origin: input.publicOrigin }),
              ]);
            // Recorded with the award so that it cannot be lost; run after commit, never part of this answer.
            if (deps.milestones && checkMilestones) {
              milestoneCheck = await deps.milestones.enqueue(trx, {
                siteId: input.siteId,
                email: input.email,
                badgeId: input.badgeId,
                publicOrigin: input.publicOrigin ?? null,
              });
            }
          }
          return result;
        });

  switch (outcome.kind) {
    case 'created':
      if (milestoneCheck) deps.milestones?.run(milestoneCheck);
      return outcome;
    case 'key-exists':
      if (
        !isSameAward(
          { badgeId: outcome.row.badge_id, userId: outcome.row.user_id, email: outcome.row.email },
          input.badgeId,
          recipient,
        )
      ) {
        throw DomainError.conflict('earnedBadge', 'idempotencyKey', { idempotencyKey: input.idempotencyKey });
      }
      return outcome;
    case 'already-held':
      return outcome;
    case 'uid-taken':
      throw DomainError.conflict('badgeInstance', 'slug', { slug: input.uid ?? '' });
  }
}
