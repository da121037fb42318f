/**
 * Admin authorization: BadgeKit's JWT (badgekit-api.md §3), with the admin
 * API's own key scope. `master` may do everything; a consumer only when it
 * holds the `admin` permission (otherwise the key is unknown here, as in
 * every family it has no permission for) and only on its own site, with
 * BadgeKit's messages for each failure.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { authorize, type AuthOptions } from '../../badgekit-format/auth.js';

export function adminAuth(options: AuthOptions): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    authorize(
      {
        authorization: req.headers.authorization,
        method: req.method,
        url: req.url,
        rawBody: req.adminBody?.raw ?? Buffer.alloc(0),
        systemSlug: typeof req.params.systemSlug === 'string' ? req.params.systemSlug : undefined,
      },
      options,
    ).then((key) => {
      req.badgekitKey = key;
      next();
    }, next);
  };
}
