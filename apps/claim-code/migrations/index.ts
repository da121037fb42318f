import type { Migration } from '@laurel/service-kit';
import { claimCodes } from './0001_claim_codes.js';
import { claimsByCode } from './0002_claims_by_code.js';

/** The claim_codes schema's migrations, in the order they run. */
export const migrations: readonly Migration[] = [claimCodes, claimsByCode];
