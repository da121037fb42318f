/**
 * Which public documents a browser gets as a page (issue #12): a request
 * whose Accept ranks text/html above JSON and JSON-LD, without `?v=2_0` or `?v=3_0`.
 * Everything else keeps its JSON: no Accept, `*\/*`, application/json and
 * application/ld+json all rank JSON first, because `req.accepts` answers
 * the first listed type a wildcard matches.
 */
import type { NextFunction, Request, Response } from 'express';
import { askedForV3 } from './credentials.js';
import { askedByQuery } from './open-badges.js';
import type { Page } from './page-layout.js';

const NEGOTIATED = ['application/json', 'application/ld+json', 'text/html'];

const pageRequests = new WeakSet<Request>();

/**
 * Runs before the accept checks: a page request is remembered and then
 * passes them as JSON (they know no HTML and would answer 406), so an error
 * on the way (such as an unknown uid) still answers in BadgeKit's format.
 */
export function negotiatePage(req: Request, res: Response, next: NextFunction): void {
  // One URL, two representations: caches must keep them apart.
  res.vary('Accept');
  if (!askedByQuery(req) && !askedForV3(req) && req.headers.accept && req.accepts(NEGOTIATED) === 'text/html') {
    pageRequests.add(req);
    req.headers.accept = 'application/json';
  }
  next();
}

export const wantsPage = (req: Request): boolean => pageRequests.has(req);

export function sendPage(res: Response, page: Page): void {
  res.status(page.status).set({
    'Content-Security-Policy': page.csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.type('html').send(page.body);
}
