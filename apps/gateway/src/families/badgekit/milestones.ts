/**
 * BadgeKit milestones (being built for the catalog issue).
 */
import type { BadgeKitDeps } from './deps.js';
import type { RouteTable } from './router-kit.js';

export function mountMilestones(_routes: RouteTable, _deps: BadgeKitDeps): void {
  // routes are declared here
}
