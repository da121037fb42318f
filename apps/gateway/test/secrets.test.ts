/**
 * Consumer secrets (domain/secrets.ts): random keys and secrets, scrypt
 * hashes compared in constant time, and the AES-256-GCM sealed copy that
 * exists only so HMAC signatures can be checked; plus the setting its key
 * comes from.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, SecretCipher, SecretSealError } from '@laurel/service-kit';
import { DEV_SECRET_ENCRYPTION_KEY, loadGatewayConfig } from '../src/config.js';
import {
  digestSecret,
  generateConsumerKey,
  generatePassword,
  generateSecret,
  hashSecret,
  matchesSecret,
  md5Hex,
  verifySecret,
} from '../src/domain/secrets.js';

const KEY = 'an-encryption-key-of-at-least-32-characters';

describe('keys and secrets', () => {
  it('draws a fresh 160-bit key and a 256-bit secret each time', () => {
    const keys = new Set(Array.from({ length: 50 }, generateConsumerKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{40}$/);
    const secret = generateSecret();
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(generateSecret()).not.toBe(secret);
    expect(generatePassword().length).toBeGreaterThanOrEqual(16);
  });
});

describe('slow hashes', () => {
  it('hash with a per-secret salt and verify only the right secret', async () => {
    const one = await hashSecret('s3cret-value');
    const two = await hashSecret('s3cret-value');
    expect(one).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(one).not.toBe(two);
    expect(await verifySecret('s3cret-value', one)).toBe(true);
    expect(await verifySecret('s3cret-valuE', one)).toBe(false);
    expect(await verifySecret('', one)).toBe(false);
  });

  it('verify with the parameters stored in the hash, so they can be raised later', async () => {
    const cheap = await hashSecret('abc', { N: 1024, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifySecret('abc', cheap)).toBe(true);
  });

  it('never match a malformed hash', async () => {
    expect(await verifySecret('abc', 'abc')).toBe(false);
    expect(await verifySecret('abc', 'scrypt$x$8$1$a$b')).toBe(false);
    expect(await verifySecret('abc', '')).toBe(false);
  });

  it('accept the md5 of the secret only where allowed (the customer import)', async () => {
    const secret = generateSecret();
    const digests = await digestSecret(secret);
    expect(md5Hex('abc')).toBe(createHash('md5').update('abc').digest('hex'));
    expect(await matchesSecret(secret, digests)).toBe(true);
    expect(await matchesSecret(md5Hex(secret), digests)).toBe(false);
    expect(await matchesSecret(md5Hex(secret), digests, { allowMd5: true })).toBe(true);
    expect(await matchesSecret('guess', digests, { allowMd5: true })).toBe(false);
  });
});

describe('the sealed copy', () => {
  const cipher = new SecretCipher(KEY);

  it('opens to the secret under the same key and context, and differs every time', () => {
    const sealed = cipher.seal('the-secret', 'consumer-key');
    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('the-secret');
    expect(cipher.seal('the-secret', 'consumer-key')).not.toBe(sealed);
    expect(cipher.open(sealed, 'consumer-key')).toBe('the-secret');
    expect(new SecretCipher(KEY).open(sealed, 'consumer-key')).toBe('the-secret');
  });

  it('does not open under another context (a copy moved to another consumer)', () => {
    const sealed = cipher.seal('the-secret', 'consumer-a');
    expect(() => cipher.open(sealed, 'consumer-b')).toThrow(SecretSealError);
  });

  it('does not open when tampered with', () => {
    const [version, fingerprint, iv, tag, data] = cipher.seal('the-secret', 'k').split('.') as [
      string,
      string,
      string,
      string,
      string,
    ];
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => cipher.open([version, fingerprint, iv, tag, flipped.toString('base64url')].join('.'), 'k')).toThrow(
      /does not open/,
    );
    expect(() => cipher.open('plain text', 'k')).toThrow(/not a sealed secret/);
  });

  it('names the key mismatch when the gateway runs with another key', () => {
    const sealed = cipher.seal('the-secret', 'k');
    const other = new SecretCipher('another-encryption-key-of-32-characters!');
    expect(() => other.open(sealed, 'k')).toThrow(/sealed with another encryption key/);
  });

  it('refuses a short key', () => {
    expect(() => new SecretCipher('short')).toThrow(/at least 32 characters/);
  });
});

describe('SECRET_ENCRYPTION_KEY', () => {
  // Production's other required settings, so that only the key is missing.
  const base = {
    DATABASE_URL: 'postgres://h/db',
    KAFKA_BROKERS: 'k:9092',
    BADGEKIT_MASTER_SECRET: 'a-long-enough-secret',
    PUBLIC_BASE_URL: 'https://badges.example.org',
  };

  it('has a development default outside production', () => {
    expect(loadGatewayConfig({ ...base, NODE_ENV: 'development' }).SECRET_ENCRYPTION_KEY).toBe(
      DEV_SECRET_ENCRYPTION_KEY,
    );
    expect(() => new SecretCipher(DEV_SECRET_ENCRYPTION_KEY)).not.toThrow();
  });

  it('is required in production, with at least 32 characters', () => {
    expect(() => loadGatewayConfig({ ...base, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ ...base, NODE_ENV: 'production' })).toThrow(/SECRET_ENCRYPTION_KEY/);
    expect(() => loadGatewayConfig({ ...base, NODE_ENV: 'production', SECRET_ENCRYPTION_KEY: 'too-short' })).toThrow(
      /SECRET_ENCRYPTION_KEY/,
    );
    expect(
      loadGatewayConfig({ ...base, NODE_ENV: 'production', SECRET_ENCRYPTION_KEY: KEY }).SECRET_ENCRYPTION_KEY,
    ).toBe(KEY);
  });
});
