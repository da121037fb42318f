import type { Migration } from '@laurel/service-kit';

/**
 * The gateway schema's migrations, in the order they run. The schema exists
 * from the first start; API consumers, members and login tokens arrive with
 * the admin API (catalog issue).
 */
export const migrations: readonly Migration[] = [];
