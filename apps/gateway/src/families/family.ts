import type { Producer } from 'kafkajs';
import type { Knex, Logger } from '@laurel/service-kit';
import type { ServiceClients } from '../clients.js';
import type { GatewayConfig } from '../config.js';
import type { RouteRegistry } from '../openapi/registry.js';

/** What every API family's router is built from. */
export interface FamilyOptions {
  clients: ServiceClients;
  config: GatewayConfig;
  logger: Logger;
  registry: RouteRegistry;
  /** The gateway's own schema: consumers, members, login tokens. */
  db: Knex;
  /** Publishes outcome events (v2 Outcome) and waits for Kafka's acknowledgement. */
  producer: Producer;
}
