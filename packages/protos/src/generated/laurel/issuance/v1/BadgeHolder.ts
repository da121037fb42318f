// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Names a recipient's award of one badge, for BadgeKit's
 * .../instances/:email routes. Matches awards to user_id or to email
 * (case-insensitively) as model.md says.
 */
export interface BadgeHolder {
  'badgeId'?: (number | string | Long);
  'userId'?: (number | string | Long);
  'email'?: (string);
}

/**
 * Names a recipient's award of one badge, for BadgeKit's
 * .../instances/:email routes. Matches awards to user_id or to email
 * (case-insensitively) as model.md says.
 */
export interface BadgeHolder__Output {
  'badgeId': (string);
  'userId': (string);
  'email': (string);
}
