/**
 * Retention of the idempotent consumer's processed_events. An id must be
 * kept for as long as Kafka can still deliver its event again, i.e. longer
 * than the topic's retention; after that no redelivery can exist and the
 * row only costs space.
 */
import type { Knex } from 'knex';
import type { RetentionRule } from '../retention.js';
import { olderThan } from '../retention.js';
import { PROCESSED_EVENTS_TABLE } from './consumer.js';

export async function deleteProcessedEventsBefore(db: Knex, cutoff: Date, limit: number): Promise<number> {
  const result = await db.raw<{ rowCount: number }>(
    `delete from ${PROCESSED_EVENTS_TABLE} where ctid = any(array(
       select ctid from ${PROCESSED_EVENTS_TABLE} where processed_at < ? limit ?))`,
    [cutoff, limit],
  );
  return result.rowCount;
}

export const processedEventsRetention = (db: Knex, days: number): RetentionRule => ({
  name: PROCESSED_EVENTS_TABLE,
  sweep: (limit) => deleteProcessedEventsBefore(db, olderThan({ days }), limit),
});
