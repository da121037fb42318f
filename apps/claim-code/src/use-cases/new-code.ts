/** What a new code is created with (CreateClaimCode, GenerateClaimCodes). */
import { givenEmail } from '../domain/codes.js';
import type { NewCode } from '../store/claim-codes.js';

/** How a new code starts, as the request asks (all false and no email when it asks nothing). */
export interface CodeFlags {
  claimed: boolean;
  /** The preset claimant as given; absent or blank is none. */
  email: string | undefined;
  multiuse: boolean;
}

export function newCode(code: string, flags: CodeFlags): NewCode {
  return { code, claimed: flags.claimed, email: givenEmail(flags.email), multiuse: flags.multiuse };
}
