import { describe, expect, it } from 'vitest';
import { ConfigError } from '@laurel/service-kit';
import { DEV_MASTER_SECRET, DEV_SECRET_ENCRYPTION_KEY, loadGatewayConfig } from '../src/config.js';

const base = { DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'k:9092' };
// Production also needs the key that protects consumer secrets; this test is about the master secret.
const productionKey = { SECRET_ENCRYPTION_KEY: 'k'.repeat(32), PUBLIC_BASE_URL: 'https://badges.example.org' };
const production = {
  ...base,
  ...productionKey,
  NODE_ENV: 'production',
  BADGEKIT_MASTER_SECRET: 'a-long-enough-secret',
};

describe('gateway settings', () => {
  it('uses the development master secret outside production', () => {
    expect(loadGatewayConfig({ ...base, NODE_ENV: 'development' }).BADGEKIT_MASTER_SECRET).toBe(DEV_MASTER_SECRET);
  });

  it('refuses to start in production without a master secret', () => {
    expect(() => loadGatewayConfig({ ...base, ...productionKey, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ ...base, ...productionKey, NODE_ENV: 'production' })).toThrow(
      /BADGEKIT_MASTER_SECRET/,
    );
    expect(
      loadGatewayConfig({
        ...base,
        ...productionKey,
        NODE_ENV: 'production',
        BADGEKIT_MASTER_SECRET: 'a-long-enough-secret',
      }).BADGEKIT_MASTER_SECRET,
    ).toBe('a-long-enough-secret');
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

describe('gateway secrets that are public', () => {
  const production = {
    ...base,
    NODE_ENV: 'production',
    BADGEKIT_MASTER_SECRET: 'a-long-enough-secret',
    SECRET_ENCRYPTION_KEY: 'k'.repeat(32),
    PUBLIC_BASE_URL: 'https://badges.example.org',
  };

  it.each([
    ['BADGEKIT_MASTER_SECRET', 'REPLACE_ME_with_a_long_random_secret'],
    ['BADGEKIT_MASTER_SECRET', 'please-change-me-0123456789'],
    ['SECRET_ENCRYPTION_KEY', 'CHANGEME_CHANGEME_CHANGEME_CHANGEME'],
    ['SECRET_ENCRYPTION_KEY', 'placeholder-placeholder-placeholder'],
    ['DATABASE_URL', 'postgres://laurel:REPLACE_ME_password@db:5432/laurel'],
  ])('refuses %s=%s, in production and outside it', (name, value) => {
    for (const env of [production, { ...base, NODE_ENV: 'development' }]) {
      expect(() => loadGatewayConfig({ ...env, [name]: value })).toThrow(new RegExp(`${name}: is a placeholder`));
    }
  });

  it.each([
    ['BADGEKIT_MASTER_SECRET', DEV_MASTER_SECRET],
    ['SECRET_ENCRYPTION_KEY', DEV_SECRET_ENCRYPTION_KEY],
  ])('refuses the development default of %s in production only', (name, value) => {
    expect(() => loadGatewayConfig({ ...production, [name]: value })).toThrow(
      new RegExp(`${name}: is the public development default`),
    );
    expect(loadGatewayConfig({ ...base, [name]: value })[name as 'SECRET_ENCRYPTION_KEY']).toBe(value);
  });

  it('accepts real random values in production', () => {
    expect(() => loadGatewayConfig(production)).not.toThrow();
  });
});
