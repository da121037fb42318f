import { describe, expect, it } from 'vitest';
import { ConfigError } from '@laurel/service-kit';
import { DEV_MASTER_SECRET, loadGatewayConfig } from '../src/config.js';

const base = { DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'k:9092' };
// Production also needs the key that protects consumer secrets; this test is about the master secret.
const productionKey = { SECRET_ENCRYPTION_KEY: 'k'.repeat(32), PUBLIC_BASE_URL: 'https://badges.example.org' };
const production = { ...base, ...productionKey, NODE_ENV: 'production', BADGEKIT_MASTER_SECRET: 'a-long-enough-secret' };

describe('gateway settings', () => {
  it('uses the development master secret outside production', () => {
    expect(loadGatewayConfig({ ...base, NODE_ENV: 'development' }).BADGEKIT_MASTER_SECRET).toBe(DEV_MASTER_SECRET);
  });

  it('refuses to start in production without a master secret', () => {
    expect(() => loadGatewayConfig({ ...base, ...productionKey, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ ...base, ...productionKey, NODE_ENV: 'production' })).toThrow(/BADGEKIT_MASTER_SECRET/);
    expect(loadGatewayConfig({ ...base, ...productionKey, NODE_ENV: 'production', BADGEKIT_MASTER_SECRET: 'a-long-enough-secret' }).BADGEKIT_MASTER_SECRET).toBe('a-long-enough-secret');
  });

  it('refuses to start in production without PUBLIC_BASE_URL, which would let Host headers name the issuer', () => {
    const { PUBLIC_BASE_URL: _omitted, ...withoutBase } = production;
    expect(() => loadGatewayConfig(withoutBase)).toThrow(ConfigError);
    expect(() => loadGatewayConfig(withoutBase)).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadGatewayConfig({ ...production, PUBLIC_BASE_URL: 'not a url' })).toThrow(/PUBLIC_BASE_URL/);
    expect(loadGatewayConfig(production).PUBLIC_BASE_URL).toBe('https://badges.example.org');
    expect(loadGatewayConfig({ ...base, NODE_ENV: 'development' }).PUBLIC_BASE_URL).toBeUndefined();
  });

  it('refuses a short secret', () => {
    expect(() => loadGatewayConfig({ ...base, BADGEKIT_MASTER_SECRET: 'short' })).toThrow(/BADGEKIT_MASTER_SECRET/);
  });
});
