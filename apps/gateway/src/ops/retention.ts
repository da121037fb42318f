/**
 * What the gateway's retention sweep deletes: customer-import responses
 * older than IMPORT_REPLAY_RETENTION_HOURS (at least the 24-hour replay
 * window of customer-badge-import.md §4.7, after which they are never
 * replayed), and KickApps replay rows past their window (§5.2), which claims
 * also sweep but only while claims arrive.
 */
import { olderThan, type Knex, type RetentionRule } from '@laurel/service-kit';
import type { GatewayConfig } from '../config.js';
import { ImportStore } from '../families/customer-import/store.js';
import { KickAppsReplayStore } from '../store/kickapps-replays.js';

export function gatewayRetentionRules(db: Knex, config: Pick<GatewayConfig, 'IMPORT_REPLAY_RETENTION_HOURS'>): RetentionRule[] {
  const imports = new ImportStore(db);
  const replays = new KickAppsReplayStore(db);
  return [
    { name: 'import_responses', sweep: (limit) => imports.deleteResponsesBefore(olderThan({ hours: config.IMPORT_REPLAY_RETENTION_HOURS }), limit) },
    { name: 'kickapps_replays', sweep: (limit) => replays.deleteExpired(limit) },
  ];
}
