// Original file: /work/main/protos/laurel/requirements/v1/requirements.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Adds quantity to the member's count for (action, location) and evaluates
 * the member. Answers once the count is stored; resulting awards are
 * asynchronous.
 */
export interface RecordUserActionRequest {
  'siteId'?: (number | string | Long);
  'userId'?: (number | string | Long);
  'actionId'?: (number | string | Long);
  'location'?: (string);
  /**
   * Any sign, for bonuses and corrections; absent means 1. The count is
   * clamped at 0 after the addition.
   */
  'quantity'?: (number | string | Long);
  /**
   * Required: the client's Idempotency-Key when it sent one, otherwise a key
   * the gateway made for this request, so a gRPC retry never counts twice.
   */
  'idempotencyKey'?: (string);
  '_quantity'?: "quantity";
}

/**
 * Adds quantity to the member's count for (action, location) and evaluates
 * the member. Answers once the count is stored; resulting awards are
 * asynchronous.
 */
export interface RecordUserActionRequest__Output {
  'siteId': (string);
  'userId': (string);
  'actionId': (string);
  'location': (string);
  /**
   * Any sign, for bonuses and corrections; absent means 1. The count is
   * clamped at 0 after the addition.
   */
  'quantity'?: (string);
  /**
   * Required: the client's Idempotency-Key when it sent one, otherwise a key
   * the gateway made for this request, so a gRPC retry never counts twice.
   */
  'idempotencyKey': (string);
  '_quantity'?: "quantity";
}
