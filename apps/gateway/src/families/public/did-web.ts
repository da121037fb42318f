/**
 * A site's did:web document (issue #11 item 2, open-badges-3.md §6) for
 * DID-minded wallets: the same Ed25519 keys as the issuer Profile, as
 * Multikeys under assertionMethod, controlled by the DID. The credentials'
 * issuer id stays the Profile URL (what the 1EdTech validator checks keys
 * against); `alsoKnownAs` links the two identifiers.
 */
import type { NextFunction, Request, Response } from 'express';
import { ob3IssuerId, siteDidWeb } from '@laurel/service-kit';
import { callOptions } from '../../http/request-context.js';
import type { BadgeKitDeps } from '../../badgekit-format/deps.js';
import { presentContext } from '../../badgekit-format/present-context.js';
import type { RouteTable } from '../../badgekit-format/route-table.js';
import { z } from '../../openapi/zod.js';

/** Where siteDidWeb resolves to (did:web: the DID's path segments, then did.json). */
const ROUTE = '/public/systems/:systemSlug/did.json';

const DID_CONTEXT = ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'];

export function mountPublicDidWeb(routes: RouteTable, deps: BadgeKitDeps): void {
  // One representation (application/did+json): no Accept turns it into a 406.
  routes.router.use(ROUTE, (req: Request, _res: Response, next: NextFunction) => {
    req.headers.accept = 'application/json';
    next();
  });
  routes.declare(
    ROUTE,
    {
      async GET(req: Request, res: Response) {
        const { system } = await deps.clients.catalog.call(
          'GetSystem',
          { slug: String(req.params.systemSlug) },
          callOptions(req),
        );
        if (!system) throw new Error('catalog answered without a system');
        const { keys } = await deps.clients.issuance.call('ListIssuerKeys', { siteId: system.id }, callOptions(req));
        const { origin } = presentContext(req, deps.config.PUBLIC_BASE_URL);
        const did = siteDidWeb(origin, system.slug);
        const methods = keys.map((key) => ({
          id: `${did}#${key.publicKeyMultibase}`,
          type: 'Multikey',
          controller: did,
          publicKeyMultibase: key.publicKeyMultibase,
        }));
        const document = {
          '@context': DID_CONTEXT,
          id: did,
          alsoKnownAs: [ob3IssuerId(origin, system.slug)],
          verificationMethod: methods,
          assertionMethod: methods.map((m) => m.id),
        };
        res.type('application/did+json').send(JSON.stringify(document));
      },
    },
    {
      GET: {
        summary:
          "The site's did:web DID document (did:web:<host>:public:systems:<site>): its Ed25519 issuer keys as Multikeys under assertionMethod, retired ones too",
        success: 200,
        response: z.object({
          '@context': z.array(z.string()),
          id: z.string().openapi({ example: 'did:web:badges.example.org:public:systems:demo' }),
          alsoKnownAs: z.array(z.string()).openapi({ description: "The site's Open Badges 3.0 issuer id" }),
          verificationMethod: z.array(
            z.object({
              id: z.string(),
              type: z.literal('Multikey'),
              controller: z.string(),
              publicKeyMultibase: z.string(),
            }),
          ),
          assertionMethod: z.array(z.string()),
        }),
        errors: [404],
      },
    },
    { public: true },
  );
}
