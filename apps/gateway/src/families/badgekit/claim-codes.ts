/**
 * BadgeKit claim codes (being built for the claim-code issue).
 */
import type { BadgeKitDeps } from './deps.js';
import type { RouteTable } from './router-kit.js';

export function mountClaimCodes(_routes: RouteTable, _deps: BadgeKitDeps): void {
  // routes are declared here
}
