/**
 * signed_credential_jwts: each award's VC-JWT, signed once and kept as the
 * exact token served (migration 0011).
 */
import type { Knex } from '@laurel/service-kit';

export class SignedCredentialJwtStore {
  constructor(private readonly db: Knex) {}

  async find(earnedBadgeId: string): Promise<string | undefined> {
    const row = await this.db('signed_credential_jwts').where({ earned_badge_id: earnedBadgeId }).first<{ jwt: string } | undefined>('jwt');
    return row?.jwt;
  }

  /** Keeps the first token stored for the award: a concurrent signer's insert does nothing, and both answer the kept one. */
  async keep(earnedBadgeId: string, issuerRsaKeyId: string, jwt: string): Promise<string> {
    await this.db.raw('insert into signed_credential_jwts (earned_badge_id, issuer_rsa_key_id, jwt) values (?, ?, ?) on conflict (earned_badge_id) do nothing', [earnedBadgeId, issuerRsaKeyId, jwt]);
    const kept = await this.find(earnedBadgeId);
    if (kept === undefined) throw new Error(`award ${earnedBadgeId} has no JWT right after keeping one`);
    return kept;
  }
}
