/**
 * Consumes OutcomeRecorded: each new event adds to the member's count for
 * (action, location), and the members touched are evaluated in the same
 * transaction (the awards they earn become due_awards rows). Idempotency, ordering, retries and dead-lettering come
 * from service-kit's consumer; this module only says what an outcome means.
 */
import {
  startIdempotentConsumer,
  type Kafka,
  type Knex,
  type Logger,
  type Metrics,
  type Producer,
  type Rejection,
  type RunningConsumer,
} from '@laurel/service-kit';
import type { eventsV1 } from '@laurel/protos';
import { actionKey, aggregateIncrements, outcomeQuantity } from '../domain/outcomes.js';
import type { ActionStore } from '../store/actions.js';
import type { CountStore } from '../store/counts.js';
import { countAndEvaluate } from '../use-cases/evaluate.js';

type OutcomeRecorded = eventsV1.OutcomeRecorded__Output;

export interface OutcomeConsumerDeps {
  kafka: Kafka;
  producer: Producer;
  db: Knex;
  logger: Logger;
  metrics: Metrics;
  topic: string;
  groupId: string;
  defaultLocation: string;
  actions: ActionStore;
  counts: CountStore;
}

export function startOutcomeConsumer(deps: OutcomeConsumerDeps): Promise<RunningConsumer> {
  return startIdempotentConsumer<OutcomeRecorded>({
    kafka: deps.kafka,
    producer: deps.producer,
    db: deps.db,
    logger: deps.logger,
    metrics: deps.metrics,
    groupId: deps.groupId,
    topic: deps.topic,
    eventName: 'OutcomeRecorded',
    consumerName: 'requirements.outcome-recorded',
    // Larger transactions amortise the per-transaction cost (lock, processed ids, one upsert, one evaluation).
    maxEventsPerTransaction: 2000,
    async handle(events, trx) {
      const rejected: Rejection<OutcomeRecorded>[] = [];
      const valid = events.filter((e) => {
        const reason =
          e.event.siteId === '0'
            ? 'siteId is required'
            : e.event.memberId === '0'
              ? 'memberId is required'
              : !e.event.action.trim()
                ? 'action is required'
                : outcomeQuantity(e.event.quantity) === undefined
                  ? 'quantity must not be negative'
                  : undefined;
        if (reason) rejected.push({ event: e, reason });
        return !reason;
      });
      const ids = await deps.actions.resolve(
        trx,
        valid.map((e) => ({ siteId: e.event.siteId, actionKey: actionKey(e.event.action) })),
      );
      const known = valid.filter((e) => {
        const found = ids.has(`${e.event.siteId}:${actionKey(e.event.action)}`);
        if (!found) rejected.push({ event: e, reason: `unknown action "${e.event.action}" in site ${e.event.siteId}` });
        return found;
      });
      const increments = aggregateIncrements(
        known.map(({ event }) => ({
          siteId: event.siteId,
          memberId: event.memberId,
          action: event.action,
          location: event.location,
          quantity: event.quantity,
        })),
        deps.defaultLocation,
      );
      const resolved = increments.map((i) => ({
        siteId: i.siteId,
        memberId: i.memberId,
        location: i.location,
        amount: i.amount,
        actionId: ids.get(`${i.siteId}:${i.actionKey}`) ?? '',
      }));
      await countAndEvaluate(trx, deps.counts, resolved);
      return rejected;
    },
  });
}
