/**
 * issuer_keys: each site's Ed25519 signing keys (migration 0009). The secret
 * key is sealed under CREDENTIAL_KEY_ENCRYPTION_KEY before it reaches the
 * database and opened only to sign; the sealed value is bound to the site
 * and the public key, so a sealed key moved onto another row does not open.
 */
import type { Knex, SecretCipher } from '@laurel/service-kit';
import type { KeyMaterial } from '../credentials/signing.js';

interface IssuerKeyRow {
  id: string;
  site_id: string;
  public_key_multibase: string;
  sealed_secret_key: string;
  created_at: Date;
  retired_at: Date | null;
}

export interface SigningKey extends KeyMaterial {
  id: string;
}

export interface PublicKey {
  publicKeyMultibase: string;
  createdAt: Date;
  retiredAt: Date | null;
}

const sealContext = (siteId: string, publicKeyMultibase: string): string => `issuer-key:${siteId}:${publicKeyMultibase}`;

export class IssuerKeyStore {
  constructor(private readonly db: Knex, private readonly cipher: SecretCipher) {}

  private signingRow(siteId: string): Promise<IssuerKeyRow | undefined> {
    return this.db<IssuerKeyRow>('issuer_keys').where({ site_id: siteId }).whereNull('retired_at').first();
  }

  private open(row: IssuerKeyRow): SigningKey {
    const secretKeyMultibase = this.cipher.open(row.sealed_secret_key, sealContext(row.site_id, row.public_key_multibase));
    return { id: row.id, publicKeyMultibase: row.public_key_multibase, secretKeyMultibase };
  }

  /**
   * The site's signing key, created on first use. Concurrent first uses each
   * generate a pair, but the partial unique index keeps one: the others'
   * inserts do nothing and they read the winner's.
   */
  async signingKey(siteId: string, generate: () => Promise<KeyMaterial>): Promise<SigningKey> {
    const existing = await this.signingRow(siteId);
    if (existing) return this.open(existing);
    const fresh = await generate();
    await this.db.raw(
      `insert into issuer_keys (site_id, public_key_multibase, sealed_secret_key) values (?, ?, ?)
       on conflict (site_id) where retired_at is null do nothing`,
      [siteId, fresh.publicKeyMultibase, this.cipher.seal(fresh.secretKeyMultibase, sealContext(siteId, fresh.publicKeyMultibase))],
    );
    const row = await this.signingRow(siteId);
    if (!row) throw new Error(`site ${siteId} has no signing key right after creating one`);
    return this.open(row);
  }

  /** Every public key of the site, retired ones too (their credentials must keep verifying), oldest first. */
  async publicKeys(siteId: string): Promise<PublicKey[]> {
    const rows = await this.db<IssuerKeyRow>('issuer_keys').where({ site_id: siteId }).orderBy('id');
    return rows.map((row) => ({ publicKeyMultibase: row.public_key_multibase, createdAt: row.created_at, retiredAt: row.retired_at }));
  }
}
