/**
 * The Open Badges 3.0 API's rows in the gateway schema (migration 0005):
 * OAuth clients, authorization codes, access and refresh tokens, members'
 * profiles and the credentials pushed to them by upsert. Secrets, codes and
 * tokens arrive here already hashed (domain/ob3-oauth.ts hashes them), so
 * nothing in these tables can be replayed.
 */
import type { Knex } from '@laurel/service-kit';

export interface Ob3Client {
  clientId: string;
  secretHash: Buffer;
  redirectUris: string[];
  scope: string;
  metadata: Record<string, unknown>;
}

export interface Ob3Grant {
  clientId: string;
  siteId: string;
  userId: string;
  scope: string;
  expiresAt: Date;
}

export interface Ob3TokenGrant extends Ob3Grant {
  /** The authorization the token descends from (one per code exchanged). */
  grantId: string;
}

export interface Ob3Code extends Ob3Grant {
  redirectUri: string;
  codeChallenge: string;
  codeChallengeMethod: string;
}

export type TokenKind = 'access' | 'refresh';

export interface ExternalCredential {
  credential: string;
  createdAt: Date;
}

interface ClientRow {
  client_id: string;
  secret_hash: Buffer;
  redirect_uris: string[];
  scope: string;
  metadata: Record<string, unknown>;
}

interface GrantRow {
  client_id: string;
  site_id: string;
  user_id: string;
  scope: string;
  expires_at: Date;
}

const toGrant = (row: GrantRow): Ob3Grant => ({
  clientId: row.client_id,
  siteId: String(row.site_id),
  userId: String(row.user_id),
  scope: row.scope,
  expiresAt: new Date(row.expires_at),
});

export class Ob3Store {
  constructor(private readonly db: Knex) {}

  async createClient(client: Ob3Client): Promise<void> {
    await this.db('ob3_clients').insert({
      client_id: client.clientId,
      secret_hash: client.secretHash,
      redirect_uris: client.redirectUris,
      scope: client.scope,
      metadata: client.metadata,
    });
  }

  async findClient(clientId: string): Promise<Ob3Client | undefined> {
    const row = await this.db('ob3_clients')
      .where({ client_id: clientId })
      .first<ClientRow | undefined>('client_id', 'secret_hash', 'redirect_uris', 'scope', 'metadata');
    return (
      row && {
        clientId: row.client_id,
        secretHash: row.secret_hash,
        redirectUris: row.redirect_uris,
        scope: row.scope,
        metadata: row.metadata,
      }
    );
  }

  async saveCode(codeHash: Buffer, code: Ob3Code): Promise<void> {
    await this.db('ob3_codes').insert({
      code_hash: codeHash,
      client_id: code.clientId,
      site_id: code.siteId,
      user_id: code.userId,
      scope: code.scope,
      expires_at: code.expiresAt,
      redirect_uri: code.redirectUri,
      code_challenge: code.codeChallenge,
      code_challenge_method: code.codeChallengeMethod,
    });
  }

  /** An unused code; an expired one is returned too, the grant refuses it by its expiresAt. */
  async findCode(codeHash: Buffer): Promise<Ob3Code | undefined> {
    const row = await this.db('ob3_codes')
      .where({ code_hash: codeHash })
      .whereNull('used_at')
      .first<
        (GrantRow & { redirect_uri: string; code_challenge: string; code_challenge_method: string }) | undefined
      >();
    return (
      row && {
        ...toGrant(row),
        redirectUri: row.redirect_uri,
        codeChallenge: row.code_challenge,
        codeChallengeMethod: row.code_challenge_method,
      }
    );
  }

  /** Marks the code used; false when it already was, so of two concurrent exchanges only one gets tokens. */
  async useCode(codeHash: Buffer): Promise<boolean> {
    return (
      (await this.db('ob3_codes')
        .where({ code_hash: codeHash })
        .whereNull('used_at')
        .update({ used_at: this.db.fn.now() })) > 0
    );
  }

  async saveToken(tokenHash: Buffer, kind: TokenKind, grant: Ob3TokenGrant): Promise<void> {
    await this.db('ob3_tokens').insert({
      token_hash: tokenHash,
      kind,
      grant_id: grant.grantId,
      client_id: grant.clientId,
      site_id: grant.siteId,
      user_id: grant.userId,
      scope: grant.scope,
      expires_at: grant.expiresAt,
    });
  }

  /**
   * A token whose member still exists; expired ones too (the caller judges
   * expiresAt), and revoked ones marked so (a refresh token presented again
   * after its rotation tells of theft).
   */
  async findToken(tokenHash: Buffer, kind: TokenKind): Promise<(Ob3TokenGrant & { revoked: boolean }) | undefined> {
    const row = await this.db('ob3_tokens as t')
      .join('members as m', (j) => j.on('m.site_id', 't.site_id').andOn('m.user_id', 't.user_id'))
      .where({ 't.token_hash': tokenHash, 't.kind': kind })
      .first<(GrantRow & { grant_id: string; revoked: boolean }) | undefined>(
        't.client_id',
        't.site_id',
        't.user_id',
        't.scope',
        't.expires_at',
        't.grant_id',
        this.db.raw('t.revoked_at is not null as revoked'),
      );
    return row && { ...toGrant(row), grantId: row.grant_id, revoked: row.revoked };
  }

  /** Revokes every token of an authorization (RFC 9700 §4.14.2: refresh token reuse). */
  async revokeGrant(grantId: string): Promise<void> {
    await this.db('ob3_tokens')
      .where({ grant_id: grantId })
      .whereNull('revoked_at')
      .update({ revoked_at: this.db.fn.now() });
  }

  /** False when it was already revoked: a refresh token is used once. */
  async revokeToken(tokenHash: Buffer): Promise<boolean> {
    return (
      (await this.db('ob3_tokens')
        .where({ token_hash: tokenHash })
        .whereNull('revoked_at')
        .update({ revoked_at: this.db.fn.now() })) > 0
    );
  }

  /** Codes and tokens expired before `before` (used, revoked or not): nothing accepts them any more. */
  async deleteExpired(table: 'ob3_codes' | 'ob3_tokens', before: Date, limit: number): Promise<number> {
    const result = await this.db.raw<{ rowCount: number }>(
      `delete from ${table} where ctid = any(array(select ctid from ${table} where expires_at <= ? limit ?))`,
      [before, limit],
    );
    return result.rowCount;
  }

  async profile(siteId: string, userId: string): Promise<Record<string, unknown> | undefined> {
    const row = await this.db('ob3_profiles')
      .where({ site_id: siteId, user_id: userId })
      .first<{ profile: Record<string, unknown> } | undefined>('profile');
    return row?.profile;
  }

  async saveProfile(siteId: string, userId: string, profile: Record<string, unknown>): Promise<void> {
    await this.db('ob3_profiles')
      .insert({ site_id: siteId, user_id: userId, profile })
      .onConflict(['site_id', 'user_id'])
      .merge({ profile, updated_at: this.db.fn.now() });
  }

  /** Created, replaced (different text) or unchanged (the same text), keyed by the credential's id. */
  async upsertCredential(
    siteId: string,
    userId: string,
    credentialId: string,
    credential: string,
  ): Promise<'created' | 'replaced' | 'unchanged'> {
    return this.db.transaction(async (trx) => {
      const existing = await trx('ob3_external_credentials')
        .where({ site_id: siteId, user_id: userId, credential_id: credentialId })
        .forUpdate()
        .first<{ credential: string } | undefined>('credential');
      if (existing?.credential === credential) return 'unchanged';
      if (existing) {
        await trx('ob3_external_credentials')
          .where({ site_id: siteId, user_id: userId, credential_id: credentialId })
          .update({ credential, updated_at: trx.fn.now() });
        return 'replaced';
      }
      const inserted = await trx('ob3_external_credentials')
        .insert({ site_id: siteId, user_id: userId, credential_id: credentialId, credential })
        .onConflict(['site_id', 'user_id', 'credential_id'])
        .ignore()
        .returning('id');
      return inserted.length > 0 ? 'created' : 'unchanged';
    });
  }

  async externalCredentials(siteId: string, userId: string): Promise<ExternalCredential[]> {
    const rows = await this.db('ob3_external_credentials')
      .where({ site_id: siteId, user_id: userId })
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .select<{ credential: string; created_at: Date }[]>('credential', 'created_at');
    return rows.map((r) => ({ credential: r.credential, createdAt: new Date(r.created_at) }));
  }
}
