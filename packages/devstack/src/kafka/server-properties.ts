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

    // A dev machine may have two cores; Kafka's defaults assume a server. One thread each, not two:
    // every network thread polls its sockets and every request handler its queue every 300 ms even
    // with nothing to do, for the client listener and again for the controller's, so each thread
    // fewer is ~6 wake-ups a second fewer on an idle broker (issue 10). A fetch waiting for data
    // parks in purgatory, not in a handler, so one handler is not held up by consumers' long-polls.
    ['num.network.threads', 1],
    ['num.io.threads', 1],
    ['background.threads', 1],
    ['num.recovery.threads.per.data.dir', 1],
    ['log.cleaner.threads', 1],

    // Timers of a one-node cluster that cost an idle broker CPU and buy a dev broker nothing:
    // (Not the broker's 2 s heartbeat to its own controller: the heartbeat must stay well inside the
    // broker session timeout, and a longer session delays a restart after a crash by as much,
    // because the controller refuses the new incarnation until the old session has expired.)
    // - high watermarks are checkpointed to a file (written and fsynced) every 5 s by default. With a
    //   single replica the leader's high watermark is its log end as soon as it starts, so a stale
    //   checkpoint after a crash loses nothing; the data itself is written as before.
    ['replica.high.watermark.checkpoint.interval.ms', 60_000],
    // - Laurel's producers are idempotent, not transactional: no transaction can time out, so the
    //   10 s default search for timed-out ones finds nothing.
    ['transaction.abort.timed.out.transaction.cleanup.interval.ms', 60_000],

    // Tests create many small topics: keep per-partition files small and the disk quiet.
    ['log.index.size.max.bytes', 1024 * 1024],
    ['log.segment.bytes', 64 * 1024 * 1024],
    // A week, Kafka's own default: events not yet consumed when `npm start` stops wait for the next start.
    ['log.retention.hours', 168],
  ];
  return entries.map(([key, value]) => `${key}=${String(value)}`).join('\n') + '\n';
}
