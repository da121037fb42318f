/**
 * The events every award and revocation emits (architecture.md "Events"),
 * recorded in the outbox inside the award's own transaction: an event exists
 * exactly when its award does. Key = the recipient, so one recipient's events
 * stay in order.
 */
import { randomUUID } from 'node:crypto';
import { enqueueEvents, topicName, type Knex } from '@laurel/service-kit';
import type { EarnedBadgeRow } from '../store/earned-badges.js';
import { channelName } from '../domain/channel.js';

const recipientKey = (row: EarnedBadgeRow) => `${row.site_id}:${row.user_id ?? (row.email ?? '').toLowerCase()}`;
const recipientOf = (row: EarnedBadgeRow) => ({ siteId: row.site_id, userId: row.user_id ?? '0', email: row.email ?? '' });

export async function recordAwarded(trx: Knex.Transaction, topicPrefix: string, row: EarnedBadgeRow, traceparent?: string): Promise<void> {
  await enqueueEvents(trx, [{
    topic: topicName(topicPrefix, 'badgeAwarded'),
    key: recipientKey(row),
    name: 'BadgeAwarded',
    ...(traceparent && { traceparent }),
    event: {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      earnedBadgeId: row.id,
      uid: row.uid,
      badgeId: row.badge_id,
      recipient: recipientOf(row),
      channel: channelName(row.channel),
      issuedOn: row.issued_on.toISOString(),
      expires: row.expires?.toISOString() ?? '',
    },
  }]);
}

export async function recordRevoked(trx: Knex.Transaction, topicPrefix: string, row: EarnedBadgeRow, traceparent?: string): Promise<void> {
  await enqueueEvents(trx, [{
    topic: topicName(topicPrefix, 'badgeRevoked'),
    key: recipientKey(row),
    name: 'BadgeRevoked',
    ...(traceparent && { traceparent }),
    event: {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      earnedBadgeId: row.id,
      uid: row.uid,
      badgeId: row.badge_id,
      recipient: recipientOf(row),
      reason: row.revocation_reason ?? '',
    },
  }]);
}
