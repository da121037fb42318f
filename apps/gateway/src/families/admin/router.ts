/**
 * Laurel's admin API (admin-api.md) under /admin: a site's API consumers,
 * members and webhook settings, with BadgeKit's JWT authorization and error
 * bodies. Mounted before BadgeKit, whose 404 answers every unknown path.
 */
import { SecretCipher } from '@laurel/service-kit';
import express, { type Router } from 'express';
import type { Knex, Logger } from '@laurel/service-kit';
import type { ServiceClients } from '../../clients.js';
import type { GatewayConfig } from '../../config.js';
import type { RouteRegistry } from '../../openapi/registry.js';
import { ConsumerStore } from '../../store/consumers.js';
import { MemberStore } from '../../store/members.js';
import { consumerKeys } from '../../badgekit-format/auth.js';
import { RouteTable } from '../../badgekit-format/route-table.js';
import { adminAuth } from './auth.js';
import { adminBody } from './body.js';
import { mountConsumers } from './consumers.js';
import { mountDeliveries } from './deliveries.js';
import { mountIssuerKeys } from './issuer-keys.js';
import { adminErrors } from './errors.js';
import { mountMembers } from './members.js';
import { resolveSite } from './site.js';
import { mountWebhook } from './webhook.js';

export interface AdminOptions {
  clients: ServiceClients;
  config: GatewayConfig;
  db: Knex;
  logger: Logger;
  registry: RouteRegistry;
}

export function adminRouter(options: AdminOptions): Router {
  const router = express.Router({ caseSensitive: false, strict: false });
  const consumers = new ConsumerStore(options.db);
  const members = new MemberStore(options.db);
  const cipher = new SecretCipher(options.config.SECRET_ENCRYPTION_KEY);
  const auth = adminAuth({
    masterSecret: options.config.BADGEKIT_MASTER_SECRET,
    consumers: consumerKeys({ store: consumers, catalog: options.clients.catalog, cipher }, 'admin'),
  });
  // BadgeKit's pipeline (§2.1) with the admin API's JSON-only body and, after authorization, the site lookup.
  const routes = new RouteTable(router, auth, options.registry, {
    family: 'admin',
    parseBody: adminBody,
    afterAuth: [resolveSite(options.clients.catalog)],
    // The admin API reads JSON only (admin-api.md).
    docDefaults: { contentTypes: ['application/json'] },
  });

  mountConsumers(routes, { consumers, cipher });
  mountMembers(routes, { members });
  mountWebhook(routes, { clients: options.clients });
  mountDeliveries(routes, { clients: options.clients });
  mountIssuerKeys(routes, { clients: options.clients, publicBaseUrl: options.config.PUBLIC_BASE_URL });

  router.use(adminErrors(options.logger));
  return router;
}
