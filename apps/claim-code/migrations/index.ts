import type { Migration } from '@laurel/service-kit';

/**
 * The claim_codes schema's migrations, in the order they run. The schema
 * exists from the first start; its tables arrive with the claim-code issue.
 */
export const migrations: readonly Migration[] = [];
