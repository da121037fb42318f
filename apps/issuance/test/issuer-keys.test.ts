/**
 * Issuer signing keys against a real PostgreSQL: created on first use,
 * stored sealed (never the secret key in plain text), one per site even when
 * first uses race, and the setting that seals them is required in production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrate, SecretCipher, SecretSealError, type Knex } from '@laurel/service-kit';
import { freshDatabase, type TestDatabase } from '@laurel/testkit';
import { migrations } from '../migrations/index.js';
import { DEV_CREDENTIAL_KEY_ENCRYPTION_KEY, loadIssuanceConfig } from '../src/config.js';
import { generateKeyMaterial } from '../src/credentials/signing.js';
import { IssuerKeyStore } from '../src/store/issuer-keys.js';

let database: TestDatabase;
let db: Knex;
const cipher = new SecretCipher('a-test-credential-key-encryption-key-of-some-length');

beforeAll(async () => {
  database = await freshDatabase('issuance-issuer-keys');
  db = createDatabase({ url: database.url, schema: 'issuance', poolMax: 8, applicationName: 'issuance-issuer-keys-test' });
  await migrate(db, 'issuance', migrations);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('issuer keys', () => {
  it('creates an Ed25519 Multikey pair on first use, sealed at rest, and returns the same key afterwards', async () => {
    const keys = new IssuerKeyStore(db, cipher);
    const first = await keys.signingKey('11', generateKeyMaterial);
    expect(first.publicKeyMultibase).toMatch(/^z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
    expect(first.secretKeyMultibase).toMatch(/^z[1-9A-HJ-NP-Za-km-z]+$/);
    const again = await keys.signingKey('11', () => Promise.reject(new Error('must not generate a second key')));
    expect(again).toEqual(first);

    const rows = await db('issuer_keys').where({ site_id: 11 });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(first.secretKeyMultibase);
    expect(await keys.publicKeys('11')).toEqual([expect.objectContaining({ publicKeyMultibase: first.publicKeyMultibase, retiredAt: null })]);
  });

  it('ends with one key when first uses race', async () => {
    const keys = new IssuerKeyStore(db, cipher);
    const results = await Promise.all(Array.from({ length: 6 }, () => keys.signingKey('12', generateKeyMaterial)));
    expect(new Set(results.map((k) => k.publicKeyMultibase)).size).toBe(1);
    expect(await db('issuer_keys').where({ site_id: 12 })).toHaveLength(1);
  });

  it('does not open a key with another encryption key, nor a sealed key moved to another site', async () => {
    await new IssuerKeyStore(db, cipher).signingKey('13', generateKeyMaterial);
    await expect(new IssuerKeyStore(db, new SecretCipher('another-credential-key-encryption-key-value')).signingKey('13', generateKeyMaterial)).rejects.toThrow(SecretSealError);
    await db('issuer_keys').where({ site_id: 13 }).update({ site_id: 14 });
    await expect(new IssuerKeyStore(db, cipher).signingKey('14', generateKeyMaterial)).rejects.toThrow(SecretSealError);
  });
});

describe('CREDENTIAL_KEY_ENCRYPTION_KEY', () => {
  const base = { DATABASE_URL: 'postgres://localhost/laurel', KAFKA_BROKERS: 'localhost:9092' };
  it('has a development default outside production', () => {
    expect(loadIssuanceConfig({ ...base, NODE_ENV: 'development' }).CREDENTIAL_KEY_ENCRYPTION_KEY).toBe(DEV_CREDENTIAL_KEY_ENCRYPTION_KEY);
  });
  it('is required in production, long, not the development default nor a placeholder', () => {
    const production = { ...base, NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://badges.example.org' };
    expect(() => loadIssuanceConfig(production)).toThrow(/CREDENTIAL_KEY_ENCRYPTION_KEY/);
    expect(() => loadIssuanceConfig({ ...production, CREDENTIAL_KEY_ENCRYPTION_KEY: 'too-short' })).toThrow(/CREDENTIAL_KEY_ENCRYPTION_KEY/);
    expect(() => loadIssuanceConfig({ ...production, CREDENTIAL_KEY_ENCRYPTION_KEY: DEV_CREDENTIAL_KEY_ENCRYPTION_KEY })).toThrow(/CREDENTIAL_KEY_ENCRYPTION_KEY/);
    expect(() => loadIssuanceConfig({ ...production, CREDENTIAL_KEY_ENCRYPTION_KEY: 'REPLACE_ME_with_a_long_random_key_at_least_32' })).toThrow(/CREDENTIAL_KEY_ENCRYPTION_KEY: is a placeholder/);
    expect(() => loadIssuanceConfig({ ...base, NODE_ENV: 'development', CREDENTIAL_KEY_ENCRYPTION_KEY: 'REPLACE_ME_with_a_long_random_key_at_least_32' })).toThrow(/placeholder/);
    const key = 'k'.repeat(40);
    expect(loadIssuanceConfig({ ...production, CREDENTIAL_KEY_ENCRYPTION_KEY: key }).CREDENTIAL_KEY_ENCRYPTION_KEY).toBe(key);
  });
});
