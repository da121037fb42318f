/**
 * The requirements process: its gRPC server, its outcome consumer and its
 * outbox relay. `start` is used by main.ts and by tests alike.
 */
import { createKafka, createProducer, ensureTopics, registerService, startOutboxRelay, startServiceRuntime, topicName } from '@laurel/service-kit';
import { laurelProtos } from '@laurel/protos';
import { migrations } from '../migrations/index.js';
import type { RequirementsConfig } from './config.js';
import { startOutcomeConsumer } from './events/outcome-consumer.js';
import { requirementsHandlers } from './rpc/requirements.js';
import { ActionStore } from './store/actions.js';
import { CountStore } from './store/counts.js';

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
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'laurel-requirements', logger });
    await ensureTopics(kafka, [topicName(config.KAFKA_TOPIC_PREFIX, 'requirementChanged')]);
    const producer = await createProducer(kafka);
    runtime.onStop(() => producer.disconnect());
    const relay = startOutboxRelay({ db, producer, schema: SCHEMA, logger, metrics });
    runtime.onStop(relay.stop);

    const actions = new ActionStore(db);
    const counts = new CountStore(db);
    const consumer = await startOutcomeConsumer({
      kafka, producer, db, logger, metrics, actions, counts,
      topic: topicName(config.KAFKA_TOPIC_PREFIX, 'outcomeRecorded'),
      groupId: `${config.KAFKA_TOPIC_PREFIX}laurel.requirements.outcomes`,
      defaultLocation: config.OUTCOME_LOCATION,
    });
    runtime.onStop(consumer.stop);

    const grpcPort = await runtime.serve([
      registerService(SERVICE_NAME, laurelProtos().requirements.v1.Requirements.service, requirementsHandlers(actions, counts)),
    ]);
    return { grpcPort, stop: runtime.stop };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
