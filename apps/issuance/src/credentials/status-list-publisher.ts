/**
 * Publishes every version of every status list, once, within moments of the
 * revocation that made it (issue #11 item 3): a revocation commits its bit
 * and wakes this worker (STATUS_LIST_CHANNEL); the worker claims the lists
 * whose version is unpublished (FOR UPDATE SKIP LOCKED), signs each — or takes
 * the text a fetch already signed for that version — and in the same
 * transaction keeps it, marks the version published and enqueues
 * StatusListPublished in the outbox. So an event exists exactly when its
 * version is marked published, whichever replica got there, and a process
 * killed in between leaves the list unpublished for the next round (the
 * first one after start-up, or the safety-net poll of another replica).
 *
 * Revocations that commit before a round are coalesced into one version's
 * event; one that commits while a round holds the list waits for it, then
 * bumps the version and wakes the worker again.
 */
import { enqueueEvents, startPollingLoop, type Knex, type Logger, type PollingLoop, type WorkListener } from '@laurel/service-kit';
import { statusListPublishedEvent } from '../events/status-list-events.js';
import type { IssuerKeyStore } from '../store/issuer-keys.js';
import { STATUS_LIST_CHANNEL, type StatusListStore } from '../store/status-lists.js';
import { signStatusList } from './status-list-signing.js';

export interface StatusListPublisherOptions {
  db: Knex;
  statusLists: Pick<StatusListStore, 'claimUnpublished' | 'markPublished'>;
  keys: Pick<IssuerKeyStore, 'signingKey'>;
  topicPrefix: string;
  logger: Logger;
  listener: WorkListener;
  /** The safety-net poll, for lists changed by a process that died before publishing. */
  pollMs: number;
}

/**
 * Lists per round. Small: the claimed lists stay locked while they are
 * signed (a few ms each), and a revocation of one of them waits that long.
 */
const BATCH = 5;

export function startStatusListPublisher(options: StatusListPublisherOptions): PollingLoop {
  const log = options.logger.child({ component: 'status-list-publisher' });
  const round = () =>
    options.db.transaction(async (trx) => {
      const lists = await options.statusLists.claimUnpublished(trx, BATCH);
      for (const list of lists) {
        const credential = list.signed_version === list.version && list.signed_credential !== null ? list.signed_credential : await signStatusList(list, options.keys);
        await options.statusLists.markPublished(trx, list, credential);
        await enqueueEvents(trx, [statusListPublishedEvent(options.topicPrefix, list, credential)]);
      }
      if (lists.length > 0) log.debug({ lists: lists.map((l) => `${l.site_id}:${l.number}@${l.version}`) }, 'status lists published');
      return lists.length === BATCH;
    });
  return startPollingLoop({
    round,
    idleMs: options.pollMs,
    onError: (error) => log.error({ err: error }, 'publishing status lists failed; retrying'),
    wakeOn: { listener: options.listener, channels: [STATUS_LIST_CHANNEL] },
  });
}
