/**
 * The issuer organization documents of BadgeKit §10.3 (no authorization):
 * a badge class's `issuer` URL points at one of these, merged from the
 * program, issuer and system (organization-document.ts); browsers get a page.
 */
import type { Request, Response } from 'express';
import { callOptions } from '../../http/request-context.js';
import type { BadgeKitDeps } from '../../badgekit-format/deps.js';
import { presentContext } from '../../badgekit-format/present-context.js';
import type { RouteTable } from '../../badgekit-format/route-table.js';
import { askedForV3, sendIssuerProfile } from './credentials.js';
import { organizationDocument } from './organization-document.js';
import { profileV2, sendOpenBadges2, servedUrl, wantsOpenBadges2 } from './open-badges.js';
import { issuerView, type OrganizationLevel } from './page-models.js';
import { sendPage, wantsPage } from './page-negotiation.js';
import { issuerPage } from './pages.js';

// The merge lives in its own module (the pages use it too); its tests import it from here.
export { organizationDocument };

const DOC = { success: 200, errors: [404] };

export function mountPublicOrganizations(routes: RouteTable, deps: BadgeKitDeps): void {
  const { clients, config } = deps;
  const catalog = clients.catalog;
  // A page for browsers, the issuer profile of Open Badges 2.0 on request (model.md "Public documents"), else BadgeKit's document.
  const send = (req: Request, res: Response, levels: readonly OrganizationLevel[]) => {
    const document = organizationDocument(levels);
    if (wantsPage(req))
      sendPage(res, issuerPage(issuerView(levels, presentContext(req, config.PUBLIC_BASE_URL), req.path)));
    else if (wantsOpenBadges2(req))
      sendOpenBadges2(res, profileV2(document, servedUrl(req, presentContext(req, config.PUBLIC_BASE_URL))));
    else res.json(document);
  };
  const systemOf = (req: Request) =>
    catalog.call('GetSystem', { slug: String(req.params.systemSlug) }, callOptions(req));
  const issuerOf = (req: Request) =>
    catalog.call(
      'GetIssuer',
      { systemSlug: String(req.params.systemSlug), issuerSlug: String(req.params.issuerSlug) },
      callOptions(req),
    );
  const programOf = (req: Request) =>
    catalog.call(
      'GetProgram',
      {
        systemSlug: String(req.params.systemSlug),
        issuerSlug: String(req.params.issuerSlug),
        programSlug: String(req.params.programSlug),
      },
      callOptions(req),
    );

  // The levels are fetched in parallel. Each call resolves the path from the
  // system down, so any of them that fails names the first missing level.
  routes.declare(
    '/public/systems/:systemSlug',
    {
      async GET(req: Request, res: Response) {
        const { system } = await systemOf(req);
        // The site is the Open Badges 3.0 issuer: its Profile (with its keys) is this URL with ?v=3_0, the credentials' issuer id.
        if (askedForV3(req) && system)
          await sendIssuerProfile(req, res, deps, system, presentContext(req, config.PUBLIC_BASE_URL));
        else send(req, res, [system]);
      },
    },
    {
      GET: {
        ...DOC,
        page: true,
        summary:
          'The issuer organization document of a system (BadgeKit §10.3); Open Badges 2.0 Profile on ?v=2_0 or Accept: application/ld+json; the Open Badges 3.0 issuer Profile with its Multikey keys on ?v=3_0',
      },
    },
    { public: true },
  );

  routes.declare(
    '/public/systems/:systemSlug/issuers/:issuerSlug',
    {
      async GET(req: Request, res: Response) {
        const [{ issuer }, { system }] = await Promise.all([issuerOf(req), systemOf(req)]);
        send(req, res, [issuer, system]);
      },
    },
    {
      GET: { ...DOC, page: true, summary: 'The issuer organization document of an issuer, completed from its system' },
    },
    { public: true },
  );

  routes.declare(
    '/public/systems/:systemSlug/issuers/:issuerSlug/programs/:programSlug',
    {
      async GET(req: Request, res: Response) {
        const [{ program }, { issuer }, { system }] = await Promise.all([programOf(req), issuerOf(req), systemOf(req)]);
        send(req, res, [program, issuer, system]);
      },
    },
    {
      GET: {
        ...DOC,
        page: true,
        summary: 'The issuer organization document of a program, completed from its issuer and system',
      },
    },
    { public: true },
  );
}
