/**
 * A bulk award: the customer import (and BadgeKit's bulk route). One catalog
 * call for every badge of the batch, then one transaction: the batch row, one
 * multi-row insert of every valid item, and the created awards' outbox events
 * and (when the site has a webhook) webhook deliveries, each as one multi-row
 * insert. An invalid item never blocks the others; a failed transaction
 * writes nothing.
 */
import { DomainError, enqueueEvents, type CatalogClient, type Knex } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { isSameAward, type Recipient } from '../domain/award.js';
import { checkItem, type BulkIssue, type BulkItem, type BulkRow, type CheckedItem } from '../domain/bulk-award.js';
import { storedChannel } from '../domain/channel.js';
import { startsMilestoneCheck } from '../domain/milestones.js';
import { awardDelivery } from '../domain/webhook.js';
import { awardedEvent } from '../events/award-events.js';
import type { DeliveryStore } from '../store/deliveries.js';
import type { EarnedBadgeRow } from '../store/earned-badges.js';
import type { ImportStore } from '../store/imports.js';
import type { MilestoneHook } from '../workers/milestone-awards.js';

export interface BulkAwardDeps {
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

export interface BulkAwardInput {
  siteId: string;
  /** A laurel.events.v1.AwardChannel name (`AWARD_CHANNEL_IMPORT`, …). */
  channel: string;
  items: readonly BulkItem[];
  /** The import's batch key, empty for BadgeKit's bulk route; a known key with another requestHash is a conflict. */
  batchKey: string;
  requestHash: string;
  /** Copied into every `award` webhook (BadgeKit bulk `comment`). */
  comment?: string;
  publicOrigin?: string;
}

/** One item's outcome: `row` is the award it made or found, absent exactly when it was rejected. */
export interface BulkItemOutcome {
  result: 'created' | 'replayed' | 'already-held' | 'rejected';
  row?: EarnedBadgeRow;
  errors: BulkIssue[];
  warnings: BulkIssue[];
}

/** Far more than the import's 1000; a guard against a caller sending an unbounded statement. */
const MAX_ITEMS = 10_000;

/** Every badge of the batch in one call; a site the catalog does not know has none. */
async function badgesOf(
  catalog: CatalogClient,
  siteId: string,
  ids: string[],
): Promise<Map<string, catalogV1.Badge__Output>> {
  if (ids.length === 0) return new Map();
  try {
    const { badges } = await catalog.call('ListBadges', {
      siteId,
      ids,
      archived: 'ARCHIVED_FILTER_ANY',
      page: { page: 1, count: ids.length },
    });
    return new Map(badges.map((b) => [b.id, b]));
  } catch (error) {
    if (error instanceof DomainError && error.reason === 'ResourceNotFound') return new Map();
    throw error;
  }
}

/** One outcome per item, in request order. */
export async function bulkAward(deps: BulkAwardDeps, input: BulkAwardInput): Promise<BulkItemOutcome[]> {
  const siteId = input.siteId;
  if (!siteId || siteId === '0') throw DomainError.validation([{ field: 'siteId', value: '' }]);
  if (input.channel === 'AWARD_CHANNEL_UNSPECIFIED') throw DomainError.validation([{ field: 'channel', value: '' }]);
  if (input.items.length > MAX_ITEMS)
    throw DomainError.validation([
      { field: 'items', value: String(input.items.length), message: `at most ${MAX_ITEMS} items` },
    ]);
  if (input.batchKey && !input.requestHash) throw DomainError.validation([{ field: 'requestHash', value: '' }]);
  const channel = storedChannel(input.channel);
  const now = Date.now();
  const badgeIds = [...new Set(input.items.map((i) => i.badgeId).filter((id) => id && id !== '0'))];
  const [badges, hooked] = await Promise.all([badgesOf(deps.catalog, siteId, badgeIds), deps.webhookSet(siteId)]);
  const checked = input.items.map((item, index) => checkItem(item, index, siteId, badges, now));
  const valid = checked.filter(
    (c): c is CheckedItem & { row: BulkRow; recipient: Recipient } => c.row !== undefined && c.recipient !== undefined,
  );

  const results: BulkItemOutcome[] = checked.map((c) => ({
    result: 'rejected',
    errors: c.errors,
    warnings: c.warnings,
  }));
  const created = await deps.db.transaction(async (trx) => {
    if (input.batchKey) {
      const claim = await deps.imports.claimBatch(trx, siteId, input.batchKey, input.requestHash, input.items.length);
      if (claim === 'conflict') throw DomainError.conflict('import', 'batchKey', { batchKey: input.batchKey });
    }
    const inserted = await deps.imports.insertAwards(
      trx,
      siteId,
      channel,
      valid.map((v) => v.row),
    );
    const byKey = new Map(inserted.map((row) => [row.idempotency_key, row]));
    const missing = valid.filter((v) => !byKey.has(v.row.idempotencyKey));
    const existing = new Map(
      (
        await deps.imports.findByKeys(
          trx,
          siteId,
          missing.map((m) => m.row.idempotencyKey),
        )
      ).map((row) => [row.idempotency_key, row]),
    );
    const unexplained = missing.filter((m) => !existing.has(m.row.idempotencyKey));
    const heldPairs = unexplained
      .filter((m) => m.row.badgeUnique && m.row.userId !== null)
      .map((m) => ({ badgeId: m.row.badgeId, userId: m.row.userId ?? '' }));
    const held = new Map(
      (await deps.imports.findHeld(trx, siteId, heldPairs)).map((row) => [`${row.badge_id}:${row.user_id ?? ''}`, row]),
    );

    for (const v of valid) {
      const slot = results[v.index] as BulkItemOutcome;
      const mine = byKey.get(v.row.idempotencyKey);
      const earlier = existing.get(v.row.idempotencyKey);
      const holder = held.get(`${v.row.badgeId}:${v.row.userId ?? ''}`);
      if (mine) Object.assign(slot, { row: mine, result: 'created' });
      else if (
        earlier &&
        isSameAward(
          { badgeId: earlier.badge_id, userId: earlier.user_id, email: earlier.email },
          v.row.badgeId,
          v.recipient,
        )
      ) {
        Object.assign(slot, { row: earlier, result: 'replayed' });
      } else if (earlier) {
        slot.errors = [
          {
            code: 'invalid-value',
            field: 'idempotency_key',
            message: 'this idempotency key awarded another badge or recipient',
          },
        ];
      } else if (holder) Object.assign(slot, { row: holder, result: 'already-held' });
      else slot.errors = [{ code: 'invalid-value', field: 'uid', message: 'the generated uid is taken; retry' }];
    }

    // occurred_at is when the badge was earned (an import's earn event date).
    await enqueueEvents(
      trx,
      inserted.map((row) => awardedEvent(deps.topicPrefix, row, row.issued_on)),
    );
    // Without a webhook a delivery would only be leased and discarded: for a re-evaluation's 100,000 awards that
    // was 100,000 rows written, leased by a scan of the pending ones, and deleted, most of PostgreSQL's work.
    if (hooked)
      await deps.deliveries.record(
        trx,
        inserted.map((row) => awardDelivery(row, 'award', { comment: input.comment, origin: input.publicOrigin })),
      );
    const checks: string[] = [];
    if (deps.milestones) {
      for (const row of inserted) {
        if (
          !row.email ||
          !startsMilestoneCheck({ channel: input.channel, idempotencyKey: row.idempotency_key, email: row.email })
        )
          continue;
        checks.push(
          await deps.milestones.enqueue(trx, {
            siteId,
            email: row.email,
            badgeId: row.badge_id,
            publicOrigin: input.publicOrigin ?? null,
          }),
        );
      }
    }
    return { count: inserted.length, checks };
  });
  for (const check of created.checks) deps.milestones?.run(check);
  return results;
}
