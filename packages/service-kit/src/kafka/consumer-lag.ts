/**
 * Kafka consumer lag per group, topic and partition
 * (laurel_kafka_consumer_lag): the topic's end offset minus the group's
 * committed offset, asked of the broker when Prometheus scrapes and never in
 * between, so an idle process does no work for it (issue 10). One admin
 * connection per Kafka client, opened at the first scrape.
 */
import type { Admin, Kafka } from 'kafkajs';
import type { GaugeSample, Metrics } from '../metrics.js';

export const CONSUMER_LAG_METRIC = 'laurel_kafka_consumer_lag';

interface Tracked {
  kafka: Kafka;
  groupId: string;
  topic: string;
}

/**
 * Messages not yet consumed on each partition. A group that has committed
 * nothing on a partition (offset -1) starts from the beginning, so all of it
 * counts; so does a committed offset that retention has since deleted past.
 */
export function partitionLag(
  ends: readonly { partition: number; high: string; low: string }[],
  committed: readonly { partition: number; offset: string }[],
): { partition: number; lag: number }[] {
  const at = new Map(committed.map((c) => [c.partition, Number(c.offset)]));
  return ends.map(({ partition, high, low }) => {
    const position = Math.max(at.get(partition) ?? -1, Number(low));
    return { partition, lag: Math.max(0, Number(high) - position) };
  });
}

class LagTracker {
  private readonly tracked = new Set<Tracked>();
  private readonly admins = new Map<Kafka, Promise<Admin>>();

  constructor(metrics: Metrics) {
    metrics.scrapeGauge(
      CONSUMER_LAG_METRIC,
      'Messages not yet consumed, by consumer group, topic and partition (read from the broker at scrape time)',
      ['group', 'topic', 'partition'],
      () => this.read(),
    );
  }

  track(entry: Tracked): () => Promise<void> {
    this.tracked.add(entry);
    return async () => {
      this.tracked.delete(entry);
      if ([...this.tracked].some((t) => t.kafka === entry.kafka)) return;
      const admin = this.admins.get(entry.kafka);
      this.admins.delete(entry.kafka);
      if (admin) await admin.then((a) => a.disconnect()).catch(() => undefined);
    };
  }

  private admin(kafka: Kafka): Promise<Admin> {
    let admin = this.admins.get(kafka);
    if (!admin) {
      const created = kafka.admin();
      admin = created.connect().then(() => created);
      // A failed connect is forgotten, so the next scrape tries again.
      admin.catch(() => this.admins.delete(kafka));
      this.admins.set(kafka, admin);
    }
    return admin;
  }

  private async read(): Promise<GaugeSample<'group' | 'topic' | 'partition'>[]> {
    // One group's failure (say, its topic is being recreated) leaves out its series only.
    const perEntry = await Promise.allSettled(
      [...this.tracked].map(async ({ kafka, groupId, topic }) => {
        const admin = await this.admin(kafka);
        const [ends, groups] = await Promise.all([
          admin.fetchTopicOffsets(topic),
          admin.fetchOffsets({ groupId, topics: [topic] }),
        ]);
        const committed = groups.find((g) => g.topic === topic)?.partitions ?? [];
        return partitionLag(ends, committed).map(({ partition, lag }) => ({
          labels: { group: groupId, topic, partition: String(partition) },
          value: lag,
        }));
      }),
    );
    return perEntry.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
  }
}

const trackers = new WeakMap<Metrics, LagTracker>();

/** Reports the lag of `groupId` on `topic` in `metrics` until the returned function is called. */
export function trackConsumerLag(metrics: Metrics, entry: Tracked): () => Promise<void> {
  let tracker = trackers.get(metrics);
  if (!tracker) {
    tracker = new LagTracker(metrics);
    trackers.set(metrics, tracker);
  }
  return tracker.track(entry);
}
