/**
 * The BadgeKit authorization step of the request pipeline (§2.1 stage 6):
 * claims first, then the key — master, or a consumer confined to its own
 * system through the route's `:systemSlug` — and the signature last.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
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

/**
 * Until the admin API (catalog issue) creates consumers, none exist: every
 * non-master key is unknown, which is exactly what BadgeKit answers for a key
 * it has no row for.
 */
export const noConsumerKeys: ConsumerKeys = { find: () => Promise.resolve(undefined) };

export interface AuthOptions {
  masterSecret: string;
  consumers: ConsumerKeys;
  now?: () => number;
}

declare module 'express-serve-static-core' {
  interface Request {
    badgekitKey?: string;
  }
}

export function badgekitAuth(options: AuthOptions): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const facts = {
      authorization: req.headers.authorization,
      method: req.method,
      url: req.url,
      rawBody: req.badgekitBody?.raw ?? Buffer.alloc(0),
      nowMs: options.now?.() ?? Date.now(),
    };
    const claims = checkClaims(facts);
    if (!claims.ok) {
      next(BadgeKitError.notAuthorized(claims.message));
      return;
    }
    if (claims.key === 'master') {
      if (!verifySignature(claims.token, options.masterSecret)) next(BadgeKitError.notAuthorized('Invalid token signature'));
      else {
        req.badgekitKey = 'master';
        next();
      }
      return;
    }
    options.consumers.find(claims.key).then((consumer) => {
      if (!consumer) throw BadgeKitError.notAuthorized('Could not find consumer for API key');
      // Exact, case-sensitive comparison, unlike lookups (§3.3 check 16b).
      const systemSlug = typeof req.params.systemSlug === 'string' ? req.params.systemSlug : undefined;
      if (systemSlug !== consumer.systemSlug) throw BadgeKitError.notAuthorized('Invalid token for system');
      if (!verifySignature(claims.token, consumer.secret)) throw BadgeKitError.notAuthorized('Invalid token signature');
      req.badgekitKey = claims.key;
      next();
    }).catch(next);
  };
}
