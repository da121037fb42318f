import { outboxBatchesMigration, outboxMigration, type Migration } from '@laurel/service-kit';
import { earnedBadges } from './0001_earned_badges.js';
import { webhookDeliveries } from './0002_webhook_deliveries.js';
import { assessment } from './0003_assessment.js';
import { milestoneChecks } from './0004_milestone_checks.js';
import { imports } from './0005_imports.js';
import { recipientSalt } from './0006_recipient_salt.js';
import { deliveredWebhooksAge } from './0007_delivered_webhooks_age.js';
import { heldLookups } from './0008_held_lookups.js';
import { credentials } from './0009_credentials.js';
import { statusLists } from './0010_status_lists.js';
import { credentialJwts } from './0011_credential_jwts.js';
import { statusListPublishing } from './0012_status_list_publishing.js';

/** The issuance schema's migrations, in the order they run. */
export const migrations: readonly Migration[] = [
  outboxMigration,
  earnedBadges,
  webhookDeliveries,
  assessment,
  milestoneChecks,
  imports,
  recipientSalt,
  deliveredWebhooksAge,
  heldLookups,
  credentials,
  statusLists,
  credentialJwts,
  statusListPublishing,
  outboxBatchesMigration,
];
