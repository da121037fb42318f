/**
 * Publishes every version of every status list, once, within moments of the
 * revocation that made it (issue #11 item 3): a revocation commits its bit
 * and wakes this worker (STATUS_LIST_CHANNEL). The worker reads the lists
 * whose version is unpublished and signs each (no lock or transaction held
 * while signing: a revocation never waits for a signature, and signing, which
 * needs a connection of its own for the key, cannot starve the pool). Then,
 * in one short transaction, it claims the version (FOR UPDATE, still
 * unpublished and unchanged, see StatusListStore.claimVersion), keeps the text, marks the version
 * published and enqueues StatusListPublished in the outbox. So an event
 * exists exactly when its version is marked published, whichever replica got
 * there; a version that changed meanwhile is left for the next round (its
 * revocation woke the worker again), and a process killed in between leaves
 * the list unpublished for the next round (the first after start-up, or the
 * safety-net poll of another replica). Revocations that commit before a round
 * are coalesced into one version.
 */
import {
  enqueueEvents,
  startPollingLoop,
  type Knex,
  type Logger,
  type PollingLoop,
  type WorkListener,
} from '@laurel/service-kit';
import { statusListPublishedEvent } from '../events/status-list-events.js';
import type { IssuerKeyStore } from '../store/issuer-keys.js';
import { STATUS_LIST_CHANNEL, type StatusListRow, type StatusListStore } from '../store/status-lists.js';
import { signStatusList } from '../credentials/status-list-signing.js';

export interface StatusListPublisherOptions {
  db: Knex;
  statusLists: Pick<StatusListStore, 'unpublished' | 'claimVersion' | 'markPublished'>;
  keys: Pick<IssuerKeyStore, 'signingKey'>;
  topicPrefix: string;
  logger: Logger;
  listener: WorkListener;
  /** The safety-net poll, for lists changed by a process that died before publishing. */
  pollMs: number;
}

/** Lists per round. */
const BATCH = 20;

export function startStatusListPublisher(options: StatusListPublisherOptions): PollingLoop {
  const log = options.logger.child({ component: 'status-list-publisher' });
  const { statusLists } = options;

  /** Publishes the list's version if it is still the current, unpublished one; whether it did. */
  const publish = async (list: StatusListRow): Promise<boolean> => {
    const signed =
      list.signed_version === list.version && list.signed_credential !== null
        ? list.signed_credential
        : await signStatusList(list, options.keys);
    return options.db.transaction(async (trx) => {
      const claimed = await statusLists.claimVersion(trx, list.id, list.version);
      if (!claimed) return false;
      // A fetch may have kept its own signature of this version meanwhile: every reader of a version gets one text.
      const credential =
        claimed.signed_version === claimed.version && claimed.signed_credential !== null
          ? claimed.signed_credential
          : signed;
      await statusLists.markPublished(trx, claimed, credential);
      await enqueueEvents(trx, [statusListPublishedEvent(options.topicPrefix, claimed, credential)]);
      return true;
    });
  };

  const round = async () => {
    const lists = await statusLists.unpublished(BATCH);
    let published = 0;
    for (const list of lists) if (await publish(list)) published += 1;
    if (published > 0) log.debug({ published }, 'status lists published');
    // Only a full batch all published says there may be more now; a list skipped here changed meanwhile,
    // and the revocation that changed it wakes the worker again once it commits.
    return lists.length === BATCH && published === BATCH;
  };

  return startPollingLoop({
    round,
    idleMs: options.pollMs,
    onError: (error) => log.error({ err: error }, 'publishing status lists failed; retrying'),
    wakeOn: { listener: options.listener, channels: [STATUS_LIST_CHANNEL] },
  });
}
