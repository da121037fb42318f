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
  db = createDatabase({
    url: database.url,
    schema: 'issuance',
    poolMax: 8,
    applicationName: 'issuance-issuer-keys-test',
  });
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
    expect(await keys.publicKeys('11')).toEqual([
      expect.objectContaining({ publicKeyMultibase: first.publicKeyMultibase, retiredAt: null }),
    ]);
  });

  it('ends with one key when first uses race', async () => {
    const keys = new IssuerKeyStore(db, cipher);
    const results = await Promise.all(Array.from({ length: 6 }, () => keys.signingKey('12', generateKeyMaterial)));
    expect(new Set(results.map((k) => k.publicKeyMultibase)).size).toBe(1);
    expect(await db('issuer_keys').where({ site_id: 12 })).toHaveLength(1);
  });

  it('does not open a key with another encryption key, nor a sealed key moved to another site', async () => {
    await new IssuerKeyStore(db, cipher).signingKey('13', generateKeyMaterial);
    await expect(
      new IssuerKeyStore(db, new SecretCipher('another-credential-key-encryption-key-value')).signingKey(
        '13',
        generateKeyMaterial,
      ),
    ).rejects.toThrow(SecretSealError);
    await db('issuer_keys').where({ site_id: 13 }).update({ site_id: 14 });
    await expect(new IssuerKeyStore(db, cipher).signingKey('14', generateKeyMaterial)).rejects.toThrow(SecretSealError);
  });
});

describe('rotation', () => {
  it('publishes the new key before it signs, keeps the old one listed, and refuses a second rotation while one waits', async () => {
    const keys = new IssuerKeyStore(db, cipher);
    const first = await keys.signingKey('15', generateKeyMaterial);
    const announced = await keys.rotate('15', 3600, generateKeyMaterial);
    expect(announced.signsFrom.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect((await keys.signingKey('15', generateKeyMaterial)).publicKeyMultibase).toBe(first.publicKeyMultibase);
    expect((await keys.publicKeys('15')).map((k) => [k.publicKeyMultibase, k.retiredAt])).toEqual([
      [first.publicKeyMultibase, null],
      [announced.publicKeyMultibase, null],
    ]);
    await expect(keys.rotate('15', 0, generateKeyMaterial)).rejects.toMatchObject({ reason: 'ResourceConflict' });

    // Its time come (moved here rather than waited for), the new key signs and the old one is retired, still listed.
    await db('issuer_keys')
      .where({ site_id: 15, public_key_multibase: announced.publicKeyMultibase })
      .update({ signs_from: new Date(Date.now() - 1000) });
    const now = await keys.signingKey('15', generateKeyMaterial);
    expect(now.publicKeyMultibase).toBe(announced.publicKeyMultibase);
    const listed = await keys.publicKeys('15');
    expect(listed.map((k) => k.publicKeyMultibase)).toEqual([first.publicKeyMultibase, announced.publicKeyMultibase]);
    expect(listed[0]?.retiredAt).toBeInstanceOf(Date);
    expect(listed[1]?.retiredAt).toBeNull();
  });

  it('lets one of two concurrent rotations win, and gives a site without keys its first key at once', async () => {
    const keys = new IssuerKeyStore(db, cipher);
    const fresh = await keys.rotate('16', 600, generateKeyMaterial);
    expect(fresh.signsFrom.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect((await keys.signingKey('16', generateKeyMaterial)).publicKeyMultibase).toBe(fresh.publicKeyMultibase);
    const results = await Promise.allSettled([
      keys.rotate('16', 600, generateKeyMaterial),
      keys.rotate('16', 600, generateKeyMaterial),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r): unknown => r.reason)).toEqual([
      expect.objectContaining({ reason: 'ResourceConflict' }),
    ]);
    expect(await db('issuer_keys').where({ site_id: 16 })).toHaveLength(2);
  });
});

describe('CREDENTIAL_KEY_ENCRYPTION_KEY', () => {
  const base = { DATABASE_URL: 'postgres://localhost/laurel', KAFKA_BROKERS: 'localhost:9092' };
  it('has a development default outside production', () => {
    expect(loadIssuanceConfig({ ...base, NODE_ENV: 'development' }).CREDENTIAL_KEY_ENCRYPTION_KEY).toBe(
      DEV_CREDENTIAL_KEY_ENCRYPTION_KEY,
    );
  });
  it('is required in production, long, not the development default nor a placeholder', () => {
    const production = { ...base, NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://badges.example.org' };
    expect(() => loadIssuanceConfig(production)).toThrow(/CREDENTIAL_KEY_ENCRYPTION_KEY/);
    expect(() => loadIssuanceConfig({ ...production, CREDENTIAL_KEY_ENCRYPTION_KEY: 'too-short' })).toThrow(
      /CREDENTIAL_KEY_ENCRYPTION_KEY/,
    );
    expect(() =>
      loadIssuanceConfig({ ...production, CREDENTIAL_KEY_ENCRYPTION_KEY: DEV_CREDENTIAL_KEY_ENCRYPTION_KEY }),
    ).toThrow(/CREDENTIAL_KEY_ENCRYPTION_KEY/);
    expect(() =>
      loadIssuanceConfig({
        ...production,
        CREDENTIAL_KEY_ENCRYPTION_KEY: 'REPLACE_ME_with_a_long_random_key_at_least_32',
      }),
    ).toThrow(/CREDENTIAL_KEY_ENCRYPTION_KEY: is a placeholder/);
    expect(() =>
      loadIssuanceConfig({
        ...base,
        NODE_ENV: 'development',
        CREDENTIAL_KEY_ENCRYPTION_KEY: 'REPLACE_ME_with_a_long_random_key_at_least_32',
      }),
    ).toThrow(/placeholder/);
    const key = 'k'.repeat(40);
    expect(
      loadIssuanceConfig({ ...production, CREDENTIAL_KEY_ENCRYPTION_KEY: key }).CREDENTIAL_KEY_ENCRYPTION_KEY,
    ).toBe(key);
  });
});
