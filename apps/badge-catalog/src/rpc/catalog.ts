/**
 * laurel.catalog.v1.Catalog: the handlers of every resource, each in its own
 * module, composed into one service.
 */
import type { UnaryHandlers } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { badgeHandlers } from './badges.js';
import type { CatalogDeps } from './deps.js';
import { imageHandlers } from './images.js';
import { issuerHandlers } from './issuers.js';
import { milestoneHandlers } from './milestones.js';
import { programHandlers } from './programs.js';
import { systemHandlers } from './systems.js';
import { webhookHandlers } from './webhooks.js';

export function catalogHandlers(deps: CatalogDeps): UnaryHandlers<catalogV1.CatalogDefinition> {
  return {
    ...systemHandlers(deps),
    ...issuerHandlers(deps),
    ...programHandlers(deps),
    ...badgeHandlers(deps),
    ...milestoneHandlers(deps),
    ...imageHandlers(deps),
    ...webhookHandlers(deps),
  };
}
