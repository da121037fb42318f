// Original file: /work/main/protos/laurel/catalog/v1/catalog.proto

import type { IssuerSummary as _laurel_catalog_v1_IssuerSummary, IssuerSummary__Output as _laurel_catalog_v1_IssuerSummary__Output } from '../../../laurel/catalog/v1/IssuerSummary.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A system is a site: the tenant boundary of every other record.
 */
export interface System {
  'id'?: (number | string | Long);
  'slug'?: (string);
  'name'?: (string);
  'url'?: (string);
  'description'?: (string);
  'email'?: (string);
  'imageUrl'?: (string);
  'createdAt'?: (string);
  'issuers'?: (_laurel_catalog_v1_IssuerSummary)[];
  '_description'?: "description";
  '_email'?: "email";
  '_imageUrl'?: "imageUrl";
}

/**
 * A system is a site: the tenant boundary of every other record.
 */
export interface System__Output {
  'id': (string);
  'slug': (string);
  'name': (string);
  'url': (string);
  'description'?: (string);
  'email'?: (string);
  'imageUrl'?: (string);
  'createdAt': (string);
  'issuers': (_laurel_catalog_v1_IssuerSummary__Output)[];
  '_description'?: "description";
  '_email'?: "email";
  '_imageUrl'?: "imageUrl";
}
