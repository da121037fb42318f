/**
 * VC-JWT pieces: the claims set mapped from a credential (pure), and the
 * sites' RSA keys against a real PostgreSQL: created on first use, stored
 * sealed (never the private key in plain text), one per site even when
 * first uses race, and a token that jose verifies with the stored JWK.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { createDatabase, migrate, SecretCipher, type Knex } from '@laurel/service-kit';
import { freshDatabase, type TestDatabase } from '@laurel/testkit';
import { migrations } from '../migrations/index.js';
import { credentialJwtClaims } from '../src/domain/credential-jwt.js';
import { generateRsaKeyMaterial, signJwt } from '../src/credentials/jwt.js';
import { IssuerRsaKeyStore } from '../src/store/issuer-rsa-keys.js';

const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  id: 'https://badges.example.org/public/credentials/abc',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'https://badges.example.org/public/systems/demo?v=3_0', type: ['Profile'], name: 'Demo' },
  validFrom: '2026-02-03T04:05:06Z',
  credentialSubject: { type: ['AchievementSubject'] },
  proof: [{ type: 'DataIntegrityProof' }],
};

describe('credentialJwtClaims', () => {
  it('is the credential without its proof, plus iss, jti and nbf', () => {
    const { proof: _proof, ...content } = credential;
    expect(credentialJwtClaims(credential)).toEqual({
      ...content,
      iss: credential.issuer.id,
      jti: credential.id,
      nbf: Date.UTC(2026, 1, 3, 4, 5, 6) / 1000,
    });
  });

  it('adds exp for validUntil and sub for a subject id, and takes a bare issuer URI', () => {
    const claims = credentialJwtClaims({
      ...credential,
      issuer: 'https://i.example.org',
      validUntil: '2027-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:learner' },
    });
    expect(claims).toMatchObject({
      iss: 'https://i.example.org',
      exp: Date.UTC(2027, 0, 1) / 1000,
      sub: 'did:example:learner',
    });
  });

  it('refuses a credential without issuer or with a broken date', () => {
    expect(() => credentialJwtClaims({ ...credential, issuer: undefined })).toThrow(/issuer/);
    expect(() => credentialJwtClaims({ ...credential, validFrom: 'soon' })).toThrow(/validFrom/);
  });
});

let database: TestDatabase;
let db: Knex;
const cipher = new SecretCipher('a-test-credential-key-encryption-key-of-some-length');

beforeAll(async () => {
  database = await freshDatabase('issuance-credential-jwt');
  db = createDatabase({
    url: database.url,
    schema: 'issuance',
    poolMax: 8,
    applicationName: 'issuance-credential-jwt-test',
  });
  await migrate(db, 'issuance', migrations);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('RSA issuer keys', () => {
  it('creates one key per site on first use, concurrent first uses included, sealed at rest, and signs tokens its JWK verifies', async () => {
    const keys = new IssuerRsaKeyStore(db, cipher);
    const raced = await Promise.all(Array.from({ length: 3 }, () => keys.signingKey('21', generateRsaKeyMaterial)));
    expect(new Set(raced.map((k) => k.thumbprint)).size).toBe(1);
    const [key] = raced;
    const again = await keys.signingKey('21', () => Promise.reject(new Error('must not generate a second key')));
    expect(again).toEqual(key);

    const rows = await db('issuer_rsa_keys').where({ site_id: 21 });
    expect(rows).toHaveLength(1);
    const body = key!.privateKeyPkcs8.split('\n').slice(1, -2).join('');
    // A slice of the key material itself (the start is the same ASN.1 header for every RSA key).
    expect(body.length).toBeGreaterThan(1000);
    expect(JSON.stringify(rows)).not.toContain(body.slice(200, 260));

    const [published] = await keys.publicKeys('21');
    const jwk = JSON.parse(published!.publicJwk) as JWK;
    expect(jwk).toEqual({ kty: 'RSA', n: expect.any(String) as string, e: 'AQAB', alg: 'RS256', use: 'sig' });
    expect(await keys.publicKeys('22')).toEqual([]);

    const token = await signJwt({ iss: 'x' }, key!.privateKeyPkcs8, 'https://k.example.org/key');
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', kid: 'https://k.example.org/key', typ: 'JWT' });
    const { payload } = await compactVerify(token, await importJWK(jwk, 'RS256'));
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ iss: 'x' });
  });
});
