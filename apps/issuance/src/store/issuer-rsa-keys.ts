/**
 * issuer_rsa_keys: each site's RSA key for VC-JWT (migration 0011). The
 * private key is sealed under CREDENTIAL_KEY_ENCRYPTION_KEY before it
 * reaches the database and opened only to sign; the sealed value is bound
 * to the site and the key's thumbprint, so moved onto another row it does
 * not open.
 */
import type { Knex, SecretCipher } from '@laurel/service-kit';
import type { RsaKeyMaterial } from '../credentials/jwt.js';

interface RsaKeyRow {
  id: string;
  site_id: string;
  thumbprint: string;
  public_jwk: string;
  sealed_private_key: string;
  created_at: Date;
}

export interface RsaSigningKey {
  id: string;
  thumbprint: string;
  privateKeyPkcs8: string;
}

export interface RsaPublicKey {
  thumbprint: string;
  publicJwk: string;
  createdAt: Date;
}

const sealContext = (siteId: string, thumbprint: string): string => `issuer-rsa-key:${siteId}:${thumbprint}`;

export class IssuerRsaKeyStore {
  constructor(
    private readonly db: Knex,
    private readonly cipher: SecretCipher,
  ) {}

  private row(siteId: string): Promise<RsaKeyRow | undefined> {
    return this.db<RsaKeyRow>('issuer_rsa_keys').where({ site_id: siteId }).first();
  }

  /**
   * The site's key, created on first use. Concurrent first uses each
   * generate one, but the site is unique: the others' inserts do nothing
   * and they sign with the winner's.
   */
  async signingKey(siteId: string, generate: () => Promise<RsaKeyMaterial>): Promise<RsaSigningKey> {
    let row = await this.row(siteId);
    if (!row) {
      const key = await generate();
      await this.db.raw(
        'insert into issuer_rsa_keys (site_id, thumbprint, public_jwk, sealed_private_key) values (?, ?, ?, ?) on conflict (site_id) do nothing',
        [
          siteId,
          key.thumbprint,
          key.publicJwk,
          this.cipher.seal(key.privateKeyPkcs8, sealContext(siteId, key.thumbprint)),
        ],
      );
      row = await this.row(siteId);
      if (!row) throw new Error(`site ${siteId} has no RSA key right after creating one`);
    }
    return {
      id: row.id,
      thumbprint: row.thumbprint,
      privateKeyPkcs8: this.cipher.open(row.sealed_private_key, sealContext(row.site_id, row.thumbprint)),
    };
  }

  /** The site's public keys, oldest first (one today; a list so that a later rotation changes no caller). */
  async publicKeys(siteId: string): Promise<RsaPublicKey[]> {
    const rows = await this.db<RsaKeyRow>('issuer_rsa_keys').where({ site_id: siteId }).orderBy('id');
    return rows.map((r) => ({ thumbprint: r.thumbprint, publicJwk: r.public_jwk, createdAt: r.created_at }));
  }
}
