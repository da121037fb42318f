/**
 * Open Badges 3.0 public documents (issue #11, open-badges-3.md): an earned
 * badge's signed OpenBadgeCredential, and the site's issuer Profile that
 * lists the keys verifiers check it with. Issuance signs (once, on first
 * request) and keeps the credential; this only serves the stored text, so a
 * fetch costs no signing.
 *
 * Negotiation: a credential is asked for by `?v=3_0` or by an Accept that
 * ranks application/vc+ld+json first; the Profile only by `?v=3_0`, which
 * the issuer id itself carries. Plain JSON and JSON-LD (OB 2.0) clients of
 * the same URLs keep their documents.
 */
import type { NextFunction, Request, Response } from 'express';
import { DomainError, ob3IssuerId, OB3_QUERY, verificationMethodId } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { callOptions } from '../../http/request-context.js';
import type { BadgeKitDeps } from '../../badgekit-format/deps.js';
import { BadgeKitError } from '../../badgekit-format/errors.js';
import { presentContext, type PresentContext } from '../../badgekit-format/present-context.js';
import type { RouteTable } from '../../badgekit-format/route-table.js';
import { z } from '../../openapi/zod.js';

export const VC_MEDIA_TYPE = 'application/vc+ld+json';

const v3Requests = new WeakSet<Request>();

export const askedForV3 = (req: Request): boolean => req.query.v === OB3_QUERY.slice(2);

/**
 * Runs before the accept check, which knows no application/vc+ld+json and
 * would answer 406: a request ranking it first, or naming 3.0 by query, is
 * remembered and passes as JSON.
 */
export function negotiateCredential(req: Request, _res: Response, next: NextFunction): void {
  const vcFirst =
    Boolean(req.headers.accept) &&
    req.accepts(['application/json', 'application/ld+json', VC_MEDIA_TYPE]) === VC_MEDIA_TYPE;
  // `?format=` also names one document (or is a 400 in JSON): no Accept may turn it into a 406.
  if (vcFirst || askedForV3(req) || req.query.format !== undefined) {
    v3Requests.add(req);
    // `?v=3_0` names one document (the issuer id carries it): whatever a client accepts, it gets that, never a 406.
    req.headers.accept = 'application/json';
  }
  next();
}

export const wantsCredential = (req: Request): boolean => v3Requests.has(req);

const notFound = () => new BadgeKitError(404, { code: 'ResourceNotFound', message: 'Could not find badge instance' });

/** Answers the award's signed credential, exactly as issuance keeps it; revoked awards too (their credential still verifies). */
export async function sendCredential(
  req: Request,
  res: Response,
  deps: BadgeKitDeps,
  uid: string,
  ctx: PresentContext,
): Promise<void> {
  let credential: string;
  try {
    ({ credential } = await deps.clients.issuance.call(
      'GetCredential',
      { uid, publicOrigin: ctx.origin },
      callOptions(req),
    ));
  } catch (error) {
    if (error instanceof DomainError && error.reason === 'ResourceNotFound') throw notFound();
    throw error;
  }
  res.type(VC_MEDIA_TYPE).send(credential);
}

/**
 * The VC-JWT media type is not registered for OB 3.0; the design note
 * (open-badges-3.md §2) serves the compact JWS as text, as the OB 3.0 API
 * exchanges it (`text/plain` on POST /credentials).
 */
export const JWT_MEDIA_TYPE = 'text/plain';

/** The award's credential as a compact JWS (RS256), exactly as issuance keeps it. */
export async function sendCredentialJwt(
  req: Request,
  res: Response,
  deps: BadgeKitDeps,
  uid: string,
  ctx: PresentContext,
): Promise<void> {
  let jwt: string;
  try {
    ({ jwt } = await deps.clients.issuance.call(
      'GetCredentialJwt',
      { uid, publicOrigin: ctx.origin },
      callOptions(req),
    ));
  } catch (error) {
    if (error instanceof DomainError && error.reason === 'ResourceNotFound') throw notFound();
    throw error;
  }
  res.type(JWT_MEDIA_TYPE).send(jwt);
}

/** `?format=`: absent for the JSON-LD credential, `jwt` for the JWS; anything else is a 400. */
function credentialFormat(req: Request): 'ld' | 'jwt' {
  const { format } = req.query;
  if (format === undefined) return 'ld';
  if (format === 'jwt') return 'jwt';
  // Reported as String() renders it: a repeated `format` comma-joined, a nested one "[object Object]".
  const sent: unknown = format;
  throw new BadgeKitError(400, {
    code: 'ValidationError',
    message: 'Could not validate required fields',
    details: [{ field: 'format', value: String(sent), message: 'jwt, or absent' }],
  });
}

/**
 * Terms the Profile needs beyond the VC and OB contexts, which define
 * neither verification relationship at the top level: the Multikey context
 * for the keys, and the two relationships in the security vocabulary, where
 * verifiers (jsigs frames the controller document) look them up. Inline,
 * because no context we may serve offline defines them all.
 */
const PROFILE_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://w3id.org/security/multikey/v1',
  {
    verificationMethod: { '@id': 'https://w3id.org/security#verificationMethod', '@type': '@id', '@container': '@set' },
    assertionMethod: { '@id': 'https://w3id.org/security#assertionMethod', '@type': '@id', '@container': '@set' },
  },
];

const absoluteUrl = (value: string | null | undefined): string | undefined =>
  value && URL.canParse(value) ? value : undefined;

/** The site's OB 3.0 issuer Profile: every key it ever signed with, so that older credentials keep verifying. */
export async function sendIssuerProfile(
  req: Request,
  res: Response,
  deps: BadgeKitDeps,
  system: catalogV1.System__Output,
  ctx: PresentContext,
): Promise<void> {
  const { keys } = await deps.clients.issuance.call('ListIssuerKeys', { siteId: system.id }, callOptions(req));
  const id = ob3IssuerId(ctx.origin, system.slug);
  const methods = keys.map((key) => ({
    id: verificationMethodId(id, key.publicKeyMultibase),
    type: 'Multikey',
    controller: id,
    publicKeyMultibase: key.publicKeyMultibase,
  }));
  const image = absoluteUrl(ctx.imageUrl(system.image));
  const profile = {
    '@context': PROFILE_CONTEXT,
    id,
    type: ['Profile'],
    name: system.name,
    ...(absoluteUrl(system.url) && { url: system.url }),
    ...(system.email && { email: system.email }),
    ...(system.description && { description: system.description }),
    ...(image && { image: { id: image, type: 'Image' } }),
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
  res.type('application/ld+json').send(JSON.stringify(profile));
}

/**
 * A revocation must show within seconds (issue #11 item 3), so caches must not
 * answer a list from memory: a max-age of N would let a verifier behind a cache
 * accept a revoked badge for up to N seconds (open-badges-3.md's 300 meant five
 * minutes). `no-cache` still lets every cache keep the list, and revalidating
 * it with the ETag costs a 304 with no body; the list itself is signed once per
 * version, never per request.
 */
export const STATUS_LIST_CACHE_CONTROL = 'public, no-cache';

const DIGITS = /^[1-9]\d{0,17}$/;

export function mountPublicCredentials(routes: RouteTable, deps: BadgeKitDeps): void {
  routes.router.use('/public/credentials', negotiateCredential);
  // A status list has one representation: whatever a verifier accepts (often application/ld+json), it gets that, never a 406.
  routes.router.use('/public/status-lists', (req: Request, _res: Response, next: NextFunction) => {
    req.headers.accept = 'application/json';
    next();
  });
  routes.declare(
    '/public/credentials/:uid',
    {
      async GET(req: Request, res: Response) {
        const send = credentialFormat(req) === 'jwt' ? sendCredentialJwt : sendCredential;
        await send(req, res, deps, String(req.params.uid), presentContext(req, deps.config.PUBLIC_BASE_URL));
      },
    },
    {
      GET: {
        summary:
          "The Open Badges 3.0 OpenBadgeCredential of an earned badge (application/vc+ld+json), signed with eddsa-rdfc-2022 by its site's key; revoked awards keep theirs. " +
          'With ?format=jwt: the same credential as a VC-JWT, a compact JWS (text/plain) signed RS256, whose kid is a URL answering its one public JWK',
        query: [
          {
            name: 'format',
            description: '`jwt` for the VC-JWT (compact JWS); absent for the JSON-LD credential',
            values: ['jwt'],
          },
        ],
        success: 200,
        errors: [400, 404],
      },
    },
    { public: true },
  );

  routes.router.use('/public/issuer-keys', (req: Request, _res: Response, next: NextFunction) => {
    req.headers.accept = 'application/json';
    next();
  });
  routes.declare(
    '/public/issuer-keys/:siteId/:thumbprint',
    {
      async GET(req: Request, res: Response) {
        const siteId = String(req.params.siteId);
        const thumbprint = String(req.params.thumbprint);
        const missing = () =>
          new BadgeKitError(404, { code: 'ResourceNotFound', message: 'Could not find issuer key' });
        if (!DIGITS.test(siteId)) throw missing();
        const { keys } = await deps.clients.issuance.call('ListIssuerJwks', { siteId }, callOptions(req));
        const key = keys.find((k) => k.thumbprint === thumbprint);
        if (!key) throw missing();
        res.type('application/jwk+json').send(key.jwk);
      },
    },
    {
      GET: {
        summary:
          'One RSA public key of a site as a JWK (application/jwk+json): the kid of its VC-JWT credentials, named by its RFC 7638 thumbprint',
        success: 200,
        response: z
          .object({
            kty: z.literal('RSA'),
            n: z.string(),
            e: z.string(),
            alg: z.literal('RS256'),
            use: z.literal('sig'),
          })
          .openapi({ description: 'One public JWK (not a JWK Set)' }),
        errors: [404],
      },
    },
    { public: true },
  );

  routes.declare(
    '/public/status-lists/:siteId/:number',
    {
      async GET(req: Request, res: Response) {
        const siteId = String(req.params.siteId);
        const number = String(req.params.number);
        const missing = () =>
          new BadgeKitError(404, { code: 'ResourceNotFound', message: 'Could not find status list' });
        if (!DIGITS.test(siteId) || !DIGITS.test(number) || Number(number) > 2 ** 31 - 1) throw missing();
        let credential: string;
        try {
          ({ credential } = await deps.clients.issuance.call(
            'GetStatusList',
            { siteId, number: Number(number) },
            callOptions(req),
          ));
        } catch (error) {
          if (error instanceof DomainError && error.reason === 'ResourceNotFound') throw missing();
          throw error;
        }
        res.set('Cache-Control', STATUS_LIST_CACHE_CONTROL).type(VC_MEDIA_TYPE).send(credential);
      },
    },
    {
      GET: {
        summary:
          "A site's revocation list: a signed BitstringStatusListCredential (131,072 entries) that Open Badges 3.0 credentials point at; caches revalidate it with its ETag on every use, so a revocation shows at once",
        success: 200,
        errors: [404],
      },
    },
    { public: true },
  );
}
