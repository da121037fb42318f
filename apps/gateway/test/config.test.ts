import { describe, expect, it } from 'vitest';
import { ConfigError } from '@laurel/service-kit';
import { DEV_MASTER_SECRET, loadGatewayConfig } from '../src/config.js';

const base = { DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'k:9092' };
// Production also needs the key that protects consumer secrets; this test is about the master secret.
const productionKey = { SECRET_ENCRYPTION_KEY: 'k'.repeat(32) };

describe('gateway settings', () => {
  it('uses the development master secret outside production', () => {
    expect(loadGatewayConfig({ ...base, NODE_ENV: 'development' }).BADGEKIT_MASTER_SECRET).toBe(DEV_MASTER_SECRET);
  });

  it('refuses to start in production without a master secret', () => {
    expect(() => loadGatewayConfig({ ...base, ...productionKey, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ ...base, ...productionKey, NODE_ENV: 'production' })).toThrow(/BADGEKIT_MASTER_SECRET/);
    expect(loadGatewayConfig({ ...base, ...productionKey, NODE_ENV: 'production', BADGEKIT_MASTER_SECRET: 'a-long-enough-secret' }).BADGEKIT_MASTER_SECRET).toBe('a-long-enough-secret');
  });

  it('refuses a short secret', () => {
    expect(() => loadGatewayConfig({ ...base, BADGEKIT_MASTER_SECRET: 'short' })).toThrow(/BADGEKIT_MASTER_SECRET/);
  });
});
