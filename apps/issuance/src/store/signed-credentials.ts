/**
 * signed_credentials: each award's Open Badges 3.0 credential, signed once
 * and kept as the exact text served (migration 0009).
 */
import type { Knex } from '@laurel/service-kit';

export class SignedCredentialStore {
  constructor(private readonly db: Knex) {}

  async find(earnedBadgeId: string): Promise<string | undefined> {
    const row = await this.db('signed_credentials').where({ earned_badge_id: earnedBadgeId }).first<{ credential: string } | undefined>('credential');
    return row?.credential;
  }

  /** Keeps the first credential stored for the award: a concurrent signer's insert does nothing, and both answer the kept one. */
  async keep(earnedBadgeId: string, issuerKeyId: string, credential: string): Promise<string> {
    await this.db.raw('insert into signed_credentials (earned_badge_id, issuer_key_id, credential) values (?, ?, ?) on conflict (earned_badge_id) do nothing', [earnedBadgeId, issuerKeyId, credential]);
    const kept = await this.find(earnedBadgeId);
    if (kept === undefined) throw new Error(`award ${earnedBadgeId} has no credential right after keeping one`);
    return kept;
  }
}
