/**
 * The gateway's Express app: shared plumbing first, then the operational
 * endpoints, then one router per API family. BadgeKit lives at the root, so
 * its router comes last and its 404 is the answer for any unknown path.
 */
import express, { type Express } from 'express';
import type { Producer } from 'kafkajs';
import type { Knex, Logger, Metrics } from '@laurel/service-kit';
import type { ServiceClients } from './clients.js';
import type { GatewayConfig } from './config.js';
import { adminRouter } from './families/admin/router.js';
import { badgekitNotFound, badgekitRouter } from './families/badgekit/router.js';
import { customerImportRouter, IMPORT_PATH, TOKEN_PATH } from './families/customer-import/router.js';
import { kickappsRouter } from './families/kickapps/router.js';
import { V2_BASE, v2Router } from './families/v2/router.js';
import { ob3Router } from './families/ob3/router.js';
import type { ConsumerKeys } from './badgekit-format/auth.js';
import { publicRouter } from './families/public/router.js';
import { OB3_BASE } from './domain/ob3-oauth.js';
import { edgeErrors, urlGuard } from './http/edge-guard.js';
import { normalizeUrl, requestContext } from './http/request-context.js';
import { servedUnder } from './http/served-under.js';
import { RouteRegistry } from './openapi/registry.js';
import { openapiRouter } from './openapi/router.js';
import { probesRouter } from './ops/probes.js';
import { MemberStore } from './store/members.js';

export interface AppDeps {
  config: GatewayConfig;
  clients: ServiceClients;
  db: Knex;
  logger: Logger;
  metrics: Metrics;
  consumers: ConsumerKeys;
  producer: Producer;
  kafkaConnected: () => boolean;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  const registry = new RouteRegistry();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', deps.config.TRUST_PROXY);
  // Express would treat /a//b and /a/b/ differently; BadgeKit does not (§2.1).
  app.use(normalizeUrl);
  app.use(requestContext(deps.logger, deps.metrics));
  // Before any router decodes the path: a URL no family can read is refused in its family's format.
  app.use(urlGuard);
  // Each router is entered only under the prefixes of its routes (served-under.ts): BadgeKit, at the
  // root, is the one every other path falls through to.
  app.use(
    servedUnder(
      ['/healthz', '/readyz', '/metrics'],
      probesRouter({ clients: deps.clients, db: deps.db, metrics: deps.metrics, kafkaConnected: deps.kafkaConnected }),
    ),
  );
  const family = {
    clients: deps.clients,
    config: deps.config,
    logger: deps.logger,
    registry,
    members: new MemberStore(deps.db),
  };
  app.use(servedUnder(['/public'], publicRouter(family)));
  // Before BadgeKit, which answers every path it does not know with its 404.
  app.use(servedUnder(['/admin'], adminRouter({ ...family, db: deps.db })));
  const families = { ...family, db: deps.db, producer: deps.producer };
  app.use(servedUnder(['/rest'], kickappsRouter(families)));
  app.use(servedUnder([V2_BASE], v2Router(families)));
  app.use(servedUnder([IMPORT_PATH, TOKEN_PATH], customerImportRouter(families)));
  app.use(servedUnder([OB3_BASE], ob3Router(families)));
  app.use(badgekitRouter({ ...family, consumers: deps.consumers }));
  // Registered last: the document describes every route declared above.
  app.use(servedUnder(['/openapi.json', '/docs'], openapiRouter(registry, deps.config.PUBLIC_BASE_URL)));
  app.use(badgekitNotFound);
  // Whatever a family's own handler did not answer; Express's HTML default is never reached.
  app.use(edgeErrors(deps.logger));
  return app;
}
