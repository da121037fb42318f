/**
 * StatusListPublished: a list's version, signed, for consumers that mirror
 * revocation lists (a CDN, a wallet provider, an audit log) without polling
 * the list URL. Key = the list, so one list's versions stay in order.
 */
import { randomUUID } from 'node:crypto';
import { topicName, type OutboxEvent } from '@laurel/service-kit';
import type { StatusListRow } from '../store/status-lists.js';

export function statusListPublishedEvent(topicPrefix: string, row: StatusListRow, credential: string): OutboxEvent {
  return {
    topic: topicName(topicPrefix, 'statusListPublished'),
    key: `${row.site_id}:${row.number}`,
    name: 'StatusListPublished',
    event: {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      siteId: row.site_id,
      listNumber: row.number,
      version: row.version,
      url: row.url,
      credential,
    },
  };
}
