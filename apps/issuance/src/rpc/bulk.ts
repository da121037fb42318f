/**
 * BulkAward over gRPC: the customer import (and BadgeKit's bulk route). The
 * request goes to its use case (use-cases/bulk-award.ts) as it comes; each
 * item's outcome is mapped to its answer, in request order.
 */
import type { UnaryHandlerGroup } from '@laurel/service-kit';
import type { issuanceV1 } from '@laurel/protos';
import type { BulkIssue, BulkIssueCode } from '../domain/bulk-award.js';
import { bulkAward, type BulkAwardDeps, type BulkItemOutcome } from '../use-cases/bulk-award.js';
import { toEarnedBadgeMessage } from './present.js';

const ISSUE_CODES: Readonly<Record<BulkIssueCode, issuanceV1.BulkAwardIssue['code']>> = {
  'badge-not-found': 'BULK_AWARD_ISSUE_CODE_BADGE_NOT_FOUND',
  'badge-archived': 'BULK_AWARD_ISSUE_CODE_BADGE_ARCHIVED',
  'invalid-value': 'BULK_AWARD_ISSUE_CODE_INVALID_VALUE',
  'badge-not-published': 'BULK_AWARD_ISSUE_CODE_BADGE_NOT_PUBLISHED',
  'expires-in-past': 'BULK_AWARD_ISSUE_CODE_EXPIRES_IN_PAST',
};

const RESULTS = {
  created: 'AWARD_RESULT_CREATED',
  replayed: 'AWARD_RESULT_REPLAYED',
  'already-held': 'AWARD_RESULT_ALREADY_HELD',
  rejected: 'AWARD_RESULT_REJECTED',
} as const;

const toIssue = (issue: BulkIssue): issuanceV1.BulkAwardIssue => ({
  code: ISSUE_CODES[issue.code],
  field: issue.field,
  message: issue.message,
});

const toItemResult = (outcome: BulkItemOutcome): issuanceV1.BulkAwardItemResult => ({
  result: RESULTS[outcome.result],
  errors: outcome.errors.map(toIssue),
  warnings: outcome.warnings.map(toIssue),
  ...(outcome.row && { earnedBadge: toEarnedBadgeMessage(outcome.row) }),
});

export function bulkHandlers(deps: BulkAwardDeps) {
  return {
    async BulkAward(request) {
      return { results: (await bulkAward(deps, request)).map(toItemResult) };
    },
  } satisfies UnaryHandlerGroup<issuanceV1.IssuanceDefinition>;
}
