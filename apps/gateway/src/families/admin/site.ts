/**
 * The site an admin route acts on: the catalog system named by the path,
 * looked up after authorization (BadgeKit's pipeline order, §2.1), so an
 * unknown site is a 404 only for a caller allowed to ask.
 */
import type { NextFunction, Request, Response } from 'express';
import type { ServiceClients } from '../../clients.js';
import { callOptions } from '../../http/request-context.js';

export interface Site {
  /** The catalog system id, as a decimal string (int64). */
  id: string;
  slug: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    adminSite?: Site;
  }
}

export function resolveSite(catalog: ServiceClients['catalog']) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    catalog
      .call('GetSystem', { slug: String(req.params.systemSlug) }, callOptions(req))
      .then(({ system }) => {
        if (!system) throw new Error('catalog answered without a system');
        req.adminSite = { id: system.id, slug: system.slug };
        next();
      })
      .catch(next);
  };
}

export function siteOf(req: Request): Site {
  if (!req.adminSite) throw new Error('admin route without a resolved site');
  return req.adminSite;
}
