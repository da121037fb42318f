/**
 * What the gateway's retention sweep deletes: customer-import responses
 * older than IMPORT_REPLAY_RETENTION_HOURS (at least the 24-hour replay
 * window of customer-badge-import.md §4.7, after which they are never
 * replayed), and KickApps replay rows past their window (§5.2), which claims
 * also sweep but only while claims arrive; and the OB 3.0 API's authorization
 * codes and tokens a day after they expired.
 */
import { olderThan, type Knex, type RetentionRule } from '@laurel/service-kit';
import type { GatewayConfig } from '../config.js';
import { ImportStore } from '../store/imports.js';
import { KickAppsReplayStore } from '../store/kickapps-replays.js';
import { Ob3Store } from '../store/ob3.js';

/** Expired OB 3.0 codes and tokens are kept a day, for looking into a client's complaint. */
const OB3_EXPIRED_KEPT_HOURS = 24;

export function gatewayRetentionRules(
  db: Knex,
  config: Pick<GatewayConfig, 'IMPORT_REPLAY_RETENTION_HOURS'>,
): RetentionRule[] {
  const imports = new ImportStore(db);
  const replays = new KickAppsReplayStore(db);
  const ob3 = new Ob3Store(db);
  return [
    {
      name: 'ob3_codes',
      sweep: (limit) => ob3.deleteExpired('ob3_codes', olderThan({ hours: OB3_EXPIRED_KEPT_HOURS }), limit),
    },
    {
      name: 'ob3_tokens',
      sweep: (limit) => ob3.deleteExpired('ob3_tokens', olderThan({ hours: OB3_EXPIRED_KEPT_HOURS }), limit),
    },
    {
      name: 'import_responses',
      sweep: (limit) =>
        imports.deleteResponsesBefore(olderThan({ hours: config.IMPORT_REPLAY_RETENTION_HOURS }), limit),
    },
    { name: 'kickapps_replays', sweep: (limit) => replays.deleteExpired(limit) },
  ];
}
