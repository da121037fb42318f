/**
 * Part of the BadgeKit wire format (src/badgekit-format/), shared by the
 * badgekit and public families: what every BadgeKit-format resource module
 * needs.
 */
import type { ServiceClients } from '../clients.js';
import type { GatewayConfig } from '../config.js';

/**
 * BadgeKit issues to emails; a member's badges are those awarded to their
 * userId or their email (model.md), so per-email routes also ask which member,
 * if any, has the email.
 */
export interface MemberDirectory {
  userIdByEmail(siteId: string, email: string): Promise<string | undefined>;
}

export interface BadgeKitDeps {
  clients: ServiceClients;
  config: GatewayConfig;
  members: MemberDirectory;
}
