/**
 * Public badge documents (no authorization): the list of every badge class
 * (§7.4), and each badge class (§10.2) at BadgeKit's context paths and at
 * Laurel's own `/public/badges/{id}` (model.md "Public documents"). Archived
 * badges are still served, because their earned badges still verify.
 */
import type { Request, Response } from 'express';
import { DomainError, badgeClassPath, badgeIssuerPath } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { callOptions } from '../../http/request-context.js';
import { presentBadgeClass } from './badge-class.js';
import { badgeSlugPath, declareInContexts } from '../../badgekit-format/badge-contexts.js';
import { BADGE_LIST_QUERY, readArchived } from '../../badgekit-format/badge-query.js';
import type { BadgeKitDeps } from '../../badgekit-format/deps.js';
import { presentContext } from '../../badgekit-format/present-context.js';
import type { RouteTable } from '../../badgekit-format/route-table.js';
import { readPaging } from '../../badgekit-format/validation.js';
import { badgeClassV2, sendOpenBadges2, servedUrl, wantsOpenBadges2 } from './open-badges.js';
import { badgeClassView } from './page-models.js';
import { sendPage, wantsPage } from './page-negotiation.js';
import { badgeClassPage } from './pages.js';

function found(badge: catalogV1.Badge__Output | null): catalogV1.Badge__Output {
  if (!badge) throw new Error('catalog answered without a badge');
  return badge;
}

export function mountPublicBadges(routes: RouteTable, { clients, config }: BadgeKitDeps): void {
  const catalog = clients.catalog;
  const ctx = (req: Request) => presentContext(req, config.PUBLIC_BASE_URL);
  // A page for browsers, Open Badges 2.0 on request (model.md "Public documents"); a badge without its system is not found (D-20).
  const sendClass = (req: Request, res: Response, answer: catalogV1.Badge__Output | null) => {
    const badge = found(answer);
    if (!badge.system) throw DomainError.notFound('badge', 'id', badge.id);
    const present = ctx(req);
    if (wantsPage(req)) sendPage(res, badgeClassPage(badgeClassView(badge, present, req.path)));
    else if (wantsOpenBadges2(req))
      sendOpenBadges2(
        res,
        badgeClassV2(badge, present, servedUrl(req, present), present.absolute(badgeIssuerPath(badge))),
      );
    else res.json(presentBadgeClass(badge, present));
  };

  routes.declare(
    '/public/badges',
    {
      async GET(req: Request, res: Response) {
        const archived = readArchived(req.query);
        const paging = readPaging(req.query);
        const result = await catalog.call('ListPublicBadges', { archived, page: paging ?? {} }, callOptions(req));
        const present = ctx(req);
        res.json({
          badgelist: result.badges.map((b) => ({ location: present.absolute(badgeClassPath(b)) })),
          ...(paging && {
            pageData: { page: paging.page, count: paging.count, total: Number(result.pageInfo?.total ?? 0) },
          }),
        });
      },
    },
    {
      GET: {
        summary: 'List the badge class URL of every badge of every system',
        query: BADGE_LIST_QUERY,
        success: 200,
        returns: 'badgelist',
        errors: [400],
      },
    },
    { public: true },
  );

  routes.declare(
    '/public/badges/:badgeId',
    {
      async GET(req: Request, res: Response) {
        const id = String(req.params.badgeId);
        if (!/^[1-9]\d{0,17}$/.test(id)) throw DomainError.notFound('badge', 'id', id);
        sendClass(req, res, (await catalog.call('GetBadge', { id }, callOptions(req))).badge);
      },
    },
    {
      GET: {
        page: true,
        summary:
          "A badge's class document at Laurel's own public URL (Open Badges 2.0 on ?v=2_0 or Accept: application/ld+json)",
        success: 200,
        errors: [404],
      },
    },
    { public: true },
  );

  declareInContexts(
    routes,
    '/badges/:badgeSlug',
    {
      async GET(req: Request, res: Response) {
        sendClass(req, res, (await catalog.call('GetBadge', { path: badgeSlugPath(req) }, callOptions(req))).badge);
      },
    },
    (noun) => ({
      GET: {
        page: true,
        summary: `The badge class of a badge of ${noun}: Open Badges 1.0, or 2.0 on ?v=2_0 or Accept: application/ld+json`,
        success: 200,
        errors: [404],
      },
    }),
    { prefix: '/public', public: true },
  );
}
