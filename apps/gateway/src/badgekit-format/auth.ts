/**
 * Part of the BadgeKit wire format (src/badgekit-format/), shared by the
 * badgekit and admin families.
 *
 * The BadgeKit authorization step of the request pipeline (§2.1 stage 6):
 * claims first, then the key — master, or a consumer confined to its own
 * system through the route's `:systemSlug` — and the signature last.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { isDomainError, type SecretCipher } from '@laurel/service-kit';
import type { ServiceClients } from '../clients.js';
import type { Permission } from '../domain/permissions.js';
import type { ConsumerStore } from '../store/consumers.js';
import { checkClaims, verifySignature } from './jwt.js';
import { BadgeKitError } from './errors.js';

/** A consumer key as BadgeKit sees it: the system it belongs to and the secret it signs with. */
export interface ConsumerKey {
  systemSlug: string;
  secret: string;
}

export interface ConsumerKeys {
  find(key: string): Promise<ConsumerKey | undefined>;
}

/** No consumer at all: every non-master key is unknown (for apps started without a database, e.g. document tests). */
export const noConsumerKeys: ConsumerKeys = { find: () => Promise.resolve(undefined) };

export interface ConsumerKeySources {
  store: Pick<ConsumerStore, 'findByKey'>;
  catalog: ServiceClients['catalog'];
  cipher: SecretCipher;
}

/**
 * The consumers an API family may authenticate: those holding its
 * permission. A consumer without it is unknown to that family ("Could not
 * find consumer for API key", §3.3 check 15b), not a consumer of another
 * system: in BadgeKit's world a consumer is a BadgeKit credential, and a key
 * issued for, say, the import simply is not one. That also tells a holder of
 * a stray key nothing about what else it opens. A consumer whose system no
 * longer exists is unknown too (§3.4).
 *
 * Nothing is cached: the row and the system are read for every request, so a
 * deleted key, a withdrawn permission or a deleted system takes effect at once
 * on every replica.
 */
export function consumerKeys(sources: ConsumerKeySources, permission: Permission): ConsumerKeys {
  return {
    async find(key) {
      const consumer = await sources.store.findByKey(key);
      if (!consumer?.permissions.includes(permission)) return undefined;
      let systemSlug: string | undefined;
      try {
        systemSlug = (await sources.catalog.call('GetSystem', { id: consumer.siteId })).system?.slug;
      } catch (error) {
        if (isDomainError(error) && error.reason === 'ResourceNotFound') return undefined;
        throw error;
      }
      if (systemSlug === undefined) return undefined;
      // The only place a consumer's secret is unsealed: an HMAC can only be checked with the key itself.
      return { systemSlug, secret: sources.cipher.open(consumer.secretSealed, consumer.key) };
    },
  };
}

export interface AuthOptions {
  masterSecret: string;
  consumers: ConsumerKeys;
  now?: () => number;
}

/** What authorization looks at: the request as received, and the `:systemSlug` of its route, if it has one. */
export interface AuthRequest {
  authorization: string | undefined;
  method: string;
  /** Path plus query string, after normalization. */
  url: string;
  rawBody: Buffer;
  systemSlug: string | undefined;
}

declare module 'express-serve-static-core' {
  interface Request {
    badgekitKey?: string;
  }
}

/** §3.3 in order; resolves to the key that signed the request, or rejects with the first failure's 403. */
export async function authorize(request: AuthRequest, options: AuthOptions): Promise<string> {
  const claims = checkClaims({ ...request, nowMs: options.now?.() ?? Date.now() });
  if (!claims.ok) throw BadgeKitError.notAuthorized(claims.message);
  if (claims.key === 'master') {
    if (!verifySignature(claims.token, options.masterSecret))
      throw BadgeKitError.notAuthorized('Invalid token signature');
    return 'master';
  }
  const consumer = await options.consumers.find(claims.key);
  if (!consumer) throw BadgeKitError.notAuthorized('Could not find consumer for API key');
  // Exact, case-sensitive comparison, unlike lookups (§3.3 check 16b).
  if (request.systemSlug !== consumer.systemSlug) throw BadgeKitError.notAuthorized('Invalid token for system');
  if (!verifySignature(claims.token, consumer.secret)) throw BadgeKitError.notAuthorized('Invalid token signature');
  return claims.key;
}

export function badgekitAuth(options: AuthOptions): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const request: AuthRequest = {
      authorization: req.headers.authorization,
      method: req.method,
      url: req.url,
      rawBody: req.badgekitBody?.raw ?? Buffer.alloc(0),
      systemSlug: typeof req.params.systemSlug === 'string' ? req.params.systemSlug : undefined,
    };
    authorize(request, options).then((key) => {
      req.badgekitKey = key;
      next();
    }, next);
  };
}
