import { outboxMigration, type Migration } from '@laurel/service-kit';

/**
 * The issuance schema's migrations, in the order they run. The outbox exists
 * from the first start (BadgeAwarded / BadgeRevoked go through it); earned
 * badges arrive with the issuance issue.
 */
export const migrations: readonly Migration[] = [outboxMigration];
