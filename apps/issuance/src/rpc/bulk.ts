/**
 * BulkAward over gRPC: the customer import (and BadgeKit's bulk route). One
 * catalog call for every badge of the batch, then one transaction: the batch
 * row, one multi-row insert of every valid item, and the created awards'
 * outbox events and (when the site has a webhook) webhook deliveries, each as
 * one multi-row insert. An invalid item never blocks the others; a failed
 * transaction writes nothing.
 */
import { DomainError, enqueueEvents, type Knex, type UnaryHandlers, type CatalogClient } from '@laurel/service-kit';
import type { catalogV1, issuanceV1 } from '@laurel/protos';
import { isSameAward, newUid, recipientOf, type Recipient } from '../domain/award.js';
import { storedChannel } from '../domain/channel.js';
import { awardedEvent } from '../events/award-events.js';
import { recipientKey } from '../domain/webhook.js';
import { startsMilestoneCheck } from '../milestones/rules.js';
import type { MilestoneHook } from '../milestones/worker.js';
import type { DeliveryStore } from '../store/deliveries.js';
import type { BulkRow, ImportStore } from '../store/imports.js';
import { toEarnedBadgeMessage } from './present.js';

export interface BulkDeps {
  db: Knex;
  imports: ImportStore;
  catalog: CatalogClient;
  deliveries: DeliveryStore;
  topicPrefix: string;
  /** Milestone checks after direct awards (BadgeKit's bulk route); imports never start one. */
  milestones?: MilestoneHook;
  /** Whether the site has a webhook now: as for a single award (AwardDeps.webhookSet), deliveries are recorded only then. */
  webhookSet: (siteId: string) => Promise<boolean>;
}

type Issue = issuanceV1.BulkAwardIssue;
type ItemResult = issuanceV1.BulkAwardItemResult;

/** Far more than the import's 1000; a guard against a caller sending an unbounded statement. */
const MAX_ITEMS = 10_000;

interface Checked {
  index: number;
  errors: Issue[];
  warnings: Issue[];
  recipient?: Recipient;
  row?: BulkRow;
}

function time(value: string | undefined): Date | null | undefined {
  if (value === undefined || value === '') return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** Every badge of the batch in one call; a site the catalog does not know has none. */
async function badgesOf(catalog: BulkDeps['catalog'], siteId: string, ids: string[]): Promise<Map<string, catalogV1.Badge__Output>> {
  if (ids.length === 0) return new Map();
  try {
    const { badges } = await catalog.call('ListBadges', { siteId, ids, archived: 'ARCHIVED_FILTER_ANY', page: { page: 1, count: ids.length } });
    return new Map(badges.map((b) => [b.id, b]));
  } catch (error) {
    if (error instanceof DomainError && error.reason === 'ResourceNotFound') return new Map();
    throw error;
  }
}

function check(item: issuanceV1.BulkAwardItem__Output, index: number, siteId: string, badges: Map<string, catalogV1.Badge__Output>, now: number): Checked {
  const checked: Checked = { index, errors: [], warnings: [] };
  const invalid = (field: string, message: string) => checked.errors.push({ code: 'BULK_AWARD_ISSUE_CODE_INVALID_VALUE', field, message });
  let recipient: Recipient | undefined;
  try {
    recipient = recipientOf(siteId, item.userId, item.email);
  } catch {
    invalid('user_id', 'a user id or an email is required');
  }
  if (!item.idempotencyKey) invalid('idempotency_key', 'an idempotency key is required');
  const issuedOn = time(item.issuedOn);
  const expires = time(item.expires);
  if (issuedOn === undefined) invalid('issued_on', 'not an RFC 3339 time');
  if (expires === undefined) invalid('expires', 'not an RFC 3339 time');
  const badge = badges.get(item.badgeId);
  if (!badge) checked.errors.push({ code: 'BULK_AWARD_ISSUE_CODE_BADGE_NOT_FOUND', field: 'badge_id', message: `badge ${item.badgeId} does not exist in this site` });
  else {
    if (badge.archived) checked.errors.push({ code: 'BULK_AWARD_ISSUE_CODE_BADGE_ARCHIVED', field: 'badge_id', message: `badge ${item.badgeId} is archived and cannot be earned` });
    if (!badge.published) checked.warnings.push({ code: 'BULK_AWARD_ISSUE_CODE_BADGE_NOT_PUBLISHED', field: 'badge_id', message: `badge ${item.badgeId} is not published` });
  }
  if (expires && expires.getTime() <= now) checked.warnings.push({ code: 'BULK_AWARD_ISSUE_CODE_EXPIRES_IN_PAST', field: 'expires', message: 'expires is in the past; recorded as expired' });
  if (checked.errors.length === 0 && recipient && badge && issuedOn !== undefined && expires !== undefined) {
    checked.recipient = recipient;
    checked.row = {
      badgeId: item.badgeId, userId: recipient.userId, email: recipient.email, uid: newUid(), idempotencyKey: item.idempotencyKey,
      badgeUnique: badge.unique, issuedOn: issuedOn ?? new Date(now), expires,
    };
  }
  return checked;
}

export function bulkHandlers(deps: BulkDeps): UnaryHandlers<issuanceV1.IssuanceDefinition> {
  return {
    async BulkAward(request) {
      const siteId = request.siteId;
      if (!siteId || siteId === '0') throw DomainError.validation([{ field: 'siteId', value: '' }]);
      if (request.channel === 'AWARD_CHANNEL_UNSPECIFIED') throw DomainError.validation([{ field: 'channel', value: '' }]);
      if (request.items.length > MAX_ITEMS) throw DomainError.validation([{ field: 'items', value: String(request.items.length), message: `at most ${MAX_ITEMS} items` }]);
      if (request.batchKey && !request.requestHash) throw DomainError.validation([{ field: 'requestHash', value: '' }]);
      const channel = storedChannel(request.channel);
      const now = Date.now();
      const badgeIds = [...new Set(request.items.map((i) => i.badgeId).filter((id) => id && id !== '0'))];
      const [badges, hooked] = await Promise.all([badgesOf(deps.catalog, siteId, badgeIds), deps.webhookSet(siteId)]);
      const checked = request.items.map((item, index) => check(item, index, siteId, badges, now));
      const valid = checked.filter((c): c is Checked & { row: BulkRow; recipient: Recipient } => c.row !== undefined && c.recipient !== undefined);

      const results: ItemResult[] = checked.map((c) => ({ result: 'AWARD_RESULT_REJECTED', errors: c.errors, warnings: c.warnings }));
      const created = await deps.db.transaction(async (trx) => {
        if (request.batchKey) {
          const claim = await deps.imports.claimBatch(trx, siteId, request.batchKey, request.requestHash, request.items.length);
          if (claim === 'conflict') throw DomainError.conflict('import', 'batchKey', { batchKey: request.batchKey });
        }
        const inserted = await deps.imports.insertAwards(trx, siteId, channel, valid.map((v) => v.row));
        const byKey = new Map(inserted.map((row) => [row.idempotency_key, row]));
        const missing = valid.filter((v) => !byKey.has(v.row.idempotencyKey));
        const existing = new Map((await deps.imports.findByKeys(trx, siteId, missing.map((m) => m.row.idempotencyKey))).map((row) => [row.idempotency_key, row]));
        const unexplained = missing.filter((m) => !existing.has(m.row.idempotencyKey));
        const heldPairs = unexplained.filter((m) => m.row.badgeUnique && m.row.userId !== null).map((m) => ({ badgeId: m.row.badgeId, userId: m.row.userId ?? '' }));
        const held = new Map((await deps.imports.findHeld(trx, siteId, heldPairs)).map((row) => [`${row.badge_id}:${row.user_id ?? ''}`, row]));

        for (const v of valid) {
          const slot = results[v.index] as ItemResult;
          const mine = byKey.get(v.row.idempotencyKey);
          const earlier = existing.get(v.row.idempotencyKey);
          const holder = held.get(`${v.row.badgeId}:${v.row.userId ?? ''}`);
          if (mine) Object.assign(slot, { earnedBadge: toEarnedBadgeMessage(mine), result: 'AWARD_RESULT_CREATED' });
          else if (earlier && isSameAward({ badgeId: earlier.badge_id, userId: earlier.user_id, email: earlier.email }, v.row.badgeId, v.recipient)) {
            Object.assign(slot, { earnedBadge: toEarnedBadgeMessage(earlier), result: 'AWARD_RESULT_REPLAYED' });
          } else if (earlier) {
            slot.errors = [{ code: 'BULK_AWARD_ISSUE_CODE_INVALID_VALUE', field: 'idempotency_key', message: 'this idempotency key awarded another badge or recipient' }];
          } else if (holder) Object.assign(slot, { earnedBadge: toEarnedBadgeMessage(holder), result: 'AWARD_RESULT_ALREADY_HELD' });
          else slot.errors = [{ code: 'BULK_AWARD_ISSUE_CODE_INVALID_VALUE', field: 'uid', message: 'the generated uid is taken; retry' }];
        }

        // occurred_at is when the badge was earned (an import's earn event date).
        await enqueueEvents(trx, inserted.map((row) => awardedEvent(deps.topicPrefix, row, row.issued_on)));
        // Without a webhook a delivery would only be leased and discarded: for a re-evaluation's 100,000 awards that
        // was 100,000 rows written, leased by a scan of the pending ones, and deleted, most of PostgreSQL's work.
        if (hooked) await deps.deliveries.record(trx, inserted.map((row) => ({
          siteId: row.site_id, action: 'award' as const, recipientKey: recipientKey(row.user_id, row.email), channel: row.channel,
          input: { earnedBadgeId: row.id, ...(request.comment !== undefined && { comment: request.comment }), ...(request.publicOrigin !== undefined && { origin: request.publicOrigin }) },
        })));
        const checks: string[] = [];
        if (deps.milestones) {
          for (const row of inserted) {
            if (!row.email || !startsMilestoneCheck({ channel: request.channel, idempotencyKey: row.idempotency_key, email: row.email })) continue;
            checks.push(await deps.milestones.enqueue(trx, { siteId, email: row.email, badgeId: row.badge_id, publicOrigin: request.publicOrigin ?? null }));
          }
        }
        return { count: inserted.length, checks };
      });
      for (const check of created.checks) deps.milestones?.run(check);
      return { results };
    },
  };
}
