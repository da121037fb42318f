import type { Migration } from '@laurel/service-kit';
import { claimCodes } from './0001_claim_codes.js';
import { claimsByCode } from './0002_claims_by_code.js';
import { latestClaimant } from './0003_latest_claimant.js';

/** The claim_codes schema's migrations, in the order they run. */
export const migrations: readonly Migration[] = [claimCodes, claimsByCode, latestClaimant];
