// Original file: /work/main/protos/laurel/common/v1/common.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The slice that was returned and how many records match in total.
 */
export interface PageInfo {
  'page'?: (number);
  'count'?: (number);
  'total'?: (number | string | Long);
  /**
   * True when paging applied (both page and count were positive).
   */
  'paged'?: (boolean);
}

/**
 * The slice that was returned and how many records match in total.
 */
export interface PageInfo__Output {
  'page': (number);
  'count': (number);
  'total': (string);
  /**
   * True when paging applied (both page and count were positive).
   */
  'paged': (boolean);
}
