/**
 * BadgeKit instances (being built for the issuance issue).
 */
import type { BadgeKitDeps } from './deps.js';
import type { RouteTable } from './router-kit.js';

export function mountInstances(_routes: RouteTable, _deps: BadgeKitDeps): void {
  // routes are declared here
}
