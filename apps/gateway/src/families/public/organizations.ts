/**
 * Public organizations documents (being built for the catalog issue).
 */
import type { BadgeKitDeps } from '../badgekit/deps.js';
import type { RouteTable } from '../badgekit/router-kit.js';

export function mountPublicOrganizations(_routes: RouteTable, _deps: BadgeKitDeps): void {
  // routes are declared here with { public: true }
}
