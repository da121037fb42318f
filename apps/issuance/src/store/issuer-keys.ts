/**
 * issuer_keys: each site's Ed25519 signing keys (migration 0009). The secret
 * key is sealed under CREDENTIAL_KEY_ENCRYPTION_KEY before it reaches the
 * database and opened only to sign; the sealed value is bound to the site
 * and the public key, so a sealed key moved onto another row does not open.
 */
import { DomainError, type Knex, type SecretCipher } from '@laurel/service-kit';
import type { KeyMaterial } from '../credentials/signing.js';

interface IssuerKeyRow {
  id: string;
  site_id: string;
  generation: number;
  public_key_multibase: string;
  sealed_secret_key: string;
  signs_from: Date;
  created_at: Date;
}

export interface SigningKey extends KeyMaterial {
  id: string;
}

export interface PublicKey {
  publicKeyMultibase: string;
  createdAt: Date;
  signsFrom: Date;
  /** When the next generation took over; null while the key signs or has yet to. */
  retiredAt: Date | null;
}

const sealContext = (siteId: string, publicKeyMultibase: string): string =>
  `issuer-key:${siteId}:${publicKeyMultibase}`;

export class IssuerKeyStore {
  constructor(
    private readonly db: Knex,
    private readonly cipher: SecretCipher,
  ) {}

  private signingRow(siteId: string): Promise<IssuerKeyRow | undefined> {
    return this.db<IssuerKeyRow>('issuer_keys')
      .where({ site_id: siteId })
      .where('signs_from', '<=', this.db.fn.now())
      .orderBy('generation', 'desc')
      .first();
  }

  private open(row: IssuerKeyRow): SigningKey {
    const secretKeyMultibase = this.cipher.open(
      row.sealed_secret_key,
      sealContext(row.site_id, row.public_key_multibase),
    );
    return { id: row.id, publicKeyMultibase: row.public_key_multibase, secretKeyMultibase };
  }

  private insert(
    siteId: string,
    generation: number,
    key: KeyMaterial,
    graceSeconds: number,
  ): Promise<{ rows: Array<Pick<IssuerKeyRow, 'public_key_multibase' | 'signs_from'>> }> {
    return this.db.raw(
      `insert into issuer_keys (site_id, generation, public_key_multibase, sealed_secret_key, signs_from) values (?, ?, ?, ?, now() + make_interval(secs => ?))
       on conflict (site_id, generation) do nothing returning public_key_multibase, signs_from`,
      [
        siteId,
        generation,
        key.publicKeyMultibase,
        this.cipher.seal(key.secretKeyMultibase, sealContext(siteId, key.publicKeyMultibase)),
        graceSeconds,
      ],
    );
  }

  /**
   * The site's signing key, created on first use. Concurrent first uses each
   * generate a pair, but (site, generation) is unique: the others' inserts
   * do nothing and they read the winner's.
   */
  async signingKey(siteId: string, generate: () => Promise<KeyMaterial>): Promise<SigningKey> {
    const existing = await this.signingRow(siteId);
    if (existing) return this.open(existing);
    await this.insert(siteId, 1, await generate(), 0);
    const row = await this.signingRow(siteId);
    if (!row) throw new Error(`site ${siteId} has no signing key right after creating one`);
    return this.open(row);
  }

  /**
   * A new key for the site that signs from `graceSeconds` on; until then it
   * is only listed, so that verifiers can find it before any credential
   * names it. The current key signs until then and stays listed for good.
   * One rotation at a time: while a new key waits, another is refused
   * (ResourceConflict), as is the loser of two concurrent rotations.
   */
  async rotate(siteId: string, graceSeconds: number, generate: () => Promise<KeyMaterial>): Promise<PublicKey> {
    const keys = await this.db<IssuerKeyRow>('issuer_keys')
      .where({ site_id: siteId })
      .orderBy('generation', 'desc')
      .select('generation', 'signs_from');
    const [newest] = keys;
    const conflict = () =>
      new DomainError('ResourceConflict', 'a new issuer key is already waiting to sign; rotate again once it signs', {
        siteId,
      });
    if (newest && newest.signs_from.getTime() > Date.now()) throw conflict();
    // A site that never signed has nothing to announce ahead: its first key signs at once.
    const inserted = await this.insert(
      siteId,
      (newest?.generation ?? 0) + 1,
      await generate(),
      newest ? graceSeconds : 0,
    );
    const [row] = inserted.rows;
    if (!row) throw conflict();
    return {
      publicKeyMultibase: row.public_key_multibase,
      createdAt: new Date(),
      signsFrom: row.signs_from,
      retiredAt: null,
    };
  }

  /** Every public key of the site, waiting and retired ones too (their credentials must keep verifying), oldest first. */
  async publicKeys(siteId: string): Promise<PublicKey[]> {
    const rows = await this.db<IssuerKeyRow>('issuer_keys').where({ site_id: siteId }).orderBy('generation');
    const now = Date.now();
    return rows.map((row, i) => {
      const next = rows[i + 1];
      const retired = next && next.signs_from.getTime() <= now ? next.signs_from : null;
      return {
        publicKeyMultibase: row.public_key_multibase,
        createdAt: row.created_at,
        signsFrom: row.signs_from,
        retiredAt: retired,
      };
    });
  }
}
