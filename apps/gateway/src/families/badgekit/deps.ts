import type { ServiceClients } from '../../clients.js';
import type { GatewayConfig } from '../../config.js';

/** What every BadgeKit resource module needs. */
export interface BadgeKitDeps {
  clients: ServiceClients;
  config: GatewayConfig;
}
