/**
 * The events every award and revocation emits (architecture.md "Events"),
 * recorded in the outbox with the award, in its transaction or its very
 * statement: an event exists exactly when its award does. Key = the
 * recipient, so one recipient's events stay in order. Single and bulk awards
 * build them here alike.
 */
import { randomUUID } from 'node:crypto';
import {
  enqueueEvents,
  outboxRow,
  topicName,
  type Knex,
  type OutboxEvent,
  type OutboxRowValues,
} from '@laurel/service-kit';
import type { EarnedBadgeRow } from '../store/earned-badges.js';
import { channelName } from '../domain/channel.js';

/**
 * What an award's events say of it: its row, or, for a single award, the
 * columns it is about to insert (the id is chosen before the insert, so that
 * one statement writes the award and its event).
 */
export type AwardFacts = Pick<
  EarnedBadgeRow,
  'id' | 'site_id' | 'badge_id' | 'user_id' | 'email' | 'uid' | 'channel' | 'issued_on' | 'expires'
>;

/** What an earned badge's events share: who, which award, and where they go. */
function envelope(row: AwardFacts) {
  return {
    key: `${row.site_id}:${row.user_id ?? (row.email ?? '').toLowerCase()}`,
    common: {
      eventId: randomUUID(),
      earnedBadgeId: row.id,
      uid: row.uid,
      badgeId: row.badge_id,
      recipient: { siteId: row.site_id, userId: row.user_id ?? '0', email: row.email ?? '' },
    },
  };
}

/**
 * BadgeAwarded for a new award. `occurredAt` is when the badge was earned for
 * an import (its earn event date) and now otherwise.
 */
export function awardedEvent(topicPrefix: string, row: AwardFacts, occurredAt: Date = new Date()): OutboxEvent {
  const { key, common } = envelope(row);
  return {
    topic: topicName(topicPrefix, 'badgeAwarded'),
    key,
    name: 'BadgeAwarded',
    event: {
      ...common,
      occurredAt: occurredAt.toISOString(),
      channel: channelName(row.channel),
      issuedOn: row.issued_on.toISOString(),
      expires: row.expires?.toISOString() ?? '',
    },
  };
}

/** BadgeAwarded of a single award, as the outbox row its insert writes (EarnedBadgeStore.insert). */
export function awardedOutboxRow(topicPrefix: string, award: AwardFacts): OutboxRowValues {
  return outboxRow(awardedEvent(topicPrefix, award));
}

export async function recordRevoked(trx: Knex.Transaction, topicPrefix: string, row: EarnedBadgeRow): Promise<void> {
  const { key, common } = envelope(row);
  await enqueueEvents(trx, [
    {
      topic: topicName(topicPrefix, 'badgeRevoked'),
      key,
      name: 'BadgeRevoked',
      event: { ...common, occurredAt: new Date().toISOString(), reason: row.revocation_reason ?? '' },
    },
  ]);
}
