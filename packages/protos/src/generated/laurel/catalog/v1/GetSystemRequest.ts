// Original file: /work/main/protos/laurel/catalog/v1/catalog.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Looks a system up by slug (case-insensitive) or by numeric id.
 */
export interface GetSystemRequest {
  'slug'?: (string);
  'id'?: (number | string | Long);
  'key'?: "slug"|"id";
}

/**
 * Looks a system up by slug (case-insensitive) or by numeric id.
 */
export interface GetSystemRequest__Output {
  'slug'?: (string);
  'id'?: (string);
  'key'?: "slug"|"id";
}
