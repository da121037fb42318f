import { describe, expect, it } from 'vitest';
import { ConfigError } from '@laurel/service-kit';
import { DEVELOPMENT_BASE_URL, loadIssuanceConfig } from '../src/config.js';
import { messageOrigin } from '../src/domain/message-origin.js';

const base = { DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'k:9092' };

describe('the origin of webhook URLs', () => {
  it('is PUBLIC_BASE_URL when set, whatever the request said', () => {
    expect(messageOrigin('https://badges.example.org', 'https://request.example.org')).toBe(
      'https://badges.example.org',
    );
    expect(messageOrigin('https://badges.example.org/prefix/', undefined)).toBe('https://badges.example.org/prefix');
  });

  it('is the awarding request’s origin without PUBLIC_BASE_URL', () => {
    expect(messageOrigin(undefined, 'http://127.0.0.1:9999/')).toBe('http://127.0.0.1:9999');
  });

  it('is the development gateway’s, never empty or relative, when neither gives an absolute http(s) origin', () => {
    for (const recorded of [undefined, null, '', '/relative', 'ftp://files.example.org', 'not a url', 42]) {
      expect(messageOrigin(undefined, recorded)).toBe(DEVELOPMENT_BASE_URL);
    }
    expect(new URL(`${DEVELOPMENT_BASE_URL}/public/assertions/x`).protocol).toBe('http:');
  });
});

describe('issuance’s PUBLIC_BASE_URL setting', () => {
  it('is optional outside production and kept without a trailing slash', () => {
    expect(loadIssuanceConfig({ ...base, NODE_ENV: 'development' }).PUBLIC_BASE_URL).toBeUndefined();
    expect(loadIssuanceConfig({ ...base, PUBLIC_BASE_URL: 'https://badges.example.org/' }).PUBLIC_BASE_URL).toBe(
      'https://badges.example.org',
    );
  });

  it('is required in production', () => {
    // Production also needs its own key for the issuer keys; given here so that only PUBLIC_BASE_URL is missing.
    const production = {
      ...base,
      NODE_ENV: 'production',
      CREDENTIAL_KEY_ENCRYPTION_KEY: 'a-production-sealing-key-0123456789abcdef',
    };
    expect(() => loadIssuanceConfig(production)).toThrow(ConfigError);
    expect(() => loadIssuanceConfig(production)).toThrow(/PUBLIC_BASE_URL/);
    expect(loadIssuanceConfig({ ...production, PUBLIC_BASE_URL: 'https://badges.example.org' }).PUBLIC_BASE_URL).toBe(
      'https://badges.example.org',
    );
  });

  it('refuses anything but an absolute http(s) URL without query or fragment', () => {
    for (const value of [
      'badges.example.org',
      '/public',
      'ftp://badges.example.org',
      'mailto:a@b.org',
      'https://badges.example.org/?a=1',
      'https://badges.example.org/#x',
    ]) {
      expect(() => loadIssuanceConfig({ ...base, PUBLIC_BASE_URL: value }), value).toThrow(/PUBLIC_BASE_URL/);
    }
  });
});
