import {
  outboxBatchesMigration,
  outboxMigration,
  processedEventsAgeMigration,
  processedEventsMigration,
  type Migration,
} from '@laurel/service-kit';
import { actionsAndCounts } from './0001_actions_and_counts.js';
import { requirementsAndAwards } from './0002_requirements_and_awards.js';

/** The requirements schema's migrations, in the order they run. */
export const migrations: readonly Migration[] = [
  processedEventsMigration,
  outboxMigration,
  actionsAndCounts,
  requirementsAndAwards,
  processedEventsAgeMigration,
  outboxBatchesMigration,
];
