import { describe, expect, it } from 'vitest';
import { renderServerProperties } from '../src/kafka/server-properties.js';

function parse(text: string): Map<string, string> {
  return new Map(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('renderServerProperties', () => {
  const props = parse(renderServerProperties({ port: 29092, controllerPort: 29093, dataDir: '/tmp/state/kafka-data' }));

  it('describes a one-node KRaft cluster on loopback', () => {
    expect(props.get('process.roles')).toBe('broker,controller');
    expect(props.get('node.id')).toBe('1');
    expect(props.get('controller.quorum.voters')).toBe('1@127.0.0.1:29093');
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093');
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:29092');
    expect(props.get('controller.listener.names')).toBe('CONTROLLER');
    expect(props.get('listener.security.protocol.map')).toBe('PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT');
    expect(props.get('inter.broker.listener.name')).toBe('PLAINTEXT');
    expect(props.get('log.dirs')).toBe('/tmp/state/kafka-data');
  });

  it('uses replication 1 everywhere and quick topic and group set-up', () => {
    expect(props.get('offsets.topic.replication.factor')).toBe('1');
    expect(props.get('offsets.topic.num.partitions')).toBe('1');
    expect(props.get('transaction.state.log.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.min.isr')).toBe('1');
    expect(props.get('default.replication.factor')).toBe('1');
    expect(props.get('num.partitions')).toBe('1');
    expect(props.get('group.initial.rebalance.delay.ms')).toBe('0');
    expect(props.get('auto.create.topics.enable')).toBe('true');
  });

  it('lets an idle broker idle: no periodic no-op records in the metadata log', () => {
    expect(props.get('metadata.max.idle.interval.ms')).toBe('0');
  });

  it('runs one network thread, one request handler and one background thread: each polls on a timer when idle', () => {
    expect(props.get('num.network.threads')).toBe('1');
    expect(props.get('num.io.threads')).toBe('1');
    expect(props.get('background.threads')).toBe('1');
  });

  it('checkpoints high watermarks and looks for timed-out transactions once a minute, not every 5 and 10 s', () => {
    expect(props.get('replica.high.watermark.checkpoint.interval.ms')).toBe('60000');
    expect(props.get('transaction.abort.timed.out.transaction.cleanup.interval.ms')).toBe('60000');
  });

  it('keeps the broker session and heartbeat at their defaults, so a restart after a crash is not delayed', () => {
    expect(props.has('broker.session.timeout.ms')).toBe(false);
    expect(props.has('broker.heartbeat.interval.ms')).toBe(false);
  });

  it('has one line per key', () => {
    const lines = renderServerProperties({ port: 1, controllerPort: 2, dataDir: '/d' }).trim().split('\n');
    expect(new Set(lines.map((l) => l.split('=')[0])).size).toBe(lines.length);
  });

  it('escapes backslashes, which .properties files treat as escapes', () => {
    const text = renderServerProperties({ port: 1, controllerPort: 2, dataDir: 'C:\\state\\kafka-data' });
    expect(parse(text).get('log.dirs')).toBe('C:\\\\state\\\\kafka-data');
  });
});
