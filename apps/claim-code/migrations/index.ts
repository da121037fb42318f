import type { Migration } from '@laurel/service-kit';
import { claimCodes } from './0001_claim_codes.js';

/** The claim_codes schema's migrations, in the order they run. */
export const migrations: readonly Migration[] = [claimCodes];
