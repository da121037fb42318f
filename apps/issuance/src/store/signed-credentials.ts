/**
 * An award's credential in each format, signed once and kept as the exact
 * text served, so every fetch answers the same document:
 * signed_credentials (Data Integrity, migration 0009) and
 * signed_credential_jwts (VC-JWT, migration 0011). Both tables have the same
 * shape: the award, the key that signed, the text.
 */
import type { Knex } from '@laurel/service-kit';

interface SignedTable {
  name: 'signed_credentials' | 'signed_credential_jwts';
  signerColumn: string;
  textColumn: string;
}

class SignedOnceStore {
  constructor(
    private readonly db: Knex,
    private readonly table: SignedTable,
  ) {}

  async find(earnedBadgeId: string): Promise<string | undefined> {
    const { name, textColumn } = this.table;
    const row = await this.db(name)
      .where({ earned_badge_id: earnedBadgeId })
      .first<Record<string, string> | undefined>(textColumn);
    return row?.[textColumn];
  }

  /** Keeps the first text stored for the award: a concurrent signer's insert does nothing, and both answer the kept one. */
  async keep(earnedBadgeId: string, signerKeyId: string, text: string): Promise<string> {
    const { name, signerColumn, textColumn } = this.table;
    await this.db.raw(
      'insert into ?? (earned_badge_id, ??, ??) values (?, ?, ?) on conflict (earned_badge_id) do nothing',
      [name, signerColumn, textColumn, earnedBadgeId, signerKeyId, text],
    );
    const kept = await this.find(earnedBadgeId);
    if (kept === undefined) throw new Error(`award ${earnedBadgeId} has nothing in ${name} right after keeping it`);
    return kept;
  }
}

export class SignedCredentialStore extends SignedOnceStore {
  constructor(db: Knex) {
    super(db, { name: 'signed_credentials', signerColumn: 'issuer_key_id', textColumn: 'credential' });
  }
}

export class SignedCredentialJwtStore extends SignedOnceStore {
  constructor(db: Knex) {
    super(db, { name: 'signed_credential_jwts', signerColumn: 'issuer_rsa_key_id', textColumn: 'jwt' });
  }
}
