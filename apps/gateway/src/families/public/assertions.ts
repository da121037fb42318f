/**
 * Hosted assertions (BadgeKit §10.1, model.md "Public documents" and
 * "Revocation"): every earned badge verifies at its uid, in BadgeKit's 1.0
 * shape or as Open Badges 2.0. A revoked award answers 410 so that verifiers
 * learn of it; an award whose badge or system is gone is not found (D-20).
 * Expired awards still verify, with their `expires`.
 */
import type { Request, Response } from 'express';
import { DomainError, badgeClassPath } from '@laurel/service-kit';
import type { catalogV1, issuanceV1 } from '@laurel/protos';
import { callOptions } from '../../http/request-context.js';
import type { BadgeKitDeps } from '../../badgekit-format/deps.js';
import { BadgeKitError } from '../../badgekit-format/errors.js';
import { assertionPath, presentContext } from '../../badgekit-format/present-context.js';
import type { RouteTable } from '../../badgekit-format/route-table.js';
import {
  assertionV1,
  assertionV2,
  negotiateOpenBadges,
  revokedDocument,
  sendOpenBadges2,
  servedUrl,
  wantsOpenBadges2,
} from './open-badges.js';
import { negotiateCredential, sendCredential, wantsCredential } from './credentials.js';
import { assertionView } from './page-models.js';
import { negotiatePage, sendPage, wantsPage } from './page-negotiation.js';
import { assertionPage } from './pages.js';

const notFound = () => new BadgeKitError(404, { code: 'ResourceNotFound', message: 'Could not find badge instance' });

/**
 * Mounted before the other public documents: the negotiation it installs
 * (a page for browsers, then the Open Badges version) must run ahead of
 * every route's accept check.
 */
export function mountPublicAssertions(routes: RouteTable, { clients, config, members }: BadgeKitDeps): void {
  const { catalog, issuance } = clients;
  routes.router.use(['/public/assertions', '/public/badges/:badgeId', '/public/systems'], negotiatePage);
  // Open Badges 3.0 before 2.0: an Accept naming both VC and plain JSON-LD asks for the credential.
  routes.router.use(['/public/assertions', '/public/systems'], negotiateCredential);
  routes.router.use(['/public/assertions', '/public/badges', '/public/systems'], negotiateOpenBadges);

  const orNotFound = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (error instanceof DomainError && error.reason === 'ResourceNotFound') throw notFound();
      throw error;
    }
  };

  routes.declare(
    '/public/assertions/:instanceSlug',
    {
      async GET(req: Request, res: Response) {
        const uid = String(req.params.instanceSlug);
        if (wantsCredential(req)) {
          // Revoked awards too: OB 3.0 credentials stay verifiable, revocation is their status's business.
          await sendCredential(
            req,
            res,
            { clients, config, members },
            uid,
            presentContext(req, config.PUBLIC_BASE_URL),
          );
          return;
        }
        // uids are unique across sites, so no site is named (site 0).
        const { earnedBadge } = await orNotFound(() =>
          issuance.call('GetEarnedBadge', { siteId: '0', uid }, callOptions(req)),
        );
        const earned: issuanceV1.EarnedBadge__Output | null = earnedBadge;
        if (!earned) throw notFound();
        const badgeOf = async (): Promise<catalogV1.Badge__Output | null> => {
          try {
            return (
              await catalog.call(
                'GetBadge',
                { id: earned.badgeId, siteId: earned.recipient?.siteId ?? '0' },
                callOptions(req),
              )
            ).badge;
          } catch (error) {
            if (error instanceof DomainError && error.reason === 'ResourceNotFound') return null;
            throw error;
          }
        };
        if (wantsPage(req)) {
          // A revoked award is shown as revoked (with 410, as its JSON), also when its badge is gone since.
          const badge = await badgeOf();
          if (!earned.revokedAt && !badge?.system) throw notFound();
          sendPage(
            res,
            assertionPage(
              assertionView(earned, badge, presentContext(req, config.PUBLIC_BASE_URL), req.path, new Date()),
            ),
          );
          return;
        }
        if (earned.revokedAt) {
          const v2 = wantsOpenBadges2(req);
          const document = revokedDocument(
            earned,
            v2 ? servedUrl(req, presentContext(req, config.PUBLIC_BASE_URL)) : undefined,
          );
          res.status(410);
          if (v2) sendOpenBadges2(res, document);
          else res.json(document);
          return;
        }
        const known: catalogV1.Badge__Output | null = await badgeOf();
        if (!known?.system) throw notFound();
        const ctx = presentContext(req, config.PUBLIC_BASE_URL);
        const badgeClassUrl = ctx.absolute(badgeClassPath(known));
        if (wantsOpenBadges2(req)) sendOpenBadges2(res, assertionV2(earned, badgeClassUrl, servedUrl(req, ctx)));
        else res.json(assertionV1(earned, badgeClassUrl, ctx.absolute(assertionPath(earned.uid))));
      },
    },
    {
      GET: {
        page: true,
        summary:
          'The hosted assertion of an earned badge: BadgeKit (Open Badges 1.0) by default, Open Badges 2.0 on ?v=2_0 or Accept: application/ld+json (410 once revoked), the signed Open Badges 3.0 credential on ?v=3_0 or Accept: application/vc+ld+json',
        success: 200,
        errors: [404, 410],
      },
    },
    { public: true },
  );
}
