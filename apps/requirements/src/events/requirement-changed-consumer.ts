/**
 * Consumes RequirementChanged (architecture.md, flow 2): every member who may
 * now qualify for the badge before or after the change is re-evaluated in one
 * statement, and the awards they earn become due. Never revokes.
 */
import {
  startIdempotentConsumer,
  type Kafka,
  type Knex,
  type Logger,
  type Metrics,
  type Producer,
  type RunningConsumer,
} from '@laurel/service-kit';
import type { eventsV1 } from '@laurel/protos';
import { reevaluateBadges } from '../use-cases/evaluate.js';

type RequirementChanged = eventsV1.RequirementChanged__Output;

export interface RequirementChangedConsumerDeps {
  kafka: Kafka;
  producer: Producer;
  db: Knex;
  logger: Logger;
  metrics: Metrics;
  topic: string;
  groupId: string;
}

export function startRequirementChangedConsumer(deps: RequirementChangedConsumerDeps): Promise<RunningConsumer> {
  return startIdempotentConsumer<RequirementChanged>({
    kafka: deps.kafka,
    producer: deps.producer,
    db: deps.db,
    logger: deps.logger,
    metrics: deps.metrics,
    groupId: deps.groupId,
    topic: deps.topic,
    eventName: 'RequirementChanged',
    consumerName: 'requirements.requirement-changed',
    async handle(events, trx) {
      const bySite = new Map<string, Set<string>>();
      for (const { event } of events) {
        const badges = bySite.get(event.siteId) ?? new Set<string>();
        for (const state of [event.before, event.after]) if (state && state.badgeId !== '0') badges.add(state.badgeId);
        bySite.set(event.siteId, badges);
      }
      for (const [siteId, badges] of bySite) {
        const due = await reevaluateBadges(trx, siteId, [...badges]);
        if (due > 0) deps.logger.info({ siteId, badges: [...badges], due }, 're-evaluation found awards due');
      }
    },
  });
}
