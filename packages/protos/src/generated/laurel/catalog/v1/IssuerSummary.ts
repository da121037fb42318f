// Original file: /work/main/protos/laurel/catalog/v1/catalog.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The shallow issuer embedded in a system (BadgeKit §2.9).
 */
export interface IssuerSummary {
  'id'?: (number | string | Long);
  'slug'?: (string);
  'name'?: (string);
  'url'?: (string);
  'description'?: (string);
  'email'?: (string);
  '_description'?: "description";
  '_email'?: "email";
}

/**
 * The shallow issuer embedded in a system (BadgeKit §2.9).
 */
export interface IssuerSummary__Output {
  'id': (string);
  'slug': (string);
  'name': (string);
  'url': (string);
  'description'?: (string);
  'email'?: (string);
  '_description'?: "description";
  '_email'?: "email";
}
