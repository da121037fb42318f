/**
 * Issuance's Award as the processes that award for requests call it
 * (claim-code's claims, the gateway's instance route): the awards asked for
 * while one is in flight share the next AwardEach call (shared-call.ts),
 * each answered, or failed, exactly as its own Award call would have been.
 */
import type { issuanceV1 } from '@laurel/protos';
import { DomainError, fromItemFailure } from '../errors.js';
import type { RequestScope } from './request-scope.js';
import { sharedCall, type EachAnswer } from './shared-call.js';
import type { UnaryClient } from './types.js';

export type AwardCall = (request: issuanceV1.AwardRequest, scope?: RequestScope) => Promise<issuanceV1.AwardResponse__Output>;

/** Awards per call; issuance takes up to 1000, fewer keep one call's statement and answer small. */
const AWARDS_PER_CALL = 200;

/** Award through `issuance`, sharing calls; `scope` is the request the award is made for (its change-version stamps). */
export function sharedAwards(issuance: UnaryClient<issuanceV1.IssuanceDefinition>): AwardCall {
  return sharedCall<issuanceV1.AwardRequest, issuanceV1.AwardResponse__Output>(async (items, scope) => {
    const { answers } = await issuance.call('AwardEach', { items }, { scope });
    if (answers.length !== items.length) throw new DomainError('Internal', `AwardEach answered ${answers.length} of ${items.length} awards`);
    return answers.map((answer): EachAnswer<issuanceV1.AwardResponse__Output> => {
      if (answer.awarded) return { ok: answer.awarded };
      if (answer.failed) return { failed: fromItemFailure(answer.failed) };
      return { failed: new DomainError('Internal', 'AwardEach answered an item with neither an award nor a failure') };
    });
  }, AWARDS_PER_CALL);
}
