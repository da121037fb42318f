import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, databaseSettings, grpcServerSettings, kafkaSettings, loadConfig } from '../src/config.js';

const schema = z.object({ ...databaseSettings, ...kafkaSettings, ...grpcServerSettings(50051) });

describe('loadConfig', () => {
  it('applies defaults and parses lists', () => {
    const config = loadConfig(schema, { DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'a:9092, b:9093' });
    expect(config).toMatchObject({
      KAFKA_BROKERS: ['a:9092', 'b:9093'],
      GRPC_PORT: 50051,
      DATABASE_POOL_MAX: 10,
      KAFKA_TOPIC_PREFIX: '',
    });
  });

  it('names every problem at once', () => {
    let error: unknown;
    try {
      loadConfig(schema, { DATABASE_URL: 'mysql://h/db', KAFKA_BROKERS: 'no-port', GRPC_PORT: '70000' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/KAFKA_BROKERS/);
    expect(problems).toMatch(/GRPC_PORT/);
  });

  it('reports a missing required setting', () => {
    expect(() => loadConfig(schema, { KAFKA_BROKERS: 'a:1' })).toThrow(/DATABASE_URL/);
  });
});
