/**
 * The issuance process. This first version runs its outbox relay (every award
 * and revocation will be published through it) and serves the standard health
 * and reflection services and the Issuance contract, whose calls answer
 * UNIMPLEMENTED until the issuance issue gives them handlers.
 */
import { createKafka, createProducer, ensureTopics, registerService, startOutboxRelay, startServiceRuntime, topicName } from '@laurel/service-kit';
import { laurelProtos } from '@laurel/protos';
import { migrations } from '../migrations/index.js';
import type { IssuanceConfig } from './config.js';

export const SCHEMA = 'issuance';
export const SERVICE_NAME = 'laurel.issuance.v1.Issuance';

export interface RunningIssuance {
  grpcPort: number;
  stop(): Promise<void>;
}

export async function start(config: IssuanceConfig): Promise<RunningIssuance> {
  const runtime = await startServiceRuntime({ name: 'issuance', schema: SCHEMA, migrations, config });
  const { db, logger, metrics } = runtime;
  try {
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'laurel-issuance', logger });
    await ensureTopics(kafka, [topicName(config.KAFKA_TOPIC_PREFIX, 'badgeAwarded'), topicName(config.KAFKA_TOPIC_PREFIX, 'badgeRevoked')]);
    const producer = await createProducer(kafka);
    runtime.onStop(() => producer.disconnect());
    const relay = startOutboxRelay({ db, producer, schema: SCHEMA, logger, metrics });
    runtime.onStop(relay.stop);
    const grpcPort = await runtime.serve([registerService(SERVICE_NAME, laurelProtos().issuance.v1.Issuance.service, {})]);
    return { grpcPort, stop: runtime.stop };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
