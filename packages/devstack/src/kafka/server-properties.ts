export interface BrokerLayout {
  /** Port of the PLAINTEXT listener that clients use. */
  port: number;
  /** Port of the KRaft controller listener; only the broker itself talks to it. */
  controllerPort: number;
  dataDir: string;
}

/** Backslashes are escapes in .properties files, so Windows-style paths need doubling. */
function propertyValue(value: string): string {
  return value.replace(/\\/g, '\\\\');
}

/**
 * server.properties for a one-node KRaft cluster (broker and controller in one JVM),
 * tuned for development and tests: everything at replication 1, and internal topics
 * with a single partition, because creating the default 50 partitions of
 * __consumer_offsets makes the first consumer group join take seconds.
 */
export function renderServerProperties(layout: BrokerLayout): string {
  const { port, controllerPort } = layout;
  const entries: [string, string | number | boolean][] = [
    ['process.roles', 'broker,controller'],
    ['node.id', 1],
    ['controller.quorum.voters', `1@127.0.0.1:${controllerPort}`],
    ['listeners', `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`],
    ['advertised.listeners', `PLAINTEXT://127.0.0.1:${port}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['listener.security.protocol.map', 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT'],
    ['inter.broker.listener.name', 'PLAINTEXT'],
    ['log.dirs', propertyValue(layout.dataDir)],

    ['num.partitions', 1],
    ['default.replication.factor', 1],
    ['min.insync.replicas', 1],
    ['offsets.topic.replication.factor', 1],
    ['offsets.topic.num.partitions', 1],
    ['transaction.state.log.replication.factor', 1],
    ['transaction.state.log.min.isr', 1],
    ['transaction.state.log.num.partitions', 1],
    ['auto.create.topics.enable', true],
    ['delete.topic.enable', true],

    // Consumers in tests join and leave constantly; do not make them wait for company.
    ['group.initial.rebalance.delay.ms', 0],

    // An idle broker should stay idle: by default the active controller appends a no-op record
    // to the metadata log every 500 ms (KIP-835, so that monitoring sees it alive), which was
    // half of an idle broker's CPU here. Topic data and offsets are written and flushed as before.
    ['metadata.max.idle.interval.ms', 0],

    // A dev machine may have two cores; Kafka's defaults assume a server.
    ['num.network.threads', 2],
    ['num.io.threads', 2],
    ['background.threads', 2],
    ['num.recovery.threads.per.data.dir', 1],
    ['log.cleaner.threads', 1],

    // Tests create many small topics: keep per-partition files small and the disk quiet.
    ['log.index.size.max.bytes', 1024 * 1024],
    ['log.segment.bytes', 64 * 1024 * 1024],
    // A week, Kafka's own default: events not yet consumed when `npm start` stops wait for the next start.
    ['log.retention.hours', 168],
  ];
  return entries.map(([key, value]) => `${key}=${String(value)}`).join('\n') + '\n';
}
