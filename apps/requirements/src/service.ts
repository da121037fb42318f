/**
 * The requirements process: its gRPC server, its outcome and
 * requirement-changed consumers, the award worker and the outbox relay. `start` is used by main.ts and by tests alike.
 */
import {
  catalogClient,
  processedEventsRetention,
  registerService,
  ServiceClient,
  startEventPublishing,
  startRetention,
  startServiceRuntime,
  topicName,
} from '@laurel/service-kit';
import { laurelProtos } from '@laurel/protos';
import { migrations } from '../migrations/index.js';
import type { RequirementsConfig } from './config.js';
import { startOutcomeConsumer } from './events/outcome-consumer.js';
import { startRequirementChangedConsumer } from './events/requirement-changed-consumer.js';
import { requirementsHandlers } from './rpc/requirements.js';
import { ActionStore } from './store/actions.js';
import { CountStore } from './store/counts.js';
import { DueAwardStore } from './store/due-awards.js';
import { RequirementStore } from './store/requirements.js';
import { UserActionStore } from './store/user-actions.js';
import { startAwardWorker } from './workers/due-awards.js';

export const SCHEMA = 'requirements';
export const SERVICE_NAME = 'laurel.requirements.v1.Requirements';

export interface RunningRequirements {
  grpcPort: number;
  stop(): Promise<void>;
}

export async function start(config: RequirementsConfig): Promise<RunningRequirements> {
  const runtime = await startServiceRuntime({ name: 'requirements', schema: SCHEMA, migrations, config });
  const { db, logger, metrics } = runtime;
  try {
    const requirementChangedTopic = topicName(config.KAFKA_TOPIC_PREFIX, 'requirementChanged');
    const { kafka, producer } = await startEventPublishing(runtime, {
      brokers: config.KAFKA_BROKERS,
      topics: [requirementChangedTopic],
    });

    const protos = laurelProtos();
    const clientOptions = { deadlineMs: config.GRPC_DEADLINE_MS, metrics };
    const catalog = catalogClient(db, config.CATALOG_ADDR, clientOptions);
    const issuance = new ServiceClient(protos.issuance.v1.Issuance.service, config.ISSUANCE_ADDR, clientOptions);
    runtime.onStop(() => {
      catalog.close();
      issuance.close();
      return Promise.resolve();
    });

    const actions = new ActionStore(db);
    const counts = new CountStore(db);
    const requirements = new RequirementStore(db, requirementChangedTopic);
    const userActions = new UserActionStore(db);

    const worker = startAwardWorker({
      dueAwards: new DueAwardStore(db),
      logger,
      catalog,
      issuance,
      listener: runtime.listener,
      pollMs: runtime.workPollMs,
    });
    runtime.onStop(() => worker.stop());
    const retention = startRetention({
      rules: [processedEventsRetention(db, config.PROCESSED_EVENTS_RETENTION_DAYS)],
      logger,
    });
    runtime.onStop(() => retention.stop());
    // Joined in parallel: each group join waits out the broker's rebalance delay.
    const started = await Promise.allSettled([
      startOutcomeConsumer({
        kafka,
        producer,
        db,
        logger,
        metrics,
        actions,
        counts,
        topic: topicName(config.KAFKA_TOPIC_PREFIX, 'outcomeRecorded'),
        groupId: `${config.KAFKA_TOPIC_PREFIX}laurel.requirements.outcomes`,
        defaultLocation: config.OUTCOME_LOCATION,
      }),
      startRequirementChangedConsumer({
        kafka,
        producer,
        db,
        logger,
        metrics,
        topic: requirementChangedTopic,
        groupId: `${config.KAFKA_TOPIC_PREFIX}laurel.requirements.reevaluation`,
      }),
    ]);
    // Stopped together: each waits for its fetch in flight, which the broker may hold for a few seconds.
    const consumers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    runtime.onStop(async () => {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
    });
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;

    const grpcPort = await runtime.serve([
      registerService(
        SERVICE_NAME,
        protos.requirements.v1.Requirements.service,
        requirementsHandlers({ actions, counts, requirements, userActions, catalog }),
      ),
    ]);
    return { grpcPort, stop: () => runtime.stop() };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
