/**
 * The @node-oauth/oauth2-server model of the OB 3.0 API: clients, codes and
 * tokens from store/ob3.ts, hashed on the way in (a client secret, a code
 * and a token are never stored as they are). The library does the protocol
 * (authorization code grant with PKCE, refresh token rotation, bearer
 * authentication, RFC 6749 errors); this only keeps its records.
 *
 * Why @node-oauth/oauth2-server rather than oidc-provider: the OB 3.0 API
 * needs plain OAuth 2.0 (no OpenID Connect) with its own scopes, tokens the
 * gateway's own resource routes check against its schema, an Express
 * mounting and a log-in form over the site's members; oidc-provider brings a
 * Koa app, OIDC discovery, JWT-or-opaque token formats and a generic adapter
 * interface that are all more to configure than the handful of RFC 7591
 * lines written here by hand (register.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Request as ExpressRequest } from 'express';
import OAuth2Server from '@node-oauth/oauth2-server';
import { digest, parseScopes, randomToken, sameDigest } from '../../domain/ob3-oauth.js';
import type { Ob3Grant, Ob3Store } from '../../store/ob3.js';

/** The member an authorization is for (the OAuth "user"). */
export interface Ob3User {
  siteId: string;
  userId: string;
  /** Set once tokens were issued: the authorization a refresh continues. */
  grantId?: string;
}

const GRANTS = ['authorization_code', 'refresh_token'];

const userOf = (grant: Ob3Grant & { grantId?: string }): Ob3User => ({
  siteId: grant.siteId,
  userId: grant.userId,
  ...(grant.grantId && { grantId: grant.grantId }),
});
const scopesOf = (text: string): string[] => text.split(' ').filter(Boolean);
const clientOf = (id: string, redirectUris: string[] = []): OAuth2Server.Client => ({
  id,
  grants: GRANTS,
  redirectUris,
});
const memberOf = (user: OAuth2Server.User): Ob3User => ({ siteId: String(user.siteId), userId: String(user.userId) });

export function oauthModel(store: Ob3Store): OAuth2Server.AuthorizationCodeModel & OAuth2Server.RefreshTokenModel {
  return {
    generateAccessToken: () => Promise.resolve(randomToken()),
    generateRefreshToken: () => Promise.resolve(randomToken()),
    generateAuthorizationCode: () => Promise.resolve(randomToken()),

    async getClient(clientId, clientSecret) {
      const client = await store.findClient(clientId);
      if (!client) return false;
      // The authorize step asks without a secret; the token endpoint always with one (every client is confidential).
      if (clientSecret !== null && clientSecret !== undefined && !sameDigest(clientSecret, client.secretHash))
        return false;
      return { ...clientOf(client.clientId, client.redirectUris), scope: client.scope };
    },

    async validateScope(_user, client, scope) {
      // No scope asked: all the client registered for (RFC 6749 §3.3 lets the server pick a default).
      const registered = scopesOf(String(client.scope ?? ''));
      const asked = scope && scope.length > 0 ? parseScopes(scope.join(' ')) : registered;
      if (!asked || asked.length === 0 || !asked.every((s) => registered.includes(s))) return false;
      return asked;
    },

    async saveAuthorizationCode(code, client, user) {
      const member = memberOf(user);
      await store.saveCode(digest(code.authorizationCode), {
        clientId: client.id,
        ...member,
        scope: (code.scope ?? []).join(' '),
        expiresAt: code.expiresAt,
        redirectUri: code.redirectUri,
        codeChallenge: code.codeChallenge ?? '',
        codeChallengeMethod: code.codeChallengeMethod ?? '',
      });
      return { ...code, client, user };
    },

    async getAuthorizationCode(authorizationCode) {
      const code = await store.findCode(digest(authorizationCode));
      if (!code) return false;
      return {
        authorizationCode,
        expiresAt: code.expiresAt,
        redirectUri: code.redirectUri,
        scope: scopesOf(code.scope),
        client: clientOf(code.clientId),
        user: userOf(code),
        ...(code.codeChallenge && { codeChallenge: code.codeChallenge, codeChallengeMethod: code.codeChallengeMethod }),
      };
    },

    revokeAuthorizationCode: (code) => store.useCode(digest(code.authorizationCode)),

    async saveToken(token, client, user) {
      const member = memberOf(user);
      const scope = (token.scope ?? []).join(' ');
      // A code starts an authorization; a refresh continues the one its refresh token belonged to.
      const grantId = typeof user.grantId === 'string' ? user.grantId : randomUUID();
      await store.saveToken(digest(token.accessToken), 'access', {
        clientId: client.id,
        ...member,
        grantId,
        scope,
        expiresAt: token.accessTokenExpiresAt ?? new Date(),
      });
      if (token.refreshToken) {
        await store.saveToken(digest(token.refreshToken), 'refresh', {
          clientId: client.id,
          ...member,
          grantId,
          scope,
          expiresAt: token.refreshTokenExpiresAt ?? new Date(),
        });
      }
      return { ...token, client, user };
    },

    async getAccessToken(accessToken) {
      const grant = await store.findToken(digest(accessToken), 'access');
      if (!grant || grant.revoked) return false;
      return {
        accessToken,
        accessTokenExpiresAt: grant.expiresAt,
        scope: scopesOf(grant.scope),
        client: clientOf(grant.clientId),
        user: userOf(grant),
      };
    },

    async getRefreshToken(refreshToken) {
      const grant = await store.findToken(digest(refreshToken), 'refresh');
      if (!grant) return false;
      if (grant.revoked) {
        // Rotated refresh tokens are used once: a second use means two parties hold it, so the whole authorization ends.
        await store.revokeGrant(grant.grantId);
        return false;
      }
      return {
        refreshToken,
        refreshTokenExpiresAt: grant.expiresAt,
        scope: scopesOf(grant.scope),
        client: clientOf(grant.clientId),
        user: userOf(grant),
      };
    },

    revokeToken: (token) => store.revokeToken(digest(token.refreshToken)),

    verifyScope: (token, scope) => Promise.resolve(scope.every((s) => (token.scope ?? []).includes(s))),
  };
}

const strings = (source: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(source).flatMap(([k, v]) =>
      typeof v === 'string' ? [[k, v]] : Array.isArray(v) ? [[k, v.join(', ')]] : [],
    ),
  );

/** The library's request for an Express request (its body, if any, already parsed); `query` replaces the request's own. */
export const libraryRequest = (req: ExpressRequest, query?: Record<string, string>): OAuth2Server.Request =>
  new OAuth2Server.Request({
    method: query ? 'GET' : req.method,
    headers: strings(req.headers),
    query: query ?? strings(req.query),
    body: query ? {} : strings((req.body ?? {}) as Record<string, unknown>),
  });
