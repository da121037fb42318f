/**
 * Webhooks over gRPC: proto in, domain call, proto out. (Being built for the catalog issue.)
 */
import type { UnaryHandlers } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import type { CatalogDeps } from './deps.js';

export function webhookHandlers(_deps: CatalogDeps): UnaryHandlers<catalogV1.CatalogDefinition> {
  return {};
}
