/**
 * The issuance process: earned badges from every channel, their events
 * through the outbox relay, and (with the rest of the issuance issue)
 * applications, reviews, imports and webhook deliveries.
 */
import {
  catalogClient,
  DomainError,
  registerService,
  SecretCipher,
  startEventPublishing,
  startRetention,
  startServiceRuntime,
  topicName,
  type UnaryHandlers,
} from '@laurel/service-kit';
import { bareBadgeJson, fullBadgeJson } from '@laurel/badgekit-json';
import { laurelProtos, type issuanceV1 } from '@laurel/protos';
import { migrations } from '../migrations/index.js';
import { DEV_CREDENTIAL_KEY_ENCRYPTION_KEY, type IssuanceConfig } from './config.js';
import { assessmentHandlers } from './rpc/assessment.js';
import { awardHandlers } from './rpc/awards.js';
import { bulkHandlers } from './rpc/bulk.js';
import { credentialHandlers } from './rpc/credentials.js';
import { deliveryHandlers } from './rpc/deliveries.js';
import { ApplicationStore } from './store/applications.js';
import { DeliveryStore } from './store/deliveries.js';
import { EarnedBadgeStore } from './store/earned-badges.js';
import { ImportStore } from './store/imports.js';
import { IssuerKeyStore } from './store/issuer-keys.js';
import { IssuerRsaKeyStore } from './store/issuer-rsa-keys.js';
import { MilestoneCheckStore } from './store/milestone-checks.js';
import { ReviewStore } from './store/reviews.js';
import { SignedCredentialJwtStore, SignedCredentialStore } from './store/signed-credentials.js';
import { StatusListStore } from './store/status-lists.js';
import { awardBadge, type AwardDeps } from './use-cases/award.js';
import { startMilestoneAwards } from './workers/milestone-awards.js';
import { issuanceRetentionRules } from './workers/retention.js';
import { startStatusListPublisher } from './workers/status-list-publisher.js';
import { startWebhookWorker } from './workers/webhook-deliveries.js';
import { webhookMessages, type BadgeRenderer } from './workers/webhook-messages.js';

/** Webhook bodies carry BadgeKit's badge JSON, as the gateway renders it. */
const badgekitBadgeJson: BadgeRenderer = { full: (badge, origin) => fullBadgeJson(badge, origin), bare: bareBadgeJson };

export const SCHEMA = 'issuance';
export const SERVICE_NAME = 'laurel.issuance.v1.Issuance';

export interface RunningIssuance {
  grpcPort: number;
  stop(): Promise<void>;
}

export async function start(
  config: IssuanceConfig,
  render: BadgeRenderer = badgekitBadgeJson,
): Promise<RunningIssuance> {
  const runtime = await startServiceRuntime({ name: 'issuance', schema: SCHEMA, migrations, config });
  const { db, logger, metrics } = runtime;
  try {
    await startEventPublishing(runtime, {
      brokers: config.KAFKA_BROKERS,
      topics: [
        topicName(config.KAFKA_TOPIC_PREFIX, 'badgeAwarded'),
        topicName(config.KAFKA_TOPIC_PREFIX, 'badgeRevoked'),
        topicName(config.KAFKA_TOPIC_PREFIX, 'statusListPublished'),
      ],
    });

    if (
      config.NODE_ENV !== 'production' &&
      config.CREDENTIAL_KEY_ENCRYPTION_KEY === DEV_CREDENTIAL_KEY_ENCRYPTION_KEY
    ) {
      logger.warn(
        'sealing issuer signing keys with the development key; set CREDENTIAL_KEY_ENCRYPTION_KEY outside development',
      );
    }
    const protos = laurelProtos();
    const catalog = catalogClient(db, config.CATALOG_ADDR, { deadlineMs: config.GRPC_DEADLINE_MS, metrics });
    runtime.onStop(() => Promise.resolve(catalog.close()));

    /** The site's webhook, if it has one (a cached catalog read: no hop while the catalog is unchanged). */
    const webhookOf = async (siteId: string) => {
      try {
        const { webhook } = await catalog.call('GetWebhook', { siteId });
        return webhook ? { url: webhook.url, secret: webhook.secret } : undefined;
      } catch (error) {
        if (error instanceof DomainError && error.reason === 'ResourceNotFound') return undefined;
        throw error;
      }
    };
    const awards = new EarnedBadgeStore(db);
    const deliveries = new DeliveryStore(db);
    const applications = new ApplicationStore(db);
    const worker = startWebhookWorker({
      deliveries,
      logger,
      metrics,
      listener: runtime.listener,
      pollMs: runtime.workPollMs,
      messages: webhookMessages({ awards, applications, catalog, render, publicBaseUrl: config.PUBLIC_BASE_URL }),
      webhookOf,
    });
    runtime.onStop(() => worker.stop());
    const retention = startRetention({ rules: issuanceRetentionRules(deliveries, config), logger });
    runtime.onStop(() => retention.stop());
    const milestones = startMilestoneAwards({
      checks: new MilestoneCheckStore(db),
      awards,
      catalog,
      logger,
      sweepMs: runtime.workPollMs,
    });
    runtime.onStop(() => milestones.stop());
    const statusLists = new StatusListStore(db);
    const keyCipher = new SecretCipher(config.CREDENTIAL_KEY_ENCRYPTION_KEY);
    const keys = new IssuerKeyStore(db, keyCipher);
    const publisher = startStatusListPublisher({
      db,
      statusLists,
      keys,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      logger,
      listener: runtime.listener,
      pollMs: runtime.workPollMs,
    });
    runtime.onStop(() => publisher.stop());
    const webhookSet = async (siteId: string) => (await webhookOf(siteId)) !== undefined;
    const awarding: AwardDeps = {
      db,
      awards,
      deliveries,
      catalog,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      milestones,
      webhookSet,
    };
    // A milestone's primary badge is awarded by the same use case as any other award.
    milestones.useAward((input) => awardBadge(awarding, input));
    const handlers = {
      ...awardHandlers({ ...awarding, logger, metrics, statusLists }),
      ...bulkHandlers({
        db,
        imports: new ImportStore(),
        deliveries,
        catalog,
        topicPrefix: config.KAFKA_TOPIC_PREFIX,
        milestones,
        webhookSet,
      }),
      ...deliveryHandlers(deliveries),
      ...credentialHandlers({
        awards,
        keys,
        credentials: new SignedCredentialStore(db),
        rsaKeys: new IssuerRsaKeyStore(db, keyCipher),
        jwts: new SignedCredentialJwtStore(db),
        statusLists,
        catalog,
        publicBaseUrl: config.PUBLIC_BASE_URL,
      }),
      ...assessmentHandlers({ db, applications, reviews: new ReviewStore(db), deliveries, catalog }),
    } satisfies UnaryHandlers<issuanceV1.IssuanceDefinition>;
    const grpcPort = await runtime.serve([
      registerService(SERVICE_NAME, protos.issuance.v1.Issuance.service, handlers),
    ]);
    return { grpcPort, stop: () => runtime.stop() };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
